// Reads a ledger workbook with exceljs's streaming reader, one row at a time: finds each sheet's header in its
// first rows, fills merged ranges (recovered from the sheet XML by scanXlsxArchive), skips blank rows, reads
// formulas by their cached values, stops at the row limit. Rows go to LedgerRowCollector; nothing else is kept.

import { basename } from "node:path";
import type ExcelJS from "exceljs";
import type { CalendarDate } from "../../domain/calendar-date.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { withCause } from "../with-cause.ts";
import type { RowCell } from "./classify-ledger-row.ts";
import { LedgerRowCollector } from "./collect-ledger-rows.ts";
import type { CollectedLedger, ImportIssue, LedgerFinding, SheetCell } from "./collected-ledger.ts";
import { detectHeader, HEADER_SEARCH_ROWS, nearHeader, type SheetHeader } from "./detect-header.ts";
import { isTallyHeader } from "./header-lexicon.ts";
import type { ColumnMap, LedgerField } from "./ledger-columns.ts";
import type { CellValue } from "./parse-deadline.ts";
import { openWorksheets, WHOLE_READ_MAX_INFLATED_BYTES } from "./open-worksheets.ts";
import { scanXlsxArchive, XLSX_LIMITS, type MergeRange, type XlsxLimits } from "./xlsx-archive.ts";

export const DEFAULT_ROW_LIMIT = 200_000;

export interface ReadLedgerOptions {
  /** The file's name as the user knows it (an upload's name), put in every finding; default: the path's last part. */
  readonly fileName?: string;
  readonly map?: ColumnMap;
  /** Rows read over all sheets, blank ones included; past it the import stops with too_many_rows. */
  readonly rowLimit?: number;
  readonly skipInvalid?: boolean;
  /** In a workbook of several units (a --round/--all export), import only this unit's rows. */
  readonly onlyUnit?: string;
  /** The year of deadlines written without one comes from this date (else the workbook's 反馈日期). */
  readonly reference?: CalendarDate | null;
  readonly limits?: XlsxLimits;
  /** Workbooks inflating to at most this are read whole, larger ones streamed (see open-worksheets.ts). */
  readonly wholeReadMaxInflatedBytes?: number;
}

export interface ReadLedger extends Omit<CollectedLedger, "errors" | "warnings"> {
  /** The file's name, as every finding names it. */
  readonly fileName: string;
  readonly errors: readonly LedgerFinding[];
  readonly warnings: readonly LedgerFinding[];
  /** Sheets read and how they were understood; skipped sheets have no kind. */
  readonly sheets: readonly { name: string; kind: SheetHeader["kind"] | null; headerRow: number | null }[];
}

/** A cell's value with formulas replaced by their cached result, rich text flattened, links by their text. */
export function plainValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" || raw instanceof Date)
    return raw;
  if (typeof raw !== "object") return null;
  const o = raw as {
    richText?: { text?: string }[];
    result?: unknown;
    formula?: unknown;
    sharedFormula?: unknown;
    text?: unknown;
    error?: unknown;
  };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? "").join("");
  if ("formula" in o || "sharedFormula" in o || "result" in o) return plainValue(o.result);
  if (typeof o.text === "string") return o.text;
  return null;
}

/**
 * A flat copy of a string. Text from the XML parser is a slice of a 64 KB chunk and would keep the whole
 * chunk alive while ~100,000 rows wait for validation (measured: 3 KB per row instead of a few hundred bytes).
 */
const flat = (s: string): string => (s.length === 0 ? s : Buffer.from(s, "utf8").toString("utf8"));

const textOf = (v: CellValue): string => {
  if (v === null) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "boolean") return v ? "是" : "否";
  return String(v).trim();
};

/** Fills cells covered by merged ranges with their top-left value, row by row. */
class MergeFiller {
  private readonly byTop = new Map<number, MergeRange[]>();
  private active: { range: MergeRange; value: CellValue }[] = [];
  constructor(ranges: readonly MergeRange[]) {
    for (const r of ranges) {
      const list = this.byTop.get(r.top);
      if (list) list.push(r);
      else this.byTop.set(r.top, [r]);
    }
  }
  /** Values by column after filling, and the columns that were filled. */
  apply(rowNumber: number, values: Map<number, CellValue>): Set<number> {
    this.active = this.active.filter((a) => a.range.bottom >= rowNumber);
    for (const range of this.byTop.get(rowNumber) ?? [])
      this.active.push({ range, value: values.get(range.left) ?? null });
    const filled = new Set<number>();
    for (const { range, value } of this.active) {
      for (let c = range.left; c <= range.right; c++) {
        if (rowNumber === range.top && c === range.left) continue;
        if (c - range.left > 200) break;
        values.set(c, value);
        filled.add(c);
      }
    }
    return filled;
  }
}

function rowValues(row: ExcelJS.Row): Map<number, CellValue> {
  const values = new Map<number, CellValue>();
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const value = plainValue(cell.value);
    values.set(column, typeof value === "string" ? (value.trim() === "" ? null : flat(value)) : value);
  });
  return values;
}

/**
 * A row as a ledger's data rows are: three cells or more, two of them sentences (a problem and its measure, of
 * six Han characters or more; a count column's header such as 涉及问题数 is none). A 填报说明 line is one cell, a
 * statistics row holds figures and short names.
 */
