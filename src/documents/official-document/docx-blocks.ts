// docx paragraphs of the 主体: title, 主送机关, body blocks, 附件说明 and 附注, each with its estimated line count.
// Fonts per heading level and indents follow gbt9704.md §1.4; nothing here knows about pages.

import { AlignmentType, Paragraph, type IParagraphOptions, type Table } from "docx";
import {
  CHAR3,
  SIZE,
  bodyParagraph,
  emptyLine,
  textRun,
  type DocxContext,
  type FontRole,
} from "./docx-styles.ts";
import { TITLE_CHARS_PER_LINE, printedTitleLines } from "./break-title.ts";
import { CHARS_PER_LINE, estimateLines, textWidth } from "./estimate-lines.ts";
import { attachmentLines, oneLine, type Block, type HeadingBlock } from "./official-document.ts";

/** A docx element and the grid lines it is expected to take. */
export interface Placed {
  readonly node: Paragraph | Table;
  readonly lines: number;
}

const HEADING_FONT: Record<HeadingBlock["level"], FontRole> = {
  1: "heading1",
  2: "heading2",
  3: "body",
  4: "body",
};

/**
 * 标题: 二号 小标宋, centred, not bold, off the character grid; lines broken at word boundaries
 * (printedTitleLines: "\n" in the title where the author asked, else GB/T 9704's 词意完整、排列对称).
 */
export function titleParagraphs(ctx: DocxContext, title: string): Placed[] {
  const lines = printedTitleLines(title);
  const style = { size: SIZE.erhao, snapToGrid: false } as const;
  const runs = lines.map((line, i) => textRun(ctx, line, "title", { ...style, breakBefore: i > 0 }));
  const estimated = lines.reduce(
    (sum, line) => sum + estimateLines(line, { charsPerLine: TITLE_CHARS_PER_LINE }),
    0,
  );
  return [
    {
      node: new Paragraph({
        spacing: ctx.exact,
        widowControl: false,
        keepNext: true,
        alignment: AlignmentType.CENTER,
        children: runs,
      }),
      lines: Math.max(1, estimated),
    },
    { node: emptyLine(ctx, { keepNext: true }), lines: 1 }, // 标题下空一行 (cl. 7.3.2)
  ];
}

/** 主送机关: flush left, continuation lines flush left too. */
export function addresseeParagraph(ctx: DocxContext, addressee: string): Placed {
  const text = oneLine(addressee);
  return {
    node: new Paragraph({
      spacing: ctx.exact,
      widowControl: false,
      alignment: AlignmentType.JUSTIFIED,
      children: [textRun(ctx, text, "body")],
    }),
    lines: estimateLines(text),
  };
}

/** One body block. `keepNext` glues it to what follows (the last block before a signature). */
export function blockParagraph(ctx: DocxContext, block: Block, keepNext = false): Placed {
  const base = bodyParagraph(ctx);
  switch (block.type) {
    case "heading": {
      const head = oneLine(`${block.number ?? ""}${block.text}`);
      const runIn = oneLine(block.runIn ?? "");
      const children = [textRun(ctx, head, HEADING_FONT[block.level])];
      if (runIn !== "") children.push(textRun(ctx, runIn, "body"));
      return {
        // A run-in heading is a body paragraph that starts with a heading: it must not pull the next one along.
        node: new Paragraph({
          ...base,
          outlineLevel: block.level - 1,
          ...keep((runIn === "" && ctx.settings.keepHeadingsWithNext) || keepNext),
          children,
        }),
        lines: estimateLines(head + runIn, { indentChars: 2 }),
      };
    }
    case "paragraph": {
      const lead = oneLine(block.lead ?? "");
      const text = oneLine(block.text);
      const children = [textRun(ctx, text, "body")];
      if (lead !== "") children.unshift(textRun(ctx, lead, "body", { bold: ctx.settings.boldLeads }));
      return {
        node: new Paragraph({ ...base, ...keep(keepNext), children }),
        lines: estimateLines(lead + text, { indentChars: 2 }),
      };
    }
    case "label": {
      const text = oneLine(block.text);
      return {
        node: new Paragraph({
          ...base,
          ...keep(ctx.settings.keepHeadingsWithNext || keepNext),
          children: [textRun(ctx, text, "body")],
        }),
        lines: estimateLines(text, { indentChars: 2 }),
      };
    }
  }
}

/** `keepNext` only when wanted: docx writes `<w:keepNext w:val="false"/>` otherwise, which is just noise. */
export const keep = (keepNext: boolean): IParagraphOptions => (keepNext ? { keepNext: true } : {});

/**
 * 附件说明 (cl. 7.3.4): one empty line, then "附件：名称" with a 2-字 indent; several attachments are numbered,
 * later numbers align under the first one and wrapped names hang under the name's first character.
 */
export function attachmentParagraphs(
  ctx: DocxContext,
  names: readonly string[],
  keepNext: boolean,
): Placed[] {
  const lines = attachmentLines(names);
  const label = textWidth("附件：");
  const placed: Placed[] = [{ node: emptyLine(ctx), lines: 1 }];
  lines.forEach((line, i) => {
    const numberWidth = names.length === 1 ? 0 : textWidth(`${i + 1}.`);
    const hangAt = 2 + label + numberWidth; // in 字, from the left margin
    const firstLineAt = i === 0 ? 2 : 2 + label;
    const last = i === lines.length - 1;
    placed.push({
      node: new Paragraph({
        spacing: ctx.exact,
        widowControl: false,
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: Math.round(hangAt * CHAR3), hanging: Math.round((hangAt - firstLineAt) * CHAR3) },
        ...keep(keepNext || !last),
        children: [textRun(ctx, line, "body")],
      }),
      lines: estimateLines(line, { indentChars: firstLineAt, charsPerLine: CHARS_PER_LINE }),
    });
  });
  return placed;
}

/** 附注 (cl. 7.3.6): the line after the 成文日期, 2-字 indent, written as given (parentheses included). */
export function noteParagraph(ctx: DocxContext, note: string): Placed {
  const text = oneLine(note);
  return {
    node: new Paragraph({ ...bodyParagraph(ctx), children: [textRun(ctx, text, "body")] }),
    lines: estimateLines(text, { indentChars: 2 }),
  };
}
