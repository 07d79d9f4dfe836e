// Line and page estimates on the GB/T 9704 grid (22 lines × 28 characters, gbt9704.md §2.8), without a layout engine.
// Used to keep the signature with the last body line on its page.

/** Characters per line of 三号 text on the 版心 (cl. 5.2.3). */
export const CHARS_PER_LINE = 28;
/** Lines per page (cl. 5.2.3). */
export const LINES_PER_PAGE = 22;

// Characters below U+2000 are Latin-like (half a 字) except these, which `w:hint="eastAsia"` draws full-width.
const FULL_WIDTH_BELOW_2000 = new Set(["·", "×", "÷", "°", "±", "§", "¨", "―"]);

/** Width of one character in 字: CJK, full-width forms and CJK punctuation 1; ASCII and other Latin 0.5. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x2000) return FULL_WIDTH_BELOW_2000.has(ch) ? 1 : 0.5;
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5; // half-width katakana/hangul forms
  return 1;
}

/** Width of a text in 字 ("2026年3月6日" → 6). */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

export interface LineOptions {
  /** First-line indent in 字 (2 for body paragraphs). */
  indentChars?: number;
  /** Characters that fit on one line (28 for 三号 on the 版心). */
  charsPerLine?: number;
}

/** Lines a paragraph takes: ceil((indent + width) / charsPerLine), at least 1 (an empty paragraph is a line). */
export function estimateLines(text: string, options: LineOptions = {}): number {
  const { indentChars = 0, charsPerLine = CHARS_PER_LINE } = options;
  // The epsilon absorbs float noise from 0.5-wide characters; a line that is exactly full stays one line.
  return Math.max(1, Math.ceil((indentChars + textWidth(text)) / charsPerLine - 1e-9));
}

/** Lines still free on the page where the next line would go, after `usedLines` lines (a full page leaves a whole new one). */
export const freeLinesOnPage = (usedLines: number, linesPerPage = LINES_PER_PAGE): number =>
  linesPerPage - (usedLines % linesPerPage);

/** Page (from 1) on which the last of `usedLines` lines sits. */
export const pageOfLine = (usedLines: number, linesPerPage = LINES_PER_PAGE): number =>
  Math.max(1, Math.ceil(usedLines / linesPerPage));

/**
 * Empty lines to put before a sealed signature of `signatureLines` lines after `usedLines` body lines: the
 * wanted gap when it fits on the page of the last body line, else a smaller gap (down to 1) that still keeps
 * name and date on that page (cl. 7.3.5.5: adjust spacing rather than push the signature alone to a new page).
 * When even one empty line does not fit, the wanted gap is kept and keep-with-next carries the last body
 * line over to the next page together with the signature.
 */
export function signatureGap(
  usedLines: number,
  wanted: number,
  signatureLines = 2,
  linesPerPage = LINES_PER_PAGE,
): number {
  const free = freeLinesOnPage(usedLines, linesPerPage);
  if (free === linesPerPage) return wanted; // the body filled its page exactly: the signature starts a new one anyway
  if (free >= wanted + signatureLines) return wanted;
  if (free >= 1 + signatureLines) return free - signatureLines;
  return wanted;
}
