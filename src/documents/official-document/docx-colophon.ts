// 版记 (cl. 7.4): 抄送 and 印发 lines between thick/thin rules, as a floating table anchored to the bottom margin.
// Renderers that ignore the float (LibreOffice 7.4) get it at the bottom through padding lines (gbt9704.md §2.5).

import {
  BorderStyle,
  OverlapType,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Tab,
  TabStopType,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import type { Placed } from "./docx-blocks.ts";
import {
  CHAR4,
  SIZE,
  TEXT_WIDTH,
  emptyLine,
  exactSpacing,
  textRun,
  type DocxContext,
} from "./docx-styles.ts";
import { colophonPadding, estimateLines } from "./estimate-lines.ts";
import { copyToLine, oneLine, printedOnText, type Colophon } from "./official-document.ts";

/** Thick (first/last, ≈0.35 mm) and thin (between, ≈0.25 mm) rules in eighths of a point (§1.6). */
const THICK = 8;
const THIN = 6;
/** 四号 characters per line inside the 1-字 gaps: (8844 − 2 × 280) / 280. */
const SIHAO_CHARS_PER_LINE = Math.floor((TEXT_WIDTH - 2 * CHAR4) / CHAR4);
/** "抄送：" is 3 字 of 四号: continuation lines hang under the first name. */
const COPY_TO_HANG = 3 * CHAR4;

const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: "000000" });
const none = { style: BorderStyle.NONE, size: 0, color: "auto" };

/** A 四号 paragraph of the 版记; several texts are joined by tabs (w:tab, not a raw tab character). */
function cellParagraph(ctx: DocxContext, texts: readonly string[], options: IParagraphOptions): Paragraph {
  const children: TextRun[] = [];
  texts.forEach((text, i) => {
    if (i > 0) children.push(new TextRun({ size: SIZE.sihao, children: [new Tab()] }));
    children.push(textRun(ctx, text, "body", { size: SIZE.sihao }));
  });
  return new Paragraph({ spacing: ctx.exact, widowControl: false, ...options, children });
}

/** The rows of the 版记 and the grid lines they take. */
function colophonRows(ctx: DocxContext, colophon: Colophon): { rows: TableRow[]; lines: number } {
  const rows: TableRow[] = [];
  let lines = 0;
  const row = (paragraph: Paragraph) =>
    new TableRow({
      cantSplit: true,
      children: [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [paragraph] })],
    });
  if (colophon.copyTo && colophon.copyTo.length > 0) {
    const text = copyToLine(colophon.copyTo);
    rows.push(
      row(
        cellParagraph(ctx, [text], {
          indent: { left: CHAR4 + COPY_TO_HANG, right: CHAR4, hanging: COPY_TO_HANG },
        }),
      ),
    );
    lines += estimateLines(text, { charsPerLine: SIHAO_CHARS_PER_LINE });
  }
  // 印发机关 with a 1-字 left gap, 印发日期 with a 1-字 right gap, on one line through a right tab stop.
  const printed = [oneLine(colophon.printedBy), printedOnText(colophon.printedOn)];
  rows.push(
    row(
      cellParagraph(ctx, printed, {
        indent: { left: CHAR4, right: CHAR4 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR4 }],
      }),
    ),
  );
  lines += 1;
  return { rows, lines };
}

/**
 * Padding lines, the floating 版记 table and the empty paragraph a document must end with (without it
 * LibreOffice drops the table). `usedLines` is the estimate of everything before the padding.
 */
export function colophonBlock(ctx: DocxContext, colophon: Colophon, usedLines: number): Placed[] {
  const { rows, lines } = colophonRows(ctx, colophon);
  const padding = colophonPadding(usedLines, lines);
  const table = new Table({
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    // Zero cell margins so that the 1-字 gaps and the tab stop are measured from the 版心 edges.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: {
      top: rule(THICK),
      bottom: rule(THICK),
      insideHorizontal: rule(THIN),
      left: none,
      right: none,
      insideVertical: none,
    },
    rows,
  });
  return [
    ...Array.from({ length: padding }, () => ({ node: emptyLine(ctx), lines: 1 })),
    { node: table, lines },
    // Tiny, so that it never spills onto a page of its own after a table that ends on the last line.
    { node: new Paragraph({ spacing: exactSpacing(20), widowControl: false, children: [] }), lines: 0 },
  ];
}
