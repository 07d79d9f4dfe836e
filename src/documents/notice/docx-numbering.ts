// Word's automatic numbering (numbering.xml, and numbering linked from paragraph styles in styles.xml) → the
// number text Word shows before a paragraph ("一、", "（二）", "3."). mammoth's raw text drops these numbers, and
// with them the outline of a notice whose headings are numbered by Word. Pure: XML text in, strings out.

import { formatChineseNumber } from "../../domain/chinese-numerals.ts";
import { attributesOf, xmlEvents } from "./docx-xml.ts";

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
  readonly styleId: string | null;
}

export interface ParagraphNumbering {
  readonly numId: string;
  readonly ilvl: number | null;
}

export interface NumberingDefinitions {
  /** abstractNumId → level index → level. */
  readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, Level>>;
  /** numId → its abstractNumId and the levels it restarts (lvlOverride/startOverride). */
  readonly nums: ReadonlyMap<string, { abstractId: string; starts: ReadonlyMap<number, number> }>;
  /** styleId → the numbering its paragraphs take, and the style it is based on. */
  readonly styles: ReadonlyMap<string, { numbering: ParagraphNumbering | null; basedOn: string | null }>;
}

const intOf = (v: string | undefined, fallback: number): number => {
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
};

/** Reads numbering.xml and styles.xml (either may be empty). */
export function readNumberingDefinitions(numberingXml: string, stylesXml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  let abstract: Map<number, Level> | null = null;
  let level: { ilvl: number; format: string; text: string; start: number; styleId: string | null } | null =
    null;
  let num: { abstractId: string; starts: Map<number, number> } | null = null;
  let override: number | null = null;
  for (const e of xmlEvents(numberingXml)) {
    if (e.type !== "open" && e.type !== "close") continue;
    const a = e.type === "open" ? attributesOf(e.attributes) : new Map<string, string>();
    if (e.type === "open") {
      if (e.name === "w:abstractNum") {
        abstract = new Map();
        abstracts.set(a.get("w:abstractNumId") ?? "", abstract);
      } else if (e.name === "w:lvl" && abstract !== null && num === null) {
        level = { ilvl: intOf(a.get("w:ilvl"), 0), format: "decimal", text: "", start: 1, styleId: null };
      } else if (level !== null && e.name === "w:numFmt") level.format = a.get("w:val") ?? "decimal";
      else if (level !== null && e.name === "w:lvlText") level.text = a.get("w:val") ?? "";
      else if (level !== null && e.name === "w:start") level.start = intOf(a.get("w:val"), 1);
      else if (level !== null && e.name === "w:pStyle") level.styleId = a.get("w:val") ?? null;
      else if (e.name === "w:num") {
        num = { abstractId: "", starts: new Map() };
        nums.set(a.get("w:numId") ?? "", num);
      } else if (num !== null && e.name === "w:abstractNumId") num.abstractId = a.get("w:val") ?? "";
      else if (num !== null && e.name === "w:lvlOverride") override = intOf(a.get("w:ilvl"), 0);
      else if (num !== null && override !== null && e.name === "w:startOverride")
        num.starts.set(override, intOf(a.get("w:val"), 1));
    }
    if (e.type === "close" || e.selfClosing) {
      if (e.name === "w:lvl" && level !== null && abstract !== null) {
        abstract.set(level.ilvl, level);
        level = null;
      } else if (e.name === "w:abstractNum") abstract = null;
      else if (e.name === "w:num") num = null;
      else if (e.name === "w:lvlOverride") override = null;
    }
  }
  return { abstracts, nums, styles: readStyleNumbering(stylesXml) };
}

function readStyleNumbering(
  stylesXml: string,
): Map<string, { numbering: ParagraphNumbering | null; basedOn: string | null }> {
  const styles = new Map<string, { numbering: ParagraphNumbering | null; basedOn: string | null }>();
  let style: { numId: string | null; ilvl: number | null; basedOn: string | null } | null = null;
  let id = "";
  for (const e of xmlEvents(stylesXml)) {
    if (e.type === "open") {
      const a = attributesOf(e.attributes);
      if (e.name === "w:style") {
        id = a.get("w:styleId") ?? "";
        style = { numId: null, ilvl: null, basedOn: null };
      } else if (style !== null && e.name === "w:basedOn") style.basedOn = a.get("w:val") ?? null;
      else if (style !== null && e.name === "w:numId") style.numId = a.get("w:val") ?? null;
      else if (style !== null && e.name === "w:ilvl") style.ilvl = intOf(a.get("w:val"), 0);
    }
    if ((e.type === "close" || (e.type === "open" && e.selfClosing)) && e.name === "w:style" && style) {
      const numbering = style.numId === null ? null : { numId: style.numId, ilvl: style.ilvl };
      styles.set(id, { numbering, basedOn: style.basedOn });
      style = null;
    }
  }
  return styles;
}

/** The numbering a paragraph takes from its style (following basedOn), when it has none of its own. */
export function styleNumbering(defs: NumberingDefinitions, styleId: string): ParagraphNumbering | null {
  const seen = new Set<string>();
  for (let id: string | null = styleId; id !== null && !seen.has(id);) {
    seen.add(id);
    const style = defs.styles.get(id);
    if (style === undefined) return null;
    if (style.numbering !== null) return style.numbering;
    id = style.basedOn;
  }
  return null;
}

const BULLETS = ["●", "•", "■", "◆", "▲", "○", "★", "☆", "◇", "□", "▪", "►", "▶"];
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const ROMAN: readonly (readonly [number, string])[] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];

function roman(n: number): string {
  let out = "";
  let rest = n;
  for (const [v, s] of ROMAN)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter past z: aa, bb…
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter value in a level's format, as Word shows it. */
export function formatCounter(format: string, n: number): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographLegalTraditional":
      return n > 0 ? formatChineseNumber(n) : String(n);
    case "ideographTraditional":
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "none":
      return "";
    default:
      return String(n);
  }
}

/**
 * Counts numbered paragraphs in document order, as Word does: one set of counters per list (abstract
 * numbering), a deeper level restarting under each new item of a shallower one, a num's startOverride
 * restarting its level the first time that num is used.
 */
export function numberingCounter(
  defs: NumberingDefinitions,
): (p: ParagraphNumbering, styleId: string | null) => string {
  const counters = new Map<string, number[]>();
  const overridden = new Set<string>();
  return (p, styleId) => {
    const num = defs.nums.get(p.numId);
    const levels = num === undefined ? undefined : defs.abstracts.get(num.abstractId);
    if (num === undefined || levels === undefined) return "";
    let ilvl = p.ilvl;
    if (ilvl === null && styleId !== null)
      ilvl = [...levels].find(([, l]) => l.styleId === styleId)?.[0] ?? null;
    const at = ilvl ?? 0;
    const level = levels.get(at);
    if (level === undefined) return "";
    const values = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, values);
    if (!overridden.has(p.numId)) {
      overridden.add(p.numId);
      for (const [l, start] of num.starts) {
        values.length = Math.min(values.length, l);
        values[l] = start - 1;
      }
    }
    values[at] = (values[at] ?? level.start - 1) + 1;
    values.length = at + 1;
    // A bullet is often a Symbol/Wingdings glyph in the private use area (U+F0B7): it means a bullet, not text.
    if (level.format === "bullet") return BULLETS.includes(level.text) ? level.text : "●";
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatCounter(l?.format ?? "decimal", values[i] ?? l?.start ?? 1);
    });
  };
}
