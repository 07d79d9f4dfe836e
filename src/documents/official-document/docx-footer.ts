// 页码 (cl. 7.5): "— N —" in 四号 宋体, odd pages right-aligned and even pages left-aligned, one 字 from the edge.
// Two footers (default = odd, even) that only work with `evenAndOddHeaderAndFooters: true` on the Document.

import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from "docx";
import { CHAR4, SIZE, exactSpacing, type DocxContext } from "./docx-styles.ts";

// U+2014 一字线 on each side, half-width digits: "— 3 —".
const DASH = "\u2014";

function pageNumberFooter(ctx: DocxContext, odd: boolean): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: CHAR4 } : { left: CHAR4 },
        spacing: exactSpacing(CHAR4),
        children: [
          new TextRun({
            font: ctx.fonts.pageNumber,
            size: SIZE.sihao,
            language: { eastAsia: "zh-CN" },
            children: [`${DASH} `, PageNumber.CURRENT, ` ${DASH}`],
          }),
        ],
      }),
    ],
  });
}

/** The section's footers: `default` serves odd pages once even/odd footers are on. */
export const pageNumberFooters = (ctx: DocxContext): { default: Footer; even: Footer } => ({
  default: pageNumberFooter(ctx, true),
  even: pageNumberFooter(ctx, false),
});
