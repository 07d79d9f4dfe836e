// GB/T 9704 page geometry and the docx run/paragraph properties every builder shares (gbt9704.md §2.2–2.6).
// Only docx option objects here; which element uses which is decided by the builders.

import {
  AlignmentType,
  DocumentGridType,
  LineRuleType,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type IStylesOptions,
  type ISectionPropertiesOptions,
} from "docx";
import type { LayoutSettings } from "./layout-settings.ts";

/** Page and margins in twips: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: 2098,
  bottom: 1984,
  left: 1588,
  right: 1474,
  header: 851,
  footer: 1418,
} as const;
/** Width of the 版心 in twips. */
export const TEXT_WIDTH = 8844;
/** docGrid charSpace that fits 28 三号 characters on the 版心 in Word (§1.3). */
export const CHAR_SPACE = -849;
/** Font sizes in half-points. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28 } as const;
/** One 字 in twips at 三号 and 四号. */
export const CHAR3 = 320;
export const CHAR4 = 280;

export type FontRole = "title" | "body" | "heading1" | "heading2" | "pageNumber";

type RunFont = NonNullable<IRunOptions["font"]>;
type Spacing = NonNullable<IParagraphOptions["spacing"]>;

/** Settings resolved into ready-made docx option fragments, built once per document. */
export interface DocxContext {
  readonly settings: LayoutSettings;
  readonly fonts: Readonly<Record<FontRole, RunFont>>;
  /** Exact spacing at the line pitch, no space before/after. */
  readonly exact: Spacing;
  /** Run tracking for 三号 runs in the portable grid mode, undefined in the Word grid mode. */
  readonly tracking: number | undefined;
}

export function makeDocxContext(settings: LayoutSettings): DocxContext {
  const { fonts } = settings;
  const font = (eastAsia: string, latin = fonts.latin): RunFont => ({
    ascii: latin,
    hAnsi: latin,
    cs: latin,
    eastAsia,
    hint: "eastAsia",
  });
  return {
    settings,
    fonts: {
      title: font(fonts.title),
      body: font(fonts.body),
      heading1: font(fonts.heading1),
      heading2: font(fonts.heading2),
      pageNumber: font(fonts.pageNumber, fonts.pageNumber),
    },
    exact: exactSpacing(settings.linePitch),
    tracking: settings.grid === "portable" ? -5 : undefined,
  };
}

/** `w:spacing w:line=… w:lineRule="exact"` with before/after 0. EXACT, not EXACTLY (which Word ignores). */
export const exactSpacing = (line: number): Spacing => ({
  line,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
});

// Characters XML 1.0 cannot carry: docx would write them verbatim and Word would refuse the file.
const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string): string => text.replace(XML_INVALID, "");

export interface RunStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  /** false for runs larger than 三号, so Word's character grid does not stretch them over two cells. */
  snapToGrid?: boolean;
  scale?: number;
  /** Start the run on a new line (`w:br` before its text). */
  breakBefore?: boolean;
}

/** A run in the font of `role` with the East Asian hint and language; 三号 unless `size` says otherwise. */
export function textRun(ctx: DocxContext, text: string, role: FontRole, style: RunStyle = {}): TextRun {
  const size = style.size ?? SIZE.sanhao;
  return new TextRun({
    text: xmlSafe(text),
    font: ctx.fonts[role],
    size,
    language: { eastAsia: "zh-CN" },
    ...(style.bold ? { bold: true } : {}),
    ...(style.color ? { color: style.color } : {}),
    ...(style.snapToGrid === false ? { snapToGrid: false } : {}),
    ...(style.scale ? { scale: style.scale } : {}),
    ...(style.breakBefore ? { break: 1 } : {}),
    ...(size === SIZE.sanhao && ctx.tracking !== undefined ? { characterSpacing: ctx.tracking } : {}),
  });
}

/** Two-字 first-line indent: twips for LibreOffice, Chars for Word (which prefers them); both always (§2.5). */
export const FIRST_LINE_INDENT = { firstLine: 2 * CHAR3, firstLineChars: 200 } as const;

/** An empty line of the grid ("空一行"). */
export const emptyLine = (ctx: DocxContext, extra: IParagraphOptions = {}): Paragraph =>
  new Paragraph({ spacing: ctx.exact, widowControl: false, ...extra, children: [] });

/** Paragraph options shared by body-like paragraphs: exact spacing, justified, no widow control (§2.5). */
export const bodyParagraph = (ctx: DocxContext): IParagraphOptions => ({
  spacing: ctx.exact,
  widowControl: false,
  alignment: AlignmentType.JUSTIFIED,
  indent: FIRST_LINE_INDENT,
});

/** docDefaults + the single Normal style (sz 32: Word's charSpace is relative to Normal's size, §1.3). */
export function documentStyles(ctx: DocxContext): IStylesOptions {
  const run = { font: ctx.fonts.body, size: SIZE.sanhao, language: { eastAsia: "zh-CN" } };
  const paragraph = { spacing: ctx.exact, widowControl: false };
  return {
    default: { document: { run, paragraph } },
    paragraphStyles: [{ id: "Normal", name: "Normal", run, paragraph }],
  };
}

/** Page size, margins and document grid of the one section. */
export function sectionProperties(ctx: DocxContext): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: {
        top: PAGE.top,
        bottom: PAGE.bottom,
        left: PAGE.left,
        right: PAGE.right,
        header: PAGE.header,
        footer: PAGE.footer,
        gutter: 0,
      },
    },
    grid:
      ctx.settings.grid === "word"
        ? { type: DocumentGridType.LINES_AND_CHARS, linePitch: ctx.settings.linePitch, charSpace: CHAR_SPACE }
        : // No grid: exact line spacing alone gives the 22 lines, and LibreOffice snaps lines taller than the pitch
          // (the 二号 title, the 发文机关标志) to two grid lines under a `lines` grid.
          { type: DocumentGridType.DEFAULT, linePitch: ctx.settings.linePitch },
  };
}
