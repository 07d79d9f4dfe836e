// Turns spreadsheet rows (already mapped to fields) into ledger problems with measures and outcomes, and a
// validation report with sheet, row, column and a Chinese message. Pure; knows nothing about exceljs.
// A measure row continues the problem above it when its problem cell is empty, filled from a merged
// range, or repeats the same problem (after normalisation; 编号 equal, empty or extending it: 1 → 1.1);
// otherwise it starts or rejoins the problem with that 编号+title. Every non-blank row below a header
// becomes data or a finding naming its sheet and row: nothing is dropped silently.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import { classifyLedgerRow, type RowCell } from "./classify-ledger-row.ts";
import {
  assignSheetAspects,
  checkProblemSheets,
  chooseUnit,
  rowRoleFinding,
  sortIssues,
} from "./ledger-findings.ts";
import type { CollectedLedger, ImportIssue, RowCells } from "./collected-ledger.ts";
import { titleFacts, type NearHeader, type SheetHeader } from "./detect-header.ts";
import {
  columnReport,
  headerWarnings,
  missingColumnError,
  skippedSheetFindings,
  type ColumnReport,
  type SkippedRows,
} from "./header-findings.ts";
import { columnLetter, headerOf, type LedgerField } from "./ledger-columns.ts";
import { cellText, inspectionFactsFrom, type Origin, type ProblemDraft } from "./ledger-row-inputs.ts";
import { problemInputs } from "./problem-inputs.ts";
import { expandResponsibleCell, withResponsibleColumns } from "./split-responsible.ts";
import { applyResponsibilities, responsibilityRow, type ResponsibilityRow } from "./responsibility-list.ts";
import { SUMMARY_FACTS } from "./ledger-workbook.ts";
import { deadlineYearSource } from "./deadline-year.ts";
import { statusFromProgress } from "./parse-ledger-words.ts";
import { problemKey, problemTitle } from "./problem-title.ts";

const LIMITS: Partial<Record<LedgerField, number>> = {
  problem: 500,
  measure: 4000,
  leader: 100,
  department: 100,
  person: 100,
  aspect: 500,
};
const text = cellText;
const FACT_BY_LABEL = new Map<string, keyof typeof SUMMARY_FACTS>(
  Object.entries(SUMMARY_FACTS).map(([k, v]) => [v, k as keyof typeof SUMMARY_FACTS]),
);

export class LedgerRowCollector {
  private readonly problems: ProblemDraft[] = [];
  private readonly responsibilities: ResponsibilityRow[] = [];
  private readonly byKey = new Map<string, ProblemDraft>();
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly notes: string[] = [];
  private readonly sheetHeaders: { name: string; header: SheetHeader }[] = [];
  /** Sheets whose rows are not read (a task list without a problem column); rows counted for the error. */
  private unreadable: { rows: number; first: number; last: number } | undefined;
  private headingAspect: string | null = null;
  private readonly units = new Set<string>();
  private readonly facts: Record<string, string> = {};
  private readonly titles: string[] = [];
  private sheetName = "";
  private header: SheetHeader | undefined;
  private current: { draft: ProblemDraft | null; no: string; key: string } | undefined;
  private sheetColumns: ReadonlyMap<LedgerField, number> = new Map();
  /** A task list without a problem column whose 问题编号 refers to the problems of an earlier 问题清单. */
  private linkedByNumber = false;
  private dataRows = 0;

  constructor(
    private readonly options: {
      skipInvalid: boolean;
      reference?: CalendarDate | null;
      /** In a workbook of several units (a --round/--all export), read only this unit's rows. */
      onlyUnit?: string | undefined;
    },
  ) {}

