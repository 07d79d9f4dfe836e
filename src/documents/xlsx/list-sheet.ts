// The common frame of every list sheet in an exported ledger — title, 填报 line, header, page setup — and
// rows added with their styles and the height their wrapped text needs. Knows no sheet's content.

import type ExcelJS from "exceljs";
import type { Style, Worksheet } from "exceljs";
import { formatOfficialDate } from "../official-document/official-document.ts";
import { headerOf, type ExportColumn } from "./ledger-columns.ts";
import type { LedgerWorkbookContent } from "./ledger-workbook.ts";
import { rowHeight, type CellText } from "./row-height.ts";
import { BODY_FONT_SIZE, listSheetOptions, STYLES, writeListHead } from "./xlsx-styles.ts";

export type CellOut = string | number | Date | null;

const GAP = "\u3000".repeat(4);
/** The line under each title: who reports, as of when, and a blank for the reviewer's signature. */
const infoLine = (content: LedgerWorkbookContent): string =>
  `填报单位：${content.reportingUnit || "\u3000".repeat(10)}${GAP}填报日期：${formatOfficialDate(content.asOf)}${GAP}审核人：`;

/** A sheet headed by the title, the 填报 line and `headers`, with the list page setup. */
export function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  content: LedgerWorkbookContent,
  headers: readonly string[],
  widths: readonly number[],
): Worksheet {
  const ws = wb.addWorksheet(name, listSheetOptions());
  writeListHead(ws, { title: content.title, info: infoLine(content), headers, widths });
  return ws;
}

export const addColumnsSheet = (
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  content: LedgerWorkbookContent,
  columns: readonly ExportColumn[],
) =>
  addSheet(
    wb,
    name,
    content,
    columns.map((c) => c.header ?? headerOf(c.field)),
    columns.map((c) => c.width),
  );

/** What a cell shows, for measuring its height: dates and numbers fit their columns on one line. */
const shown = (v: CellOut): string => (typeof v === "string" ? v : "");

export const cellTexts = (values: readonly CellOut[], widths: readonly number[]): CellText[] =>
  values.map((v, i) => ({ text: shown(v), width: widths[i] ?? 8 }));

/** Adds a row with its styles and, given the column widths, the height its wrapped text needs (uncommitted). */
export function addStyledRow(
  ws: Worksheet,
  values: readonly CellOut[],
  styles: readonly Partial<Style>[],
  widths: readonly number[] | null,
) {
  const row = ws.addRow([...values]);
  styles.forEach((style, i) => {
    row.getCell(i + 1).style = style;
  });
  if (widths !== null) row.height = rowHeight(cellTexts(values, widths), BODY_FONT_SIZE);
  return row;
}

/** Body style of a column: dates, numbers centred with their formats, short columns centred, text left. */
export const styleFor = (c: ExportColumn): Partial<Style> =>
  c.type === "date"
    ? STYLES.date
    : c.type === "number" || c.field === "no"
      ? STYLES.count
      : c.width <= 10
        ? STYLES.centered
        : STYLES.text;
