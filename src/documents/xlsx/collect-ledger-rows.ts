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
import {
  cellText,
  inspectionFactsFrom,
  tooLongFields,
  type Origin,
  type ProblemDraft,
} from "./ledger-row-inputs.ts";
import { continuesProblem, ProblemIndex, withProblemFieldsOf } from "./problem-index.ts";
import { problemInputs } from "./problem-inputs.ts";
import { expandResponsibleCell, withResponsibleColumns } from "./split-responsible.ts";
import { applyResponsibilities, responsibilityRow, type ResponsibilityRow } from "./responsibility-list.ts";
import { openProblemless, settle, type ProblemlessSheet } from "./problemless-sheet.ts";
import { SUMMARY_FACTS } from "./ledger-workbook.ts";
import { deadlineYearSource } from "./deadline-year.ts";
import { measureDraftOf, ProgressNotes } from "./measure-row.ts";
import { problemKey } from "./problem-title.ts";

const text = cellText;
const FACT_BY_LABEL = new Map<string, keyof typeof SUMMARY_FACTS>(
  Object.entries(SUMMARY_FACTS).map(([k, v]) => [v, k as keyof typeof SUMMARY_FACTS]),
);

export class LedgerRowCollector {
  private readonly problems = new ProblemIndex();
  private readonly responsibilities: ResponsibilityRow[] = [];
  private readonly errors: ImportIssue[] = [];
  private readonly warnings: ImportIssue[] = [];
  private readonly notes: string[] = [];
  private readonly sheetHeaders: { name: string; header: SheetHeader }[] = [];
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
  /** The current sheet when it has no problem column and its rows wait (see problemless-sheet.ts). */
  private problemless: ProblemlessSheet | undefined;
  /** Such sheets read before any task: decided when the workbook ends. */
  private readonly waiting: ProblemlessSheet[] = [];
  private dataRows = 0;
  private readonly progress = new ProgressNotes();

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
    this.problemless = openProblemless(name, header, this.sheetColumns, missing, this.problems.list);
    this.linkedByNumber = missing !== undefined && this.problemless === undefined;
    if (this.linkedByNumber) this.notes.push(linkNote(name, header, this.sheetColumns));
  }

  /**
   * A sheet without a header: said in the notes, so no sheet disappears unmentioned; a row that nearly heads a
   * list (a field named beside unknown words) is a warning per unknown column.
   */
  skippedSheet(name: string, rows: SkippedRows, near?: NearHeader): void {
    this.closeSheet();
    const found = skippedSheetFindings(name, rows, near);
    this.errors.push(...found.errors);
    this.warnings.push(...found.warnings);
    this.notes.push(...found.notes);
  }

  /** Settles the sheet just read when it had no problem column, or keeps it waiting for the workbook's end. */
  private closeSheet(): void {
    const sheet = this.problemless;
    this.problemless = undefined;
    if (sheet) this.settleSheet(sheet, false);
  }

  private settleSheet(sheet: ProblemlessSheet, end: boolean): void {
    const settled = settle(sheet, this.problems.list, end);
    switch (settled.as) {
      case "waiting":
        this.waiting.push(sheet);
        return;
      case "refused":
        this.errors.push(settled.error);
        return;
      case "responsibilities":
        this.responsibilities.push(...settled.rows);
        this.notes.push(settled.note);
        return;
      case "tasks": {
        // Read as the sheet it is, even when decided at the workbook's end.
        this.sheetName = sheet.name;
        this.header = sheet.header;
        this.sheetColumns = sheet.columns;
        this.current = undefined;
        this.linkedByNumber = true;
        this.notes.push(settled.note);
        for (const r of settled.rows) this.addMeasureRow(r.origin, r.cells, r.own);
        this.linkedByNumber = false;
      }
    }
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
    const long = tooLongFields(cells, fields);
    for (const { field, max } of long)
      this.issue(row, field, "too_long", `${headerOf(field)}超过${max}个字符`);
    return long.length > 0;
  }

  private findOrAdd(origin: Origin, cells: RowCells, fromProblemSheet: boolean): ProblemDraft {
    const aspect = text(cells, "aspect") || this.headingAspect;
    return this.problems.findOrAdd(origin, cells, { fromProblemSheet, aspect, sheetAspect: this.sheetName });
  }

  /**
   * One non-blank row of the current sheet: `cells` by field, `all` every non-empty cell (mapped or not).
   * Headings, totals, signature lines and rows with text only in unread columns become findings.
   */
  add(row: number, given: RowCells, all: readonly RowCell[] = []): void {
    const header = this.header;
    if (!header) return;
    if (all.length > 0 && !this.roleHandled(row, all)) return;
    this.dataRows += 1;
    const expanded = expandResponsibleCell(given);
    const cells = expanded?.cells ?? given;
    for (const w of expanded?.warnings ?? []) this.warn(row, "responsible_unsplit", w.message, w.column);
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
        const target = this.problems.find(unit, text(cells, "no"), problemKey(text(cells, "problem")), true);
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
        this.responsibilities.push(this.responsibilityRow(origin, cells));
        return;
      case "measures":
        this.addMeasureRow(origin, cells, all.length === 0 || all.some((c) => !c.filled));
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

  /** A 责任清单 row; its number column picks the problem only when headed 问题 (else it may be a 序号). */
  private responsibilityRow(origin: Origin, cells: RowCells): ResponsibilityRow {
    const column = origin.columns.get("no");
    const header = this.header?.cells.find((c) => c.column === column)?.text ?? "";
    return responsibilityRow(origin, cells, header.includes("问题"));
  }

  private addMeasureRow(origin: Origin, cells: RowCells, own: boolean): void {
    const row = origin.row;
    if (this.problemless) {
      this.problemless.rows.push({ origin, cells, own });
      return;
    }
    if (this.linkedByNumber && !this.followLink(row, text(cells, "no"))) return;
    const title = problemKey(text(cells, "problem"));
    const no = text(cells, "no");
    const current = this.current;
    const continues = current !== undefined && continuesProblem(cells, current);
    let draft: ProblemDraft | null;
    let started = false;
    if (continues) {
      draft = current.draft;
      // A later row of the problem may carry what its first row left empty (公开范围 below a blank, for one).
      if (draft && !draft.fromProblemSheet) draft.cells = withProblemFieldsOf(draft.cells, cells);
    } else if (title === "") {
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
    draft.measures.push(measureDraftOf(origin, cells, no, draft.no));
    this.progress.add(origin, cells);
  }

  /**
   * In a task list linked by number, makes the problem numbered `no` the current one (an empty number keeps
   * the one above, as a merged cell does); false, with an error naming the cell, when no problem has it.
   */
  private followLink(row: number, no: string): boolean {
    if (no === "") return true;
    const draft = this.problems.numbered(no);
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
    for (const sheet of this.waiting.splice(0)) this.settleSheet(sheet, true);
    const chosen = chooseUnit([...this.units], this.options.onlyUnit, this.problems.list);
    if (chosen.error) this.errors.push(chosen.error);
    if (chosen.note) this.notes.push(chosen.note);
    this.problems.keep(chosen.kept);
    const checked = checkProblemSheets(this.sheetHeaders, this.problems.list);
    this.errors.push(...checked.errors);
    this.warnings.push(...checked.warnings);
    this.problems.keep(checked.kept);
    assignSheetAspects(this.problems.list);
    const responsibilities = applyResponsibilities(this.problems.list, this.responsibilities);
    this.warnings.push(...responsibilities.warnings);
    this.notes.push(...responsibilities.notes, ...this.progress.notes());
    const facts = inspectionFactsFrom(this.facts, this.titles);
    const year = deadlineYearSource({
      given: this.options.reference ?? facts.feedbackDate ?? null,
      asOf: this.facts.asOf ?? this.titles.map((t) => titleFacts(t).asOf).find((d) => d) ?? null,
      problems: this.problems.list,
    });
    const { problems, aspects, skipped } = problemInputs(
      this.problems.list,
      year,
      this.errors,
      this.warnings,
    );
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

const invert = (columns: ReadonlyMap<number, LedgerField>): Map<LedgerField, number> =>
  new Map([...columns].map(([c, f]) => [f, c]));

/** The note naming the number column of a task list read by 问题编号. */
const linkNote = (name: string, header: SheetHeader, columns: ReadonlyMap<LedgerField, number>): string => {
  const column = columns.get("no") ?? 0;
  return `工作表“${name}”没有问题列，按${columnLetter(column)}列“${header.cells.find((c) => c.column === column)?.text ?? ""}”对应前面问题清单中的问题编号`;
};