  /** Starts a sheet whose header was detected; `hiddenColumns` are only mentioned (they are read as usual). */
  sheet(name: string, header: SheetHeader, hiddenColumns: readonly number[] = []): void {
    this.closeSheet();
    this.sheetName = name;
    this.header = header;
    this.sheetColumns = withResponsibleColumns(invert(header.columns));
    this.current = undefined;
    this.headingAspect = null;
    this.titles.push(...header.titles);
    this.sheetHeaders.push({ name, header });
    const found = headerWarnings(name, header, hiddenColumns);
    this.warnings.push(...found.warnings);
    this.notes.push(...found.notes);
    const missing = header.kind === "measures" ? missingColumnError(name, header, true) : undefined;
    const numberColumn = this.sheetColumns.get("no");
    this.linkedByNumber =
      missing !== undefined && numberColumn !== undefined && this.problems.some((p) => p.no !== "");
    if (this.linkedByNumber && numberColumn !== undefined)
      this.notes.push(
        `工作表“${name}”没有问题列，按${columnLetter(numberColumn)}列“${header.cells.find((c) => c.column === numberColumn)?.text ?? ""}”对应前面问题清单中的问题编号`,
      );
    else if (missing) {
      this.errors.push(missing);
      this.unreadable = { rows: 0, first: 0, last: 0 };
    }
  }

  /**
   * A sheet without a header: said in the notes, so no sheet disappears unmentioned; a row that nearly heads a
   * list (a field named beside unknown words) is a warning per unknown column.
   */
  skippedSheet(name: string, rows: SkippedRows, near?: NearHeader): void {
    this.closeSheet();
    const found = skippedSheetFindings(name, rows, near);
    this.warnings.push(...found.warnings);
    this.notes.push(...found.notes);
  }

  /** Names the rows of an unreadable sheet in its error. */
  private closeSheet(): void {
    const u = this.unreadable;
    if (u && u.rows > 0) {
      const error = this.errors.find(
        (e) => e.sheet === this.sheetName && e.code === "problem_column_missing",
      );
      if (error)
        Object.assign(error, { message: `${error.message}；第${u.first}–${u.last}行共${u.rows}行未导入` });
    }
    this.unreadable = undefined;
  }

  /** Which column became which field, per sheet (for the import report). */
  columnReports(): { sheet: string; columns: ColumnReport[] }[] {
    return this.sheetHeaders.map(({ name, header }) => ({ sheet: name, columns: columnReport(header) }));
  }

  private warn(row: number, code: string, message: string, column: number | null = null): void {
    this.warnings.push({
      sheet: this.sheetName,
      row,
      column: column === null ? null : columnLetter(column),
      code,
      message,
    });
  }

  private issue(
    row: number | null,
    field: LedgerField | null,
    code: string,
    message: string,
    columns?: ReadonlyMap<LedgerField, number>,
  ): void {
    const column = field === null ? undefined : (columns?.get(field) ?? this.columnOf(field));
    this.errors.push({
      sheet: this.sheetName,
      row,
      column: column === undefined ? null : columnLetter(column),
      code,
      message,
    });
  }

  private columnOf(field: LedgerField): number | undefined {
    for (const [column, f] of this.header?.columns ?? []) if (f === field) return column;
    return undefined;
  }

  private tooLong(row: number, cells: RowCells, fields: readonly LedgerField[]): boolean {
    let bad = false;
    for (const f of fields) {
      const max = LIMITS[f];
      if (max !== undefined && text(cells, f).length > max) {
        this.issue(row, f, "too_long", `${headerOf(f)}超过${max}个字符`);
        bad = true;
      }
    }
    return bad;
  }

  private findOrAdd(origin: Origin, cells: RowCells, fromProblemSheet: boolean): ProblemDraft {
    const unit = text(cells, "unit");
    const no = text(cells, "no");
    const title = problemKey(text(cells, "problem"));
    const exact = this.byKey.get(`${unit}\u0000${no}\u0000${title}`);
    const loose = exact ?? this.byKey.get(`${unit}\u0000\u0000${title}`);
    const found = exact ?? (loose && (no === "" || loose.no === "") ? loose : undefined);
    const aspect = text(cells, "aspect") || null;
    if (found) {
      if (found.aspect === null) found.aspect = aspect ?? this.headingAspect;
      if (fromProblemSheet) found.cells = cells;
      return found;
    }
    const draft: ProblemDraft = {
      origin,
      unit,
      no,
      title: problemTitle(text(cells, "problem")),
      aspect: aspect ?? this.headingAspect,
      sheetAspect: this.sheetColumns.has("aspect") ? null : this.sheetName,
      cells: fromProblemSheet ? cells : null,
      measures: [],
      outcomes: [],
    };
    this.problems.push(draft);
    this.byKey.set(`${unit}\u0000${no}\u0000${title}`, draft);
    if (!this.byKey.has(`${unit}\u0000\u0000${title}`)) this.byKey.set(`${unit}\u0000\u0000${title}`, draft);
    return draft;
  }

