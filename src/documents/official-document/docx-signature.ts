// 发文机关署名 + 成文日期 (cl. 7.3.5): the sealed layout (case 1) and the unsealed one (case 2), per gbt9704.md §1.5.
// Only paragraph options here; the gaps themselves come from signature-indents.ts.

import { AlignmentType, Paragraph } from "docx";
import { keep, type Placed } from "./docx-blocks.ts";
import { CHAR3, emptyLine, textRun, type DocxContext } from "./docx-styles.ts";
import { signatureIndents } from "./signature-indents.ts";
import { formatOfficialDate, oneLine, type Signature } from "./official-document.ts";

/**
 * `blankLines` empty lines, the name and the date, all kept with the next paragraph so that Word never
 * leaves the signature alone on a page (the caller also keeps the last body paragraph with it).
 */
export function signatureParagraphs(ctx: DocxContext, signature: Signature, blankLines: number): Placed[] {
  const org = oneLine(signature.org);
  const dateText = formatOfficialDate(signature.date);
  const indents = signatureIndents(org, dateText, signature.sealed !== false);
  const line = (text: string, rightChars: number, keepNext: boolean): Placed => ({
    node: new Paragraph({
      spacing: ctx.exact,
      widowControl: false,
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR3) },
      ...keep(keepNext),
      children: [textRun(ctx, text, "body")],
    }),
    lines: 1,
  });
  const gap: Placed[] = Array.from({ length: blankLines }, () => ({
    node: emptyLine(ctx, { keepNext: true }),
    lines: 1,
  }));
  return [...gap, line(org, indents.name, true), line(dateText, indents.date, false)];
}
