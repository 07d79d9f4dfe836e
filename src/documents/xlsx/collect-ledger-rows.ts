// Turns spreadsheet rows (already mapped to fields) into ledger problems with measures and outcomes, and a
// validation report with sheet, row, column and a Chinese message. Pure; knows nothing about exceljs.
// A measure row continues the problem above it when its problem cell is empty, filled from a merged
// range, or repeats the same problem (and 编号); otherwise it starts or rejoins the problem with that 编号+title.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import { problemInputSchema } from "../../shared/ledger-input.ts";
import type { CollectedLedger, ImportIssue, ProblemInput, RowCells } from "./collected-ledger.ts";
import { titleFacts, type SheetHeader } from "./detect-header.ts";
import { columnLetter, headerOf, type LedgerField } from "./ledger-columns.ts";
import {
  cellText,
  inspectionFactsFrom,
  measureInput,
  outcomeInput,
  problemInput,
  type MeasureInput,
  type Origin,
  type ProblemDraft,
} from "./ledger-row-inputs.ts";
import { SUMMARY_FACTS } from "./ledger-workbook.ts";
import { parseDeadline } from "./parse-deadline.ts";

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
  private readonly byKey = new Map<string, ProblemDraft>();
  private readonly errors: ImportIssue[] = [];
  private readonly units = new Set<string>();
  private readonly facts: Record<string, string> = {};
  private readonly titles: string[] = [];
  private sheetName = "";
  private header: SheetHeader | undefined;
  private current: { draft: ProblemDraft | null; no: string } | undefined;
  private sheetColumns: ReadonlyMap<LedgerField, number> = new Map();
  private dataRows = 0;

  constructor(private readonly options: { skipInvalid: boolean; reference?: CalendarDate | null }) {}

  /** Starts a sheet whose header was detected. */
  sheet(name: string, header: SheetHeader): void {
    this.sheetName = name;
    this.header = header;
    this.sheetColumns = invert(header.columns);
    this.current = undefined;
    this.titles.push(...header.titles);
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
    const title = text(cells, "problem");
    const exact = this.byKey.get(`${unit}\u0000${no}\u0000${title}`);
    const loose = exact ?? this.byKey.get(`${unit}\u0000\u0000${title}`);
    const found = exact ?? (loose && (no === "" || loose.no === "") ? loose : undefined);
    const aspect = text(cells, "aspect") || null;
    if (found) {
      if (found.aspect === null) found.aspect = aspect;
      if (fromProblemSheet) found.cells = cells;
      return found;
    }
    const draft: ProblemDraft = {
      origin,
      no,
      title,
      aspect,
      cells: fromProblemSheet ? cells : null,
      measures: [],
      outcomes: [],
    };
    this.problems.push(draft);
    this.byKey.set(`${unit}\u0000${no}\u0000${title}`, draft);
    if (!this.byKey.has(`${unit}\u0000\u0000${title}`)) this.byKey.set(`${unit}\u0000\u0000${title}`, draft);
    return draft;
  }

  /** One data row of the current sheet (blank rows are not passed in). */
  add(row: number, cells: RowCells): void {
    const header = this.header;
    if (!header) return;
    this.dataRows += 1;
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
          this.byKey.get(`${unit}\u0000${text(cells, "no")}\u0000${text(cells, "problem")}`) ??
          this.byKey.get(`${unit}\u0000\u0000${text(cells, "problem")}`);
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
      case "measures":
        this.addMeasureRow(row, origin, cells);
    }
  }

  private addMeasureRow(row: number, origin: Origin, cells: RowCells): void {
    const p = cells.get("problem");
    const n = cells.get("no");
    const title = p?.text ?? "";
    const no = n?.text ?? "";
    const current = this.current;
    const continues =
      current !== undefined &&
      (title === "" ||
        p?.filled === true ||
        (title === current.draft?.title && (no === "" || n?.filled === true || no === current.no)));
    let draft: ProblemDraft | null;
    if (continues) draft = current.draft;
    else if (title === "") {
      this.issue(row, "problem", "missing_problem", "问题为空，且上方没有可归属的问题");
      draft = null;
    } else {
      draft = this.tooLong(row, cells, ["problem", "aspect"]) ? null : this.findOrAdd(origin, cells, false);
      this.current = { draft, no };
    }
    if (text(cells, "measure") === "") {
      const filled = (["kind", "leader", "department", "person", "deadline", "status"] as const).filter(
        (f) => text(cells, f) !== "",
      );
      if (filled.length > 0)
        this.issue(row, "measure", "missing_measure", "整改措施为空，但填写了责任或时限");
      return;
    }
    if (draft === null) {
      if (continues) this.issue(row, "problem", "problem_invalid", "所属问题有误（见上方）");
      return;
    }
    if (this.tooLong(row, cells, ["measure", "leader", "department", "person"])) return;
    draft.measures.push({
      origin,
      text: text(cells, "measure"),
      kind: text(cells, "kind"),
      status: text(cells, "status"),
      deadline: cells.get("deadline")?.value ?? null,
      leader: text(cells, "leader"),
      department: text(cells, "department"),
      person: text(cells, "person"),
      cooperating: text(cells, "cooperating"),
    });
  }

  /** Parses what depends on the whole workbook (deadlines need the feedback date) and builds the result. */
  finish(): CollectedLedger {
    if (this.units.size > 1) {
      this.errors.push({
        sheet: "",
        row: null,
        column: null,
        code: "multiple_units",
        message: `工作簿包含${this.units.size}个被巡察单位的台账（${[...this.units].slice(0, 3).join("、")}…），请按单位分别导入`,
      });
    }
    const facts = inspectionFactsFrom(this.facts, this.titles);
    const reference = this.options.reference ?? facts.feedbackDate ?? this.earliestYearStart();
    const problems: ProblemInput[] = [];
    const aspects: string[] = [];
    let skipped = 0;
    for (const draft of this.problems) {
      const measures: MeasureInput[] = [];
      const origins: Origin[] = [];
      for (const m of draft.measures) {
        const input = measureInput(m, reference ?? null, this.errors);
        if (input) {
          measures.push(input);
          origins.push(m.origin);
        } else skipped += 1;
      }
      const outcomes = draft.outcomes.flatMap((o) => outcomeInput(o, this.errors) ?? []);
      const problem = problemInput(draft, measures, outcomes, this.errors);
      const checked = problemInputSchema.safeParse(problem);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const [head, index, field] = issue.path;
          const origin =
            head === "measures" && typeof index === "number"
              ? (origins[index] ?? draft.origin)
              : draft.origin;
          const ledgerField = (
            {
              text: "measure",
              title: "problem",
              leader: "leader",
              department: "department",
              person: "person",
            } as Record<string, LedgerField>
          )[String(field ?? index ?? head)];
          const column = ledgerField ? origin.columns.get(ledgerField) : undefined;
          this.errors.push({
            sheet: origin.sheet,
            row: origin.row,
            column: column === undefined ? null : columnLetter(column),
            code: "invalid_value",
            message: issue.message,
          });
        }
        skipped += draft.measures.length || 1;
        continue;
      }
      problems.push(problem);
      if (problem.aspect && !aspects.includes(problem.aspect)) aspects.push(problem.aspect);
    }
    const unitName =
      [...this.units][0] ??
      this.facts.unit ??
      this.titles.map((t) => titleFacts(t).unitName).find((u) => u) ??
      null;
    const sheetOrder = new Map<string, number>();
    for (const e of this.errors) if (!sheetOrder.has(e.sheet)) sheetOrder.set(e.sheet, sheetOrder.size);
    const errors = [...this.errors].sort(
      (a, b) =>
        (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0),
    );
    return {
      unitName,
      facts,
      aspects,
      problems,
      errors,
      skippedRows: this.options.skipInvalid ? skipped : 0,
      dataRows: this.dataRows,
    };
  }

  private earliestYearStart(): CalendarDate | undefined {
    let year: number | undefined;
    for (const p of this.problems) {
      for (const m of p.measures) {
        const parsed = parseDeadline(m.deadline, null);
        if (parsed.ok && parsed.deadline) year = Math.min(year ?? 9999, Number(parsed.deadline.slice(0, 4)));
      }
    }
    return year === undefined ? undefined : `${year}-01-01`;
  }
}

const invert = (columns: ReadonlyMap<number, LedgerField>): Map<LedgerField, number> =>
  new Map([...columns].map(([c, f]) => [f, c]));
