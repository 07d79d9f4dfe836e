// 版记 (cl. 7.4): 抄送 and 印发 lines between thick/thin rules, a table in the footer of the document's last page
// (a section of its own, without page numbers: cl. 7.5), so that every renderer puts it at the 版心's bottom.

import {
  BorderStyle,
  Footer,
  Paragraph,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { CHAR4, SIZE, TEXT_WIDTH, exactSpacing, textRun, type DocxContext } from "./docx-styles.ts";
import { copyToLine, oneLine, printedOnText, type Colophon } from "./official-document.ts";

/** Thick (first/last, ≈0.35 mm) and thin (between, ≈0.25 mm) rules in eighths of a point (§1.6). */
const THICK = 8;
const THIN = 6;
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

/** The rows of the 版记: 抄送 (when there is one), then 印发. */
function colophonRows(ctx: DocxContext, colophon: Colophon): TableRow[] {
  const rows: TableRow[] = [];
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
  return rows;
}

/**
 * The 版记 as the footer of the document's last section, a page of its own: a footer sits at the page bottom
 * in every renderer, where padding lines computed by an estimate drift (LibreOffice ignores the bottom-anchored
 * float; one line of estimate error per few pages pushed the 版记 onto a page of its own). The section's footer
 * distance puts the last rule on the bottom edge of the 版心 (cl. 7.4). The empty paragraph after the table is
 * required: a footer, like a document, must end with a paragraph.
 */
export function colophonFooter(ctx: DocxContext, colophon: Colophon): Footer {
  const rows = colophonRows(ctx, colophon);
  const table = new Table({
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
  return new Footer({
    children: [table, new Paragraph({ spacing: exactSpacing(20), widowControl: false, children: [] })],
  });
}
