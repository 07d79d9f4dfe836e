// Row heights for exported ledgers. Spreadsheet programs do not grow a row to fit wrapped text when a file is
// opened (LibreOffice and WPS print such rows one line high and the text overprints the rows below), so the
// writer sets every height itself from the text and the column width. Pure.

/** Excel's limit for one row, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * A column width in Excel's units (characters of the default font's digits, 7 px each) → the points one
 * line of a wrapped cell may fill: 5 px of column padding, 2 pt of cell margin on each side.
 */
const usablePoints = (width: number): number => ((width * 7 + 5) * 3) / 4 - 4;

/** Units of one character: CJK ideographs, kana, hangul and full-width forms count double. */
export function charUnits(codePoint: number): number {
  return (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    codePoint >= 0x20000
    ? 2
    : 1;
}

/** Width of a text in units (one unit = half a CJK character). */
export function textUnits(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is a supplementary-plane character: CJK extensions, wide.
    if (code >= 0xd800 && code <= 0xdbff) {
      units += 2;
      i += 1;
    } else units += charUnits(code);
  }
  return units;
}

/**
 * Lines a text takes in a wrapped cell `width` characters wide at `fontSize` points. Each paragraph (line
 * break) starts a new line. A paragraph that wraps fills its lines less than fully: renderers move a closing
 * punctuation mark or a Latin word whole to the next line rather than split it, so two units of each line
 * are kept in reserve.
 */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const capacity = Math.max(1, Math.floor(usablePoints(width) / (fontSize / 2)));
  const perLine = Math.max(1, capacity - 2);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    const units = textUnits(paragraph);
    lines += units <= capacity ? 1 : Math.ceil(units / perLine);
  }
  return lines;
}

/** Points per line: CJK fonts (Noto CJK, 方正/华文 faces) need about 1.45 em from line to line. */
export const lineHeight = (fontSize: number): number => Math.ceil(fontSize * 1.45 * 2) / 2;

export interface CellText {
  readonly text: string;
  /** The column's width in Excel units. */
  readonly width: number;
}

/** The height (points) a row needs so that none of its wrapped cells is cut: the tallest cell wins. */
export function rowHeight(cells: readonly CellText[], fontSize: number, minimum = 0): number {
  let lines = 1;
  for (const c of cells) if (c.text !== "") lines = Math.max(lines, wrappedLines(c.text, c.width, fontSize));
  return Math.min(MAX_ROW_HEIGHT, Math.max(minimum, lines * lineHeight(fontSize) + 6));
}

/**
 * Heights for the rows a merged cell spans: each row keeps what its own cells need, and when together they
 * are lower than the merged cell needs, the difference is shared out evenly so the merged text fits too.
 */
export function spreadHeights(own: readonly number[], merged: number): number[] {
  const total = own.reduce((a, b) => a + b, 0);
  if (own.length === 0 || total >= merged) return [...own];
  const extra = (merged - total) / own.length;
  return own.map((h) => Math.min(MAX_ROW_HEIGHT, Math.ceil((h + extra) * 2) / 2));
}
