// Serializes an OfficialDocument to Markdown that reads like the notice and re-imports through the text parser.
// Text is kept verbatim (numbering, labels); only characters that would turn into Markdown syntax are escaped.

import {
  attachmentLines,
  blockText,
  formatOfficialDate,
  noteLines,
  oneLine,
  titleLines,
  type Block,
  type OfficialDocument,
} from "./official-document.ts";

// Inline: emphasis/code/link openers, raw HTML and entities. `_` only at a word edge (inside a word it is inert).
const INLINE =
  /\\(?=[!-/:-@[-`{-~])|[*`[]|~~|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
// Line start: ATX headings, block quotes, list markers, thematic breaks / setext underlines, fences.
const LINE_START = /^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$|-{3,}\s*$|~~~)/;

/** Escapes what Markdown would interpret; Chinese text without such characters comes out unchanged. */
export function escapeMarkdown(text: string): string {
  const inline = oneLine(text)
    .replace(/^[ \t]+|[ \t]+$/g, "") // 4 leading spaces would start a code block; trailing ones a hard break
    .replace(INLINE, (m) => `\\${m}`);
  return inline.replace(LINE_START, (m) => {
    const index = /\d/.test(m[0] ?? "") ? m.search(/[.)]/) : 0; // "1." → "1\.", "#" → "\#"
    return `${m.slice(0, index)}\\${m.slice(index)}`;
  });
}

function blockLine(block: Block): string {
  // A run-in heading is one paragraph of the notice ("（一）标题。正文……"): keep it one line, not a Markdown heading.
  if (block.type === "heading" && (block.runIn ?? "") === "") {
    return `${"#".repeat(block.level + 1)} ${escapeMarkdown(blockText(block))}`;
  }
  return escapeMarkdown(blockText(block));
}

/**
 * Markdown of the 主体: `# 标题`, 主送机关, one paragraph per block (headings as `##`..`#####` with their
 * numbering), 附件说明, then a blank line, 署名 and 成文日期 on consecutive lines (a two-space hard break
 * between them) and the 附注. The red header and the 版记 are print furniture and are left out.
 */
export function writeMarkdown(doc: OfficialDocument): string {
  const paragraphs: string[] = [`# ${escapeMarkdown(titleLines(doc.title).join(""))}`];
  if (doc.addressee !== undefined && doc.addressee.trim() !== "")
    paragraphs.push(escapeMarkdown(doc.addressee));
  for (const block of doc.blocks) paragraphs.push(blockLine(block));
  for (const line of attachmentLines(doc.attachments ?? [])) paragraphs.push(escapeMarkdown(line));
  if (doc.signature) {
    paragraphs.push(`${escapeMarkdown(doc.signature.org)}  \n${formatOfficialDate(doc.signature.date)}`);
  }
  for (const note of noteLines(doc)) paragraphs.push(escapeMarkdown(note));
  return `${paragraphs.join("\n\n")}\n`;
}
