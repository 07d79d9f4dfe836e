// What the import says about a sheet's header: which column became which field, columns read as nothing
// (named with sheet, letter and header text), columns naming a field twice, hidden columns, and a sheet that
// lacks the problem or measure column. Pure; messages are Chinese, codes stable.

import type { ImportIssue } from "./collected-ledger.ts";
import { HEADER_SEARCH_ROWS, type HeaderCell, type NearHeader, type SheetHeader } from "./detect-header.ts";
import { columnLetter, headerOf, IMPORT_FIELDS, LEDGER_FIELDS, type LedgerField } from "./ledger-columns.ts";

/** One column of a sheet's header as the report shows it. */
export interface ColumnReport {
  readonly column: string;
  readonly header: string;
  /** The field key, or null when the column is not read. */
  readonly field: LedgerField | null;
  /** Chinese: the field it became (整改措施), 不导入（仅导出）, 未识别, or 与X列重复. */
  readonly reading: string;
}

const READ_FIELDS: ReadonlySet<LedgerField> = new Set(IMPORT_FIELDS);

/**
 * Problem-level fields (those LEDGER_FIELDS lists before 整改措施): a sheet holding only these is a 问题清单,
 * which our export writes beside the task list.
 */
export const PROBLEM_LIST_FIELDS: ReadonlySet<LedgerField> = new Set(
  LEDGER_FIELDS.slice(0, LEDGER_FIELDS.indexOf("measure")),
);

const cellsSeen = (header: SheetHeader): string =>
  header.cells.map((c) => `${columnLetter(c.column)}列“${c.text}”`).join("、");

/** The progress column that gives the statuses (statusFromProgress) because the sheet has no status column. */
const progressAsStatus = (header: SheetHeader): HeaderCell | undefined =>
  header.cells.some((c) => c.field === "status")
    ? undefined
    : header.cells.find((c) => c.field === "progress" && c.duplicateOf === undefined);

/** The column → field report of a sheet. */
export function columnReport(header: SheetHeader): ColumnReport[] {
  const statusColumn = progressAsStatus(header);
  return header.cells.map((c) => {
    const column = columnLetter(c.column);
    if (c.duplicateOf !== undefined)
      return {
        column,
        header: c.text,
        field: null,
        reading: `与${columnLetter(c.duplicateOf)}列重复，不导入`,
      };
    if (c.field === null) return { column, header: c.text, field: null, reading: "未识别，不导入" };
    const label = headerOf(c.field);
    if (c === statusColumn)
      return { column, header: c.text, field: c.field, reading: `${label}（其中的状态用语读作状态）` };
    return {
      column,
      header: c.text,
      field: c.field,
      reading: READ_FIELDS.has(c.field) ? label : `${label}（仅导出，不导入）`,
    };
  });
}

/** Warnings about single columns: unrecognised, duplicate, hidden. */
export function headerWarnings(
  sheet: string,
  header: SheetHeader,
  hiddenColumns: readonly number[],
): { warnings: ImportIssue[]; notes: string[] } {
  const warnings: ImportIssue[] = [];
  const at = (column: number, code: string, message: string): ImportIssue => ({
    sheet,
    row: header.row,
    column: columnLetter(column),
    code,
    message,
  });
  for (const c of header.cells) {
    const letter = columnLetter(c.column);
    if (c.field === null)
      warnings.push(
        at(
          c.column,
          "unknown_column",
          `工作表“${sheet}”${letter}列“${c.text}”未能识别为台账字段，该列未导入（如需导入，可用 --map ${c.text}=字段 指定）`,
        ),
      );
    else if (c.duplicateOf !== undefined)
      warnings.push(
        at(
          c.column,
          "duplicate_column",
          `工作表“${sheet}”${letter}列“${c.text}”与${columnLetter(c.duplicateOf)}列同为“${headerOf(c.field)}”，只读取${columnLetter(c.duplicateOf)}列（可用 --map 指定）`,
        ),
      );
  }
  const notes: string[] = [];
  const statusFromProgress = progressAsStatus(header);
  if (statusFromProgress)
    notes.push(
      `工作表“${sheet}”没有状态列，${columnLetter(statusFromProgress.column)}列“${statusFromProgress.text}”中的简短状态用语（已整改、正在推进等）读作措施状态，其余内容不导入`,
    );
  const unread = header.cells.filter(
    (c) =>
      c.field !== null &&
      c.duplicateOf === undefined &&
      !READ_FIELDS.has(c.field) &&
      c !== statusFromProgress,
  );
  if (unread.length > 0)
    notes.push(
      `工作表“${sheet}”的${unread.map((c) => `${columnLetter(c.column)}列“${c.text}”`).join("、")}已识别，但导入时不读取（进展、佐证、备注等在系统中另行填报）`,
    );
  const hidden = header.cells.filter((c) => hiddenColumns.includes(c.column));
  if (hidden.length > 0)
    notes.push(
      `工作表“${sheet}”有隐藏列（${hidden.map((c) => `${columnLetter(c.column)}列“${c.text}”`).join("、")}），已照常读取`,
    );
  return { warnings, notes };
}

