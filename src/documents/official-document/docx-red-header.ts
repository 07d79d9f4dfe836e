// 版头 (cl. 7.2.4–7.2.7): red 发文机关标志, 发文字号 (with 签发人 for 上行文) and the red separator line.
// Positions are approximated with spacing and exact line heights; Word/WPS rendering is unverified (docs/official-layout.md).

import { AlignmentType, BorderStyle, Paragraph, Tab, TabStopType, TextRun } from "docx";
import type { Placed } from "./docx-blocks.ts";
import { CHAR3, TEXT_WIDTH, emptyLine, exactSpacing, textRun, type DocxContext } from "./docx-styles.ts";
import { textWidth } from "./estimate-lines.ts";
import { oneLine, type RedHeader } from "./official-document.ts";

/** 35 mm from the top of the 版心 to the top of the 发文机关标志, in twips. */
const ISSUER_OFFSET = 1984;
/** Candidate sizes of the 发文机关标志 in points, largest first: 初号, 小初, 一号, 小一, 二号. */
const ISSUER_SIZES = [42, 36, 26, 24, 22] as const;
/** Height of the spacer that carries the red line: 4 mm below the 发文字号's ink with its line's leading (measured in test/rendering). */
const SEPARATOR_SPACER = 160;
/** Red line ≈ 0.35 mm (eighths of a point); the standard leaves the thickness open. */
const SEPARATOR_SIZE = 8;

/**
 * The largest size that keeps the issuer on one line of the 版心 (cl. 7.2.4: "以醒目、美观、庄重为原则"),
 * and a horizontal scale in percent when even 二号 is too wide.
 */
export function issuerSize(issuer: string): { points: number; scale: number } {
  const width = textWidth(issuer);
  for (const points of ISSUER_SIZES) if (width * points * 20 <= TEXT_WIDTH) return { points, scale: 100 };
  const smallest = ISSUER_SIZES[ISSUER_SIZES.length - 1] ?? 22;
  return { points: smallest, scale: Math.max(33, Math.floor((TEXT_WIDTH / (width * smallest * 20)) * 100)) };
}

/**
 * 发文字号 centred; with 签发人 (cl. 7.2.6) the 字号 moves to the left with a 1-字 gap and "签发人：" + names (楷体)
 * stand on the same line with a 1-字 right gap, through a right tab stop.
 */
function docNumberParagraph(ctx: DocxContext, docNumber: string, signers: readonly string[]): Paragraph {
  const base = { spacing: ctx.exact, widowControl: false, keepNext: true } as const;
  if (signers.length === 0) {
    return new Paragraph({
      ...base,
      alignment: AlignmentType.CENTER,
      children: [textRun(ctx, docNumber, "body")],
    });
  }
  return new Paragraph({
    ...base,
    alignment: AlignmentType.LEFT,
    indent: { left: CHAR3, right: CHAR3 },
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR3 }],
    children: [
      textRun(ctx, docNumber, "body"),
      new TextRun({ children: [new Tab()] }),
      textRun(ctx, "签发人：", "body"),
      textRun(ctx, signers.join("、"), "heading2"),
    ],
  });
}

export function redHeaderParagraphs(ctx: DocxContext, header: RedHeader): Placed[] {
  const red = ctx.settings.redColor;
  const issuer = oneLine(header.issuer);
  const { points, scale } = issuerSize(issuer);
  const issuerLine = points * 20;
  const placed: Placed[] = [
    {
      node: new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exactSpacing(issuerLine), before: ISSUER_OFFSET },
        widowControl: false,
        keepNext: true,
        children: [
          textRun(ctx, issuer, "title", {
            size: points * 2,
            color: red,
            snapToGrid: false,
            ...(scale < 100 ? { scale } : {}),
          }),
        ],
      }),
      lines: Math.ceil((ISSUER_OFFSET + issuerLine) / ctx.settings.linePitch),
    },
  ];
  const docNumber = oneLine(header.docNumber ?? "");
  const signers = (header.signers ?? []).map(oneLine).filter((name) => name !== "");
  if (docNumber !== "" || signers.length > 0) {
    // 发文字号: two empty lines below the 发文机关标志, centred, 三号仿宋 (cl. 7.2.5).
    placed.push(
      { node: emptyLine(ctx, { keepNext: true }), lines: 1 },
      { node: emptyLine(ctx, { keepNext: true }), lines: 1 },
    );
    placed.push({ node: docNumberParagraph(ctx, docNumber, signers), lines: 1 });
  }
  placed.push({
    node: new Paragraph({
      spacing: exactSpacing(SEPARATOR_SPACER),
      widowControl: false,
      keepNext: true,
      border: { bottom: { style: BorderStyle.SINGLE, size: SEPARATOR_SIZE, color: red, space: 0 } },
      children: [],
    }),
    lines: 0,
  });
  // 标题 two empty lines below the red line (cl. 7.3.1).
  placed.push(
    { node: emptyLine(ctx, { keepNext: true }), lines: 1 },
    { node: emptyLine(ctx, { keepNext: true }), lines: 1 },
  );
  return placed;
}
