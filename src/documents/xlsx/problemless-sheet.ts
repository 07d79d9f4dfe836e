// A sheet with a measure column and no problem column: a 责任清单 that copies the tasks' words (joined to them
// by those words), more tasks following 问题编号 to an earlier 问题清单, or neither (refused, its rows named). Its
// rows wait until that can be decided — the sheet's end, or, for such a sheet before any task was read, the
// workbook's end, since a copying 责任清单 may come before its 任务清单. Pure.

import type { ImportIssue, RowCells } from "./collected-ledger.ts";
import type { SheetHeader } from "./detect-header.ts";
import { columnLetter, type LedgerField } from "./ledger-columns.ts";
import type { Origin, ProblemDraft } from "./ledger-row-inputs.ts";
import {
  measureWords,
  repeatsMeasure,
  responsibilityRow,
  type ResponsibilityRow,
} from "./responsibility-list.ts";

/** A row of such a sheet, as the collector would have read it. */
export interface WaitingRow {
  readonly origin: Origin;
  readonly cells: RowCells;
  /** False when all its text came from merged cells above. */
  readonly own: boolean;
}

export interface ProblemlessSheet {
  readonly name: string;
  readonly header: SheetHeader;
  readonly columns: ReadonlyMap<LedgerField, number>;
  /** The refusal, when the rows turn out to be neither a 责任清单 nor tasks linked by number. */
  readonly missing: ImportIssue;
  /** Its rows follow 问题编号 to an earlier 问题清单 when they are tasks. */
  readonly linked: boolean;
  /** No measure was read before it: it waits for the workbook's end. */
  readonly beforeTasks: boolean;
  /** The note naming the number column, said when the rows are tasks. */
  readonly link: string;
  readonly rows: WaitingRow[];
}

const RESPONSIBLE: readonly LedgerField[] = [
  "leader",
  "department",
  "person",
  "departmentAndPerson",
  "leaderAndPerson",
];

/** The header text of the sheet's number column; "" when none. */
const numberHeader = (header: SheetHeader, columns: ReadonlyMap<LedgerField, number>): string =>
  header.cells.find((c) => c.column === columns.get("no"))?.text ?? "";

/**
 * The waiting state of a sheet without a problem column (`missing` says so), or undefined when its rows can be
 * read at once: tasks following 问题编号 (its number column says 问题, or it names nobody responsible) to the
 * problems of an earlier 问题清单 when no measure was read yet.
 */
export function openProblemless(
  name: string,
  header: SheetHeader,
  columns: ReadonlyMap<LedgerField, number>,
  missing: ImportIssue | undefined,
  problems: readonly ProblemDraft[],
): ProblemlessSheet | undefined {
  if (!missing) return undefined;
  const linked = columns.has("no") && problems.some((p) => p.no !== "");
  const read = problems.some((p) => p.measures.length > 0);
  // A 序号 that does not say 问题 beside responsibility columns may be a copying 责任清单's row number.
  const mayBeList =
    !numberHeader(header, columns).includes("问题") && RESPONSIBLE.some((f) => columns.has(f));
  if (!read && linked && !mayBeList) return undefined;
  const letter = columnLetter(columns.get("no") ?? 0);
  return {
    name,
    header,
    columns,
    missing,
    linked,
    beforeTasks: !read,
    link: `工作表“${name}”没有问题列，按${letter}列“${numberHeader(header, columns)}”对应前面问题清单中的问题编号`,
    rows: [],
  };
}

/** A 责任清单 row; its number column picks the problem only when headed 问题 (else it may be a 序号). */
const listRow = (sheet: ProblemlessSheet, row: WaitingRow): ResponsibilityRow =>
  responsibilityRow(row.origin, row.cells, numberHeader(sheet.header, sheet.columns).includes("问题"));

export type Settled =
  | { readonly as: "responsibilities"; readonly rows: ResponsibilityRow[]; readonly note: string }
  | { readonly as: "tasks"; readonly rows: readonly WaitingRow[]; readonly note: string }
  | { readonly as: "refused"; readonly error: ImportIssue }
  | { readonly as: "waiting" };

/**
 * What the sheet's rows are, given the measures read so far (`end`: the workbook is read): a 责任清单 when any
 * row repeats a measure's words read on another sheet; else tasks linked by number; else refused.
 */
export function settle(sheet: ProblemlessSheet, problems: readonly ProblemDraft[], end: boolean): Settled {
  const words = measureWords(problems);
  const text = (r: WaitingRow) => r.cells.get("measure")?.text ?? "";
  if (sheet.rows.some((r) => repeatsMeasure(words, text(r))))
    return {
      as: "responsibilities",
      rows: sheet.rows.map((r) => listRow(sheet, r)),
      note: `工作表“${sheet.name}”没有问题列，其中的整改措施与${sheet.beforeTasks ? "后面的任务清单" : "前表"}相同，按责任清单读取`,
    };
  if (sheet.beforeTasks && !end) return { as: "waiting" };
  if (sheet.linked) return { as: "tasks", rows: sheet.rows, note: sheet.link };
  const rows = sheet.rows.map((r) => r.origin.row);
  return {
    as: "refused",
    error: { ...sheet.missing, message: `${sheet.missing.message}${rowsNotRead(rows)}` },
  };
}

/** “；第3–9行共7行未导入” for the rows of a sheet that could not be read. */
const rowsNotRead = (rows: readonly number[]): string =>
  rows.length === 0 ? "" : `；第${rows[0]}–${rows[rows.length - 1]}行共${rows.length}行未导入`;