  /**
   * One non-blank row of the current sheet: `cells` by field, `all` every non-empty cell (mapped or not).
   * Headings, totals, signature lines and rows with text only in unread columns become findings.
   */
  add(row: number, given: RowCells, all: readonly RowCell[] = []): void {
    const header = this.header;
    if (!header) return;
    if (this.unreadable) {
      const u = this.unreadable;
      this.unreadable = { rows: u.rows + 1, first: u.first || row, last: row };
      return;
    }
    if (all.length > 0 && !this.roleHandled(row, all)) return;
    this.dataRows += 1;
    const expanded = expandResponsibleCell(given);
    const cells = expanded?.cells ?? given;
    if (expanded?.warning) this.warn(row, "responsible_unsplit", expanded.warning, expanded.column);
    const unit = text(cells, "unit");
    if (unit !== "") this.units.add(unit);
    const origin: Origin = { sheet: this.sheetName, row, columns: this.sheetColumns };
    switch (header.kind) {
      case "summary": {
        const key = FACT_BY_LABEL.get(text(cells, "item"));
        const value = cells.get("value");
        if (key && value && value.text !== "")
          this.facts[key] = value.value instanceof Date ? value.value.toISOString().slice(0, 10) : value.text;
        return;
      }
      case "problems": {
        if (text(cells, "problem") === "") return this.issue(row, "problem", "missing_problem", "问题为空");
        if (this.tooLong(row, cells, ["problem", "aspect"])) return;
        this.findOrAdd(origin, cells, true);
        return;
      }
      case "outcomes": {
        const target =
          this.byKey.get(`${unit}\u0000${text(cells, "no")}\u0000${problemKey(text(cells, "problem"))}`) ??
          this.byKey.get(`${unit}\u0000\u0000${problemKey(text(cells, "problem"))}`);
        if (!target)
          return this.issue(
            row,
            "problem",
            "outcome_problem_not_found",
            "成效所属的问题（问题编号、问题）在台账中找不到",
          );
        target.outcomes.push({ origin, cells });
        return;
      }
      case "responsibilities":
        this.responsibilities.push(responsibilityRow(origin, cells));
        return;
      case "measures":
        this.addMeasureRow(row, origin, cells, all.length === 0 || all.some((c) => !c.filled));
    }
  }

  /** False when the row is no data (a heading, totals, signature, note, unread text); said as a finding. */
  private roleHandled(row: number, all: readonly RowCell[]): boolean {
    const header = this.header;
    if (!header || !["measures", "problems", "responsibilities"].includes(header.kind)) return true;
    const role = classifyLedgerRow(all, header.columns);
    if (role.role === "data") return true;
    if (role.role === "aspect_heading") {
      this.headingAspect = role.aspect;
      this.current = undefined;
      return false;
    }
    const finding = rowRoleFinding(this.sheetName, row, role, all);
    if (finding) this.warnings.push(finding);
    return false;
  }

  private addMeasureRow(row: number, origin: Origin, cells: RowCells, own: boolean): void {
    if (this.linkedByNumber && !this.followLink(row, text(cells, "no"))) return;
    const p = cells.get("problem");
    const n = cells.get("no");
    const title = problemKey(p?.text ?? "");
    const no = n?.text ?? "";
    const current = this.current;
    // Measures numbered under their problem (1.1, 1.2 or 1-1) share its number's first part.
    const sameNo = (c: { no: string }) =>
      no === "" ||
      n?.filled === true ||
      no === c.no ||
      parentNo(no) === c.no ||
      (parentNo(no) !== undefined && parentNo(no) === parentNo(c.no));
    const continues =
      current !== undefined &&
      (title === "" || p?.filled === true || (title === current.key && sameNo(current)));
    let draft: ProblemDraft | null;
    let started = false;
    if (continues) draft = current.draft;
    else if (title === "") {
      this.issue(row, "problem", "missing_problem", "问题为空，且上方没有可归属的问题");
      draft = null;
    } else {
      draft = this.tooLong(row, cells, ["problem", "aspect"]) ? null : this.findOrAdd(origin, cells, false);
      this.current = { draft, no, key: title };
      started = true;
    }
    if (text(cells, "measure") === "") {
      const filled = (["kind", "leader", "department", "person", "deadline", "status"] as const).filter(
        (f) => text(cells, f) !== "",
      );
      if (filled.length > 0)
        this.issue(row, "measure", "missing_measure", "整改措施为空，但填写了责任或时限");
      else if (!started && own)
        this.warn(
          row,
          "row_not_imported",
          `工作表“${this.sheetName}”第${row}行没有整改措施，也不是新的问题，未导入`,
          this.sheetColumns.get("measure") ?? null,
        );
      return;
    }
    if (draft === null) {
      if (continues) this.issue(row, "problem", "problem_invalid", "所属问题有误（见上方）");
      return;
    }
    if (this.tooLong(row, cells, ["measure", "leader", "department", "person"])) return;
    draft.measures.push({
      origin,
      measureNo: text(cells, "measureNo") || (no !== draft.no ? no : ""),
      text: text(cells, "measure"),
      kind: text(cells, "kind"),
      status: this.sheetColumns.has("status")
        ? text(cells, "status")
        : statusFromProgress(text(cells, "progress")),
      deadline: cells.get("deadline")?.value ?? null,
      leader: text(cells, "leader"),
      department: text(cells, "department"),
      person: text(cells, "person"),
      cooperating: text(cells, "cooperating"),
    });
  }

