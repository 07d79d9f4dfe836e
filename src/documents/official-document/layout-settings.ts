// Deployment-tunable layout of official documents: font names per role, line pitch, grid mode, signature gap.
// Values only; the writers decide how to apply them (see docs/official-layout.md).

import { z } from "zod";

// Font names end up inside XML attributes and CSS strings: keep them to plain names.
const fontName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^"'<>&\\;{}]+$/, "字体名称不能包含引号、尖括号、分号或反斜杠");

/** Font names written into `w:eastAsia` (CJK) and `w:ascii`/`w:hAnsi` (Latin, digits) per role. */
export const fontSettingsSchema = z.object({
  /** 标题 and 发文机关标志 (二号 / larger). */
  title: fontName.default("方正小标宋简体"),
  /** 正文, 三/四级标题, 署名, 附注, 版记. */
  body: fontName.default("仿宋_GB2312"),
  /** 一级标题 (一、). */
  heading1: fontName.default("黑体"),
  /** 二级标题 （一）. */
  heading2: fontName.default("楷体_GB2312"),
  /** 页码 "— N —" (all slots, digits included: 半角宋体). */
  pageNumber: fontName.default("宋体"),
  /** Latin letters and digits in every other element. */
  latin: fontName.default("Times New Roman"),
});

export const layoutSettingsSchema = z.object({
  fonts: fontSettingsSchema.prefault({}),
  /** Exact line pitch in twips: 579 fills the 225 mm 版心 with 22 lines; 560 (28 pt) is the common office value. */
  linePitch: z.number().int().min(400).max(700).default(579),
  /**
   * `portable` (default): no document grid, exact line pitch + −0.25 pt run tracking: plain tracking, so Word, WPS and LibreOffice all set
   * 22 × 28 (measured in LibreOffice, test/rendering). `word`: Word's character grid (linesAndChars, charSpace
   * −849), what Word's 文档网格 dialog writes; LibreOffice spaces it at ~14 characters per line (gbt9704.md §2.5).
   */
  grid: z.enum(["word", "portable"]).default("portable"),
  /** Empty lines between the last body line (or 附件说明) and a sealed signature (cl. 7.3.5.1, practice: 2–3). */
  blankLinesBeforeSignature: z.number().int().min(0).max(6).default(3),
  /** Colour of 发文机关标志 and the red separator, hex RRGGBB. */
  redColor: z
    .string()
    .regex(/^[0-9A-Fa-f]{6}$/)
    .default("FF0000"),
  /**
   * Keep headings and labels on the page of the paragraph they introduce. Off by default: LibreOffice then
   * ends pages early (21 lines) and GB/T 9704's 22 lines on every full page wins over an orphaned heading.
   */
  keepHeadingsWithNext: z.boolean().default(false),
  /** Show paragraph leads (一是, 整改情况：) in bold. */
  boldLeads: z.boolean().default(true),
});

export type FontSettings = z.output<typeof fontSettingsSchema>;
export type LayoutSettings = z.output<typeof layoutSettingsSchema>;
/** What callers may pass: any subset, defaults fill the rest. */
export type LayoutSettingsInput = z.input<typeof layoutSettingsSchema>;

/** Validated settings with defaults; throws a ZodError on invalid values. */
export const resolveLayoutSettings = (input: LayoutSettingsInput = {}): LayoutSettings =>
  layoutSettingsSchema.parse(input);

export const defaultLayoutSettings: LayoutSettings = resolveLayoutSettings();
