// The look of exported ledgers: shared, frozen style objects (exceljs caches styles by object identity, so
// 100,000 rows cost one style lookup per cell) and the sheet setup every list shares.

import type { Alignment, Borders, Fill, Font, Style, Worksheet } from "exceljs";
import type { DeadlineFlag } from "./ledger-workbook.ts";
import { columnLetter } from "./ledger-columns.ts";

const thin = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const BODY_FONT: Partial<Font> = { name: "宋体", size: 11 };
const WRAP: Partial<Alignment> = { vertical: "middle", horizontal: "left", wrapText: true };
const CENTER: Partial<Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** yyyy-mm-dd as the cells show real dates. */
export const DATE_FORMAT = "yyyy-mm-dd";

export const STYLES = {
  title: {
    font: { name: "黑体", size: 16, bold: true },
    alignment: { vertical: "middle", horizontal: "center" },
  },
  header: {
    font: { name: "黑体", size: 11, bold: true },
    alignment: CENTER,
    border: BORDER,
    fill: solid("FFD9E1F2"),
  },
  text: { font: BODY_FONT, alignment: WRAP, border: BORDER },
  centered: { font: BODY_FONT, alignment: CENTER, border: BORDER },
  date: { font: BODY_FONT, alignment: CENTER, border: BORDER, numFmt: DATE_FORMAT },
  closed: {
    font: { ...BODY_FONT, color: { argb: "FF006100" } },
    alignment: CENTER,
    border: BORDER,
    fill: solid("FFC6EFCE"),
  },
  dueSoon: {
    font: { ...BODY_FONT, color: { argb: "FF9C5700" } },
    alignment: CENTER,
    border: BORDER,
    fill: solid("FFFFEB9C"),
  },
  overdue: {
    font: { ...BODY_FONT, color: { argb: "FF9C0006" } },
    alignment: CENTER,
    border: BORDER,
    fill: solid("FFFFC7CE"),
  },
} as const satisfies Record<string, Partial<Style>>;

/** Fill colours by meaning, for tests and docs: 已销号 green, 临期 amber, 逾期 red. */
export const STATUS_FILLS = { closed: "FFC6EFCE", dueSoon: "FFFFEB9C", overdue: "FFFFC7CE" } as const;

/** The 状态 cell's style: green when closed, else amber/red by the deadline flag. */
export function statusStyle(closed: boolean, flag: DeadlineFlag): Partial<Style> {
  if (closed) return STYLES.closed;
  if (flag === "overdue") return STYLES.overdue;
  if (flag === "due_soon") return STYLES.dueSoon;
  return STYLES.centered;
}

/** Sheet options: header frozen below the title, A4 landscape fitted to the width, title + header repeated on each page. */
export const listSheetOptions = (headerRow: number) => ({
  views: [
    {
      state: "frozen" as const,
      ySplit: headerRow,
      xSplit: 0,
      topLeftCell: `A${headerRow + 1}`,
      activeCell: `A${headerRow + 1}`,
    },
  ],
  pageSetup: {
    paperSize: 9,
    orientation: "landscape" as const,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `1:${headerRow}`,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  },
});

/**
 * Writes the title row (merged across the columns) and the bold header row with an autofilter, and sets
 * the column widths. Must run before any row of the sheet is committed.
 */
export function writeListHead(
  ws: Worksheet,
  title: string,
  headers: readonly string[],
  widths: readonly number[],
): void {
  ws.columns = widths.map((width) => ({ width }));
  const titleRow = ws.addRow([title]);
  titleRow.height = 32;
  titleRow.getCell(1).style = STYLES.title;
  if (headers.length > 1) ws.mergeCells(1, 1, 1, headers.length);
  const headerRow = ws.addRow([...headers]);
  headerRow.height = 30;
  for (let c = 1; c <= headers.length; c++) headerRow.getCell(c).style = STYLES.header;
  ws.autoFilter = `A2:${columnLetter(headers.length)}2`;
  headerRow.commit();
}