  /**
   * In a task list linked by number, makes the problem numbered `no` the current one (an empty number keeps
   * the one above, as a merged cell does); false, with an error naming the cell, when no problem has it.
   */
  private followLink(row: number, no: string): boolean {
    if (no === "") return true;
    const key = no.normalize("NFKC").trim();
    const draft =
      this.problems.find((p) => p.no.normalize("NFKC").trim() === key) ??
      this.problems.find((p) => p.no !== "" && p.no.normalize("NFKC").trim() === parentNo(key));
    if (!draft) {
      this.issue(row, "no", "problem_not_found", `问题编号“${no}”在问题清单中找不到，该行未导入`);
      this.current = undefined;
      return false;
    }
    this.current = { draft, no: draft.no, key: problemKey(draft.title) };
    return true;
  }

  /** Parses what depends on the whole workbook (deadlines need the feedback date) and builds the result. */
  finish(): CollectedLedger {
    this.closeSheet();
    const chosen = chooseUnit([...this.units], this.options.onlyUnit, this.problems);
    if (chosen.error) this.errors.push(chosen.error);
    if (chosen.note) this.notes.push(chosen.note);
    this.problems.splice(0, this.problems.length, ...chosen.kept);
    const checked = checkProblemSheets(this.sheetHeaders, this.problems);
    this.errors.push(...checked.errors);
    this.warnings.push(...checked.warnings);
    this.problems.splice(0, this.problems.length, ...checked.kept);
    assignSheetAspects(this.problems);
    const responsibilities = applyResponsibilities(this.problems, this.responsibilities);
    this.warnings.push(...responsibilities.warnings);
    this.notes.push(...responsibilities.notes);
    const facts = inspectionFactsFrom(this.facts, this.titles);
    const year = deadlineYearSource({
      given: this.options.reference ?? facts.feedbackDate ?? null,
      asOf: this.facts.asOf ?? this.titles.map((t) => titleFacts(t).asOf).find((d) => d) ?? null,
      problems: this.problems,
    });
    const { problems, aspects, skipped } = problemInputs(this.problems, year, this.errors, this.warnings);
    const unitName =
      chosen.unit ??
      [...this.units][0] ??
      this.facts.unit ??
      this.titles.map((t) => titleFacts(t).unitName).find((u) => u) ??
      null;
    const errors = sortIssues(this.errors);
    return {
      unitName,
      facts,
      aspects,
      problems,
      errors,
      warnings: sortIssues(this.warnings),
      notes: [...this.notes],
      columns: this.columnReports(),
      skippedRows: this.options.skipInvalid ? skipped : 0,
      dataRows: this.dataRows,
    };
  }
}

/** "1.2" → "1", "1-2" → "1"; a number without parts has no parent. */
const parentNo = (no: string): string | undefined => /^(.+?)[.．\-－]\d+$/.exec(no.normalize("NFKC"))?.[1];

const invert = (columns: ReadonlyMap<number, LedgerField>): Map<LedgerField, number> =>
  new Map([...columns].map(([c, f]) => [f, c]));
