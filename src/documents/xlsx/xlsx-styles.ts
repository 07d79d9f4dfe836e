// The look of exported ledgers: shared, frozen style objects (exceljs caches styles by object identity, so
// 100,000 rows cost one style lookup per cell) and the sheet setup every list shares.

import type { Alignment, Borders, Fill, Font, Style, Worksheet } from "exceljs";
import type { DeadlineFlag } from "./ledger-workbook.ts";
import { columnLetter } from "./ledger-columns.ts";
import { rowHeight } from "./row-height.ts";

const thin = { style: "thin", color: { argb: "FF808080" } } as const;
const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };
/** Body text size in points; row heights are computed for it. */
export const BODY_FONT_SIZE = 11;
export const TITLE_FONT_SIZE = 16;
const BODY_FONT: Partial<Font> = { name: "宋体", size: BODY_FONT_SIZE };
const WRAP: Partial<Alignment> = { vertical: "middle", horizontal: "left", wrapText: true };
const CENTER: Partial<Alignment> = { vertical: "middle", horizontal: "center", wrapText: true };
const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

/** yyyy-mm-dd as the cells show real dates. */
export const DATE_FORMAT = "yyyy-mm-dd";

export const STYLES = {
  title: {
    font: { name: "黑体", size: TITLE_FONT_SIZE, bold: true },
    alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  },
  /** 填报单位 / 填报日期 / 审核人 under the title. */
  // Wraps: a merged cell clips what does not fit, and narrow sheets (成效统计) would lose 审核人.
  info: { font: BODY_FONT, alignment: { vertical: "middle", horizontal: "left", wrapText: true } },
  header: {
    font: { name: "黑体", size: 11, bold: true },
    alignment: CENTER,
    border: BORDER,
    fill: solid("FFD9E1F2"),
  },
  text: { font: BODY_FONT, alignment: WRAP, border: BORDER },
  centered: { font: BODY_FONT, alignment: CENTER, border: BORDER },
  date: { font: BODY_FONT, alignment: CENTER, border: BORDER, numFmt: DATE_FORMAT },
  count: { font: BODY_FONT, alignment: CENTER, border: BORDER, numFmt: "#,##0" },
  /** 万元 to the 元 (six decimals), at least two shown. */
  money: { font: BODY_FONT, alignment: CENTER, border: BORDER, numFmt: "#,##0.00####" },
  /** A fraction shown as a percentage with two decimals. */
  rate: { font: BODY_FONT, alignment: CENTER, border: BORDER, numFmt: "0.00%" },
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

/** Page footer: 第N页 共M页, centred. */
export const PAGE_FOOTER = "&C第&P页 共&N页";

/** The row of the column headers: below the title and the 填报单位 line. */
export const HEADER_ROW = 3;

/**
 * Sheet options: header frozen below the title, A4 landscape fitted to the width (as many pages down as it
 * takes), title, 填报 line and header repeated on each page, 第N页 共M页 at the foot.
 */
export const listSheetOptions = (headerRow: number = HEADER_ROW) => ({
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
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER, differentOddEven: false },
});

/** What heads every list: the title, the 填报 line and the column headers with their widths. */
export interface ListHead {
  readonly title: string;
  /** 填报单位：… 填报日期：… 审核人：(blank, signed on paper). */
  readonly info: string;
  readonly headers: readonly string[];
  readonly widths: readonly number[];
}

/**
 * Writes the title row and the 填报 line (each merged across the columns), the bold header row with an
 * autofilter, and sets the column widths and the rows' heights. Must run before any row is committed.
 */
export function writeListHead(ws: Worksheet, head: ListHead): void {
  const { headers, widths } = head;
  const span = headers.length;
  const total = widths.reduce((a, b) => a + b, 0);
  ws.columns = widths.map((width) => ({ width }));
  const titleRow = ws.addRow([head.title]);
  titleRow.height = rowHeight([{ text: head.title, width: total }], TITLE_FONT_SIZE, 32);
  titleRow.getCell(1).style = STYLES.title;
  const infoRow = ws.addRow([head.info]);
  infoRow.height = rowHeight([{ text: head.info, width: total }], BODY_FONT_SIZE, 22);
  infoRow.getCell(1).style = STYLES.info;
  if (span > 1) {
    ws.mergeCells(1, 1, 1, span);
    ws.mergeCells(2, 1, 2, span);
  }
  const headerRow = ws.addRow([...headers]);
  headerRow.height = rowHeight(
    headers.map((text, i) => ({ text, width: widths[i] ?? 8 })),
    BODY_FONT_SIZE,
    30,
  );
  for (let c = 1; c <= span; c++) headerRow.getCell(c).style = STYLES.header;
  ws.autoFilter = `A${HEADER_ROW}:${columnLetter(span)}${HEADER_ROW}`;
  headerRow.commit();
}