/**
 * A sheet that cannot be read as it stands: a task list without a problem column, or problems whose measures
 * have no recognisable column (measure-level columns beside them, unread columns, or no task list in the
 * workbook). Undefined when the sheet is sound.
 */
export function missingColumnError(
  sheet: string,
  header: SheetHeader,
  workbookHasMeasureSheet: boolean,
): ImportIssue | undefined {
  const seen = cellsSeen(header);
  const fields = new Set(header.columns.values());
  if (header.kind === "measures" && !fields.has("problem"))
    return {
      sheet,
      row: header.row,
      column: null,
      code: "problem_column_missing",
      message: `工作表“${sheet}”有整改措施列，但没有识别出“问题”列，该表未导入；表头为：${seen}（可用 --map 列名=问题 指定）`,
    };
  if (header.kind !== "problems") return undefined;
  const listOnly = [...fields].every((f) => PROBLEM_LIST_FIELDS.has(f));
  const unread = header.cells.some((c) => c.field === null);
  if (listOnly && !unread && workbookHasMeasureSheet) return undefined;
  return {
    sheet,
    row: header.row,
    column: null,
    code: "measure_column_missing",
    message: `工作表“${sheet}”有问题列，但没有识别出“整改措施”列，措施无法导入，已拒绝导入；表头为：${seen}（可用 --map 列名=整改措施 指定）`,
  };
}

/** The non-blank rows of a skipped sheet: how many, the first and the last. */
export interface SkippedRows {
  readonly rows: number;
  readonly first: number;
  readonly last: number;
  /** Rows that read like a ledger's data rows (a problem and a measure beside other cells). */
  readonly ledgerLike?: number;
}

/**
 * What is said of a sheet without a header: empty, or not a list (填报说明, a statistics table) in a note
 * naming its rows; when a row nearly heads a list, also a `header_incomplete` warning per column it did not
 * recognise, so that a list whose key column has an unusual name is not passed over quietly; when its rows
 * read like a ledger's data (a continuation sheet starting at row 1), a `header_missing` error naming them.
 */
export function skippedSheetFindings(
  sheet: string,
  skipped: SkippedRows,
  near: NearHeader | undefined,
): { errors: ImportIssue[]; warnings: ImportIssue[]; notes: string[] } {
  if (skipped.rows === 0) return { errors: [], warnings: [], notes: [`工作表“${sheet}”为空，已跳过`] };
  const rows = `第${skipped.first}–${skipped.last}行共${skipped.rows}行`;
  // Data without a header (a continuation sheet, a header deleted): refused, never skipped unseen.
  if (!near && (skipped.ledgerLike ?? 0) > 0)
    return {
      errors: [
        {
          sheet,
          row: skipped.first,
          column: null,
          code: "header_missing",
          message: `工作表“${sheet}”的${rows}看起来是台账数据，但前${HEADER_SEARCH_ROWS}行中没有表头（没有“问题”“整改措施”等列名），未导入；如是上一工作表的续表，请把表头复制到第一行，或把这些行移到上一工作表`,
        },
      ],
      warnings: [],
      notes: [],
    };
  if (!near)
    return {
      errors: [],
      warnings: [],
      notes: [
        `工作表“${sheet}”的前${HEADER_SEARCH_ROWS}行中没有台账表头（如填报说明、统计表），该表（${rows}）未导入`,
      ],
    };
  const known = near.cells.filter((c) => c.field !== null);
  const knownText = known.map((c) => `${columnLetter(c.column)}列“${c.text}”`).join("、");
  const warnings = near.cells
    .filter((c) => c.field === null)
    .map((c) => ({
      sheet,
      row: near.row,
      column: columnLetter(c.column),
      code: "header_incomplete",
      message: `工作表“${sheet}”第${near.row}行像是表头（${knownText}可识别），但${columnLetter(c.column)}列“${c.text}”未能识别，表中没有“问题”“整改措施”或责任列，该表（${rows}）未导入（可用 --map ${c.text}=字段 指定）`,
    }));
  return { errors: [], warnings, notes: [] };
}
