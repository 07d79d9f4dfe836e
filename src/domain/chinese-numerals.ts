// Chinese numerals as used in notices and headings: parse (十二, 二十一, 〇, 两千, 二〇二一) and format (一百零五).

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Characters that can appear in a Chinese numeral, for scanners building a regular expression. */
export const CHINESE_NUMERAL_CHARS = "〇零一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万亿";

const FULL_WIDTH_DIGITS = /[０-９]/g;
const toHalfWidthDigits = (s: string): string =>
  s.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));

/**
 * Parses a whole string as a number: Arabic (half- or full-width) or Chinese numerals, either
 * positional with units (二十一, 一百零五, 两千) or digit by digit (二〇二一). Returns undefined when
 * the string is not exactly one number.
 */
export function parseChineseNumber(text: string): number | undefined {
  const s = toHalfWidthDigits(text.trim());
  if (s === "") return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  for (const ch of s) if (!(ch in DIGITS || ch in SMALL_UNITS || ch in BIG_UNITS)) return undefined;
  const hasUnit = [...s].some((ch) => ch in SMALL_UNITS || ch in BIG_UNITS);
  if (!hasUnit) return Number([...s].map((ch) => DIGITS[ch]).join(""));
  return parseWithUnits(s);
}

function parseWithUnits(s: string): number | undefined {
  let total = 0; // completed 亿/万 sections
  let section = 0; // value below the current big unit
  let digit: number | undefined; // pending digit waiting for its unit
  let lastSmall = Infinity;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined; // 二三
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined; // 十百, 百百
      section += (digit ?? 1) * small;
      lastSmall = small;
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[ch] as number;
    section += digit ?? 0;
    if (section === 0 && !(big === 100_000_000 && total > 0)) return undefined;
    // 万 scales only its own section (一亿零一万); 亿 scales everything before it (一万亿).
    total = big === 10_000 ? total + section * big : (total + section) * big;
    section = 0;
    digit = undefined;
    lastSmall = Infinity;
  }
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

function formatBelow10000(n: number, leadingZero: boolean): string {
  const units = ["千", "百", "十", ""] as const;
  const values = [1000, 100, 10, 1];
  let out = "";
  let pendingZero = leadingZero;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / (values[i] as number)) % 10;
    if (d === 0) {
      if (out !== "" || leadingZero) pendingZero = out !== "" || pendingZero;
      continue;
    }
    if (pendingZero && (out !== "" || leadingZero)) out += "零";
    pendingZero = false;
    out += `${DIGIT_CHARS[d] as string}${units[i] as string}`;
  }
  return out;
}

/**
 * Formats a non-negative integer below 10^12 in Chinese numerals as written in official text:
 * 0 → 零, 10 → 十, 11 → 十一, 105 → 一百零五, 110 → 一百一十, 10010 → 一万零一十.
 */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1e12)
    throw new RangeError(`cannot format ${n} in Chinese numerals`);
  if (n === 0) return "零";
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.unshift(rest % 10_000);
  const bigUnits = ["", "万", "亿"];
  let out = "";
  groups.forEach((g, i) => {
    const unit = bigUnits[groups.length - 1 - i] as string;
    if (g === 0) return;
    const needsZero = out !== "" && g < 1000;
    out += formatBelow10000(g, needsZero) + unit;
  });
  // 一十 → 十 only at the very start (十一, not 一十一); 一百一十 keeps its 一.
  return out.startsWith("一十") ? out.slice(1) : out;
}

/** One number found inside running text, with where it stood. */
export interface NumberMatch {
  readonly value: number;
  readonly text: string;
  readonly index: number;
}

const NUMBER_RUN = new RegExp(`[0-9０-９]+(?:\\.[0-9]+)?|[${CHINESE_NUMERAL_CHARS}]+`, "g");

/** Finds every Arabic or Chinese number in a text, in order ("三个方面十二项问题" → 3, 12). */
export function scanNumbers(text: string): NumberMatch[] {
  const found: NumberMatch[] = [];
  for (const m of text.matchAll(NUMBER_RUN)) {
    const value = m[0].includes(".") ? Number(m[0]) : parseChineseNumber(m[0]);
    if (value !== undefined && !Number.isNaN(value)) found.push({ value, text: m[0], index: m.index });
  }
  return found;
}