const looksLikeLedgerRow = (values: ReadonlyMap<number, CellValue>): boolean => {
  // Distinct texts: a title merged across the table fills every cell with the same words.
  const texts = [...new Set([...values.values()].map(textOf))].filter((t) => t !== "");
  const sentences = texts.filter((t) => (t.match(/\p{Script=Han}/gu)?.length ?? 0) >= 6 && !isTallyHeader(t));
  return texts.length >= 3 && sentences.length >= 2;
};

const isBlank = (values: ReadonlyMap<number, CellValue>): boolean =>
  [...values.values()].every((v) => v === null || textOf(v) === "");

/** Reads the workbook at `path`; throws DomainError for files that are not sound workbooks or too long. */
export async function readLedgerXlsx(path: string, options: ReadLedgerOptions = {}): Promise<ReadLedger> {
  const limits = options.limits ?? XLSX_LIMITS;
  const fileName = options.fileName ?? basename(path);
  const rowLimit = options.rowLimit ?? DEFAULT_ROW_LIMIT;
  const { merges, hiddenColumns, inflatedBytes } = await scanXlsxArchive(path, limits);
  const collector = new LedgerRowCollector({
    skipInvalid: options.skipInvalid ?? false,
    reference: options.reference ?? null,
    onlyUnit: options.onlyUnit,
  });
  const sheets: { name: string; kind: SheetHeader["kind"] | null; headerRow: number | null }[] = [];
  let rowsSeen = 0;

  try {
    const wholeRead = inflatedBytes <= (options.wholeReadMaxInflatedBytes ?? WHOLE_READ_MAX_INFLATED_BYTES);
    for await (const { name, rows } of openWorksheets(path, wholeRead)) {
      const filler = new MergeFiller(merges.get(name) ?? []);
      const pending: { row: number; values: Map<number, CellValue>; filled: Set<number> }[] = [];
      let header: SheetHeader | undefined;
      let decided = false;
      // The non-blank rows of a sheet without a header, named when the sheet is skipped.
      const skipped = { rows: 0, first: 0, last: 0, ledgerLike: 0 };
      const skip = (row: number, values: ReadonlyMap<number, CellValue>) => {
        skipped.rows += 1;
        skipped.first ||= row;
        skipped.last = row;
        if (looksLikeLedgerRow(values)) skipped.ledgerLike += 1;
      };
      const emit = (row: number, values: Map<number, CellValue>, filled: Set<number>) => {
        if (!header || row <= header.row || isBlank(values)) return;
        const cells = new Map<LedgerField, SheetCell>();
        for (const [column, field] of header.columns) {
          const value = values.get(column) ?? null;
          cells.set(field, { value, text: textOf(value), column, filled: filled.has(column) });
        }
        const all: RowCell[] = [];
        for (const [column, value] of values) {
          const text = textOf(value);
          if (text !== "") all.push({ column, text, filled: filled.has(column) });
        }
        collector.add(row, cells, all);
      };
      let near: ReturnType<typeof nearHeader>;
      const decide = () => {
        decided = true;
        const texts = pending.map((p) => ({ row: p.row, cells: toArray(p.values) }));
        header = detectHeader(texts, options.map);
        sheets.push({ name, kind: header?.kind ?? null, headerRow: header?.row ?? null });
        if (header) collector.sheet(name, header, hiddenColumns.get(name) ?? []);
        else near = nearHeader(texts, options.map);
        for (const p of pending) {
          if (header) emit(p.row, p.values, p.filled);
          else skip(p.row, p.values);
        }
        pending.length = 0;
      };
      for await (const row of rows) {
        rowsSeen += 1;
        if (rowsSeen > rowLimit) {
          throw new DomainError(
            "too_many_rows",
            `${fileName}：工作簿超过 ${rowLimit.toLocaleString("en-US")} 行（含空白行，停在工作表“${name}”第 ${row.number} 行），未导入任何内容；请删除多余的空行，或用 --row-limit 调高上限`,
          );
        }
        const values = rowValues(row);
        const filled = filler.apply(row.number, values);
        if (decided) {
          if (header) emit(row.number, values, filled);
          else if (!isBlank(values)) skip(row.number, values);
          continue;
        }
        if (!isBlank(values)) pending.push({ row: row.number, values, filled });
        if (pending.length >= HEADER_SEARCH_ROWS) decide();
      }
      if (!decided) decide();
      if (!header) collector.skippedSheet(name, skipped, near);
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    // exceljs's own words (a sax error, a missing part) go to the log as the cause, not to the user.
    throw withCause(
      new DomainError(
        "corrupt_xlsx",
        `${path}：Excel 文件无法读取（内容已损坏或不是标准的 .xlsx），未导入任何内容；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`,
      ),
      e,
    );
  }
  if (!sheets.some((s) => s.kind === "measures" || s.kind === "problems")) {
    throw new DomainError(
      "header_not_found",
      `${fileName}：没有找到台账表头：每个工作表的前${HEADER_SEARCH_ROWS}行中都没有“问题”或“整改措施”列（可用 --map 列名=字段 指定）`,
    );
  }
  const collected = collector.finish();
  const inFile = (f: ImportIssue): LedgerFinding => ({ file: fileName, ...f });
  return {
    ...collected,
    fileName,
    errors: collected.errors.map(inFile),
    warnings: collected.warnings.map(inFile),
    sheets,
  };
}

const toArray = (values: ReadonlyMap<number, CellValue>): (string | undefined)[] => {
  const out: (string | undefined)[] = [];
  for (const [column, value] of values) if (column <= 500) out[column - 1] = textOf(value);
  return out;
};
