// Turns raw notice text into clean, numbered lines: one width for digits and punctuation, no page numbers,
// no web-page metadata header or Markdown marks, tables written out as lines, no blank lines. Pure; must never
// throw, whatever the input.

import { rewriteTable, tableCells } from "./notice-tables.ts";

/** A non-empty line of the notice with its 1-based line number in the input. */
export interface NoticeLine {
  readonly n: number;
  readonly text: string;
}

export interface NormalizedNotice {
  readonly lines: readonly NoticeLine[];
  readonly metadata: Record<string, string>;
  /** Input lines that carry no content of their own (page numbers, metadata, table headers), by line number. */
  readonly structural: readonly number[];
}

// Labels of the metadata table government sites put above a notice (政府信息公开 header).
const METADATA_LABELS = [
  "索引号",
  "发布机构",
  "发文机关",
  "发文机构",
  "主题分类",
  "信息分类",
  "组配分类",
  "体裁分类",
  "服务对象",
  "成文日期",
  "发布日期",
  "生成日期",
  "公开日期",
  "发文日期",
  "文号",
  "发文字号",
  "信息名称",
  "名称",
  "标题",
  "公开方式",
  "公开范围",
  "公开时限",
  "有效性",
  "来源",
  "发布时间",
  "浏览次数",
  "访问量",
  "点击数",
  "字号",
  "关键词",
  "主题词",
  "信息来源",
  "作者",
  "责任编辑",
  "所属机构",
  "统一编号",
  "是否有效",
];
const METADATA_LINE = new RegExp(`^(?:${METADATA_LABELS.join("|")})\\s*[：:]`);
const METADATA_PAIR = new RegExp(
  `(${METADATA_LABELS.join("|")})\\s*[：:]\\s*(.*?)(?=\\s+(?:${METADATA_LABELS.join("|")})\\s*[：:]|$)`,
  "g",
);

// Page furniture and web-page noise that carries no content.
const PAGE_NUMBER = [
  /^[-—–－─~～]+\s*\d{1,4}\s*[-—–－─~～]+$/, // — 3 —, - 3 -
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/, // 第3页 共10页
  /^\d{1,4}\s*\/\s*\d{1,4}$/, // 3/10
  /^\d{1,3}$/, // a bare page number
];
const WEB_NOISE =
  /^(?:【?(?:打印本页|打印|关闭窗口|关闭|收藏|分享到|返回顶部|字体[：:]?\s*大\s*中\s*小)】?\s*)+$|^扫一扫在手机(?:上)?打开当前页$|^分享到[：:]/;

const FULL_WIDTH_ALNUM = /[０-９Ａ-Ｚａ-ｚ]/g;

/** Width and spacing normalisation of one line: ASCII digits/letters, Chinese punctuation for brackets and colons. */
export function normalizeLine(raw: string): string {
  let s = raw.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = stripMarkdown(s)
    // ⑴…⒇ and ⒈…⒛ are one character each; written out they are the (1) and 1. every reader knows.
    .replace(/[\u2474-\u2487]/g, (c) => `（${c.charCodeAt(0) - 0x2473}）`)
    .replace(/[\u2488-\u249b]/g, (c) => `${c.charCodeAt(0) - 0x2487}.`);
  s = s
    .replace(/[\u00a0\u2002-\u200b\u3000\t\ufeff]/g, " ")
    .replace(/．/g, ".")
    .replace(/％/g, "%")
    .replace(/＠/g, "@")
    .replace(/－/g, "-")
    .replace(/\(/g, "（")
    .replace(/\)/g, "）")
    // A half-width colon, comma or semicolon between digits is a time or a thousands separator: keep it.
    .replace(/:/g, (c, at: number, all: string) => (keepsHalfWidthColon(all, at) ? c : "："))
    .replace(/(?<!\d),|,(?!\d{3})/g, "，")
    .replace(/;/g, "；")
    // Dates written with dots or slashes ("2022.5.9—6.30") read as the Chinese dates (ISO dates stay: metadata).
    .replace(/(?<![\d.])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d.])/g, "$1年$3月$4日")
    .replace(/(日\s*(?:至|到|—{1,2}|–|-|~|～)\s*)(\d{1,2})[./](\d{1,2})(?![\d.])/g, "$1$2月$3日")
    // A half-width full stop after Chinese text ends a sentence; after a digit it is a number or a marker.
    .replace(/(?<=[\u4e00-\u9fff”’）》])\.(?=[\u4e00-\u9fff“‘（《\s]|$)/g, "。")
    .replace(/ {2,}/g, " ");
  return s.trim();
}

// Markdown written into a plain-text notice: heading marks, emphasis, bullets and quote marks carry no words.
function stripMarkdown(line: string): string {
  if (PAGE_NUMBER.some((re) => re.test(line.trim()))) return line;
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/\s+#+\s*$/, "")
    .replace(/^\s{0,6}(?:[-*+·]|>)\s+(?=\S)/, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/\*\*|__/g, "");
}

// 10:30 and https:// keep their colon.
const keepsHalfWidthColon = (s: string, at: number): boolean =>
  (/\d/.test(s[at - 1] ?? "") && /\d/.test(s[at + 1] ?? "")) || s.startsWith("//", at + 1);

function isPageFurniture(text: string): boolean {
  return PAGE_NUMBER.some((re) => re.test(text)) || WEB_NOISE.test(text);
}

// A title wrapped over two lines: neither part has sentence punctuation and only the second ends like a title.
const TITLE_END = /(?:通报|报告|情况|公告|公示|说明)$/;
const SENTENCE_PUNCT = /[。，；：！？]/;

/**
 * Splits, cleans and numbers the lines of a notice. Removes the metadata header (collected into
 * `metadata`) from the first lines only, page numbers and web furniture anywhere, and blank lines.
 */
export function normalizeText(input: string): NormalizedNotice {
  const rawLines = input.replace(/^\ufeff/, "").split(/\r\n|\r|\n|\u2028|\u2029|\f/);
  const metadata: Record<string, string> = {};
  const structural: number[] = [];
  const frontMatterEnd = readFrontMatter(rawLines, metadata);
  for (let i = 0; i < frontMatterEnd; i += 1) structural.push(i + 1);
  const lines: NoticeLine[] = [];
  let headerOpen = true; // metadata is only stripped before the first content line
  let brokenAt = -1; // index in `lines` of the last line before removed page furniture
  let table: { n: number; cells: string[] }[] = [];
  const flushTable = (): void => {
    if (table.length === 0) return;
    const rewritten = rewriteTable(table);
    if (rewritten) {
      lines.push(...rewritten.lines);
      structural.push(...rewritten.structural);
    } else lines.push(...table.map((r) => ({ n: r.n, text: normalizeLine(r.cells.join("，")) })));
    table = [];
  };
  rawLines.forEach((raw, i) => {
    if (i < frontMatterEnd) return;
    const cells = tableCells(raw);
    if (cells !== null && !/^\s*[-*+]\s/.test(raw)) {
      headerOpen = false;
      const clean = cells.map(normalizeLine);
      if (table.length > 0 || rewriteTable([{ n: i + 1, cells: clean }]) !== null) {
        table.push({ n: i + 1, cells: clean });
        return;
      }
    } else if (raw.trim() !== "" && !isPageFurniture(normalizeLine(raw))) {
      flushTable(); // a page break inside a table does not end it
    }
    const text = normalizeLine(raw);
    if (text === "") return;
    if (isPageFurniture(text)) {
      structural.push(i + 1);
      brokenAt = lines.length - 1;
      return;
    }
    if (headerOpen && METADATA_LINE.test(text)) {
      for (const m of text.matchAll(METADATA_PAIR)) {
        const key = m[1] as string;
        if (!(key in metadata)) metadata[key] = (m[2] ?? "").trim();
      }
      structural.push(i + 1);
      return;
    }
    headerOpen = false;
    const previous = lines[lines.length - 1];
    // A page break (or a hard wrap) inside a quotation or bracket: the line goes on after the break.
    if (
      previous &&
      (brokenAt === lines.length - 1 || text.length < 40) &&
      continuesQuote(previous.text, text)
    ) {
      lines[lines.length - 1] = { n: previous.n, text: previous.text + text };
      structural.push(i + 1);
      return;
    }
    brokenAt = -1;
    lines.push({ n: i + 1, text });
  });
  flushTable();
  const joined = joinWrappedTitle(lines);
  if (joined.length < lines.length && lines[1]) structural.push(lines[1].n);
  return { lines: joined, metadata, structural };
}

const OPENERS: Readonly<Record<string, string>> = { "“": "”", "（": "）", "《": "》", "「": "」" };

/** True when `line` leaves a quotation or bracket open and `next` closes it. */
function continuesQuote(line: string, next: string): boolean {
  for (const [open, close] of Object.entries(OPENERS)) {
    const opened = line.split(open).length - line.split(close).length;
    if (opened > 0 && next.includes(close) && next.indexOf(close) < (next.indexOf(open) + 1 || Infinity))
      return true;
  }
  return false;
}

/** A leading `---` block of `key: value` lines (Markdown front matter); returns the index after it, or 0. */
function readFrontMatter(rawLines: readonly string[], metadata: Record<string, string>): number {
  const first = rawLines.findIndex((l) => l.trim() !== "");
  if (first < 0 || !/^\s*-{3,}\s*$/.test(rawLines[first] ?? "")) return 0;
  for (let i = first + 1; i < Math.min(rawLines.length, first + 40); i += 1) {
    const line = (rawLines[i] ?? "").trim();
    if (/^-{3,}$/.test(line)) return i + 1;
    const m = /^([^:：]{1,30})[:：]\s*(.*)$/.exec(line);
    if (line !== "" && !m) return 0;
    if (m) metadata[(m[1] as string).trim()] = (m[2] ?? "").trim().replace(/^["']|["']$/g, "");
  }
  return 0;
}

function joinWrappedTitle(lines: NoticeLine[]): NoticeLine[] {
  const [first, second] = lines;
  if (!first || !second) return lines;
  if (SENTENCE_PUNCT.test(first.text) || SENTENCE_PUNCT.test(second.text)) return lines;
  if (TITLE_END.test(first.text) || !TITLE_END.test(second.text)) return lines;
  if (first.text.length + second.text.length > 80) return lines;
  return [{ n: first.n, text: first.text + second.text }, ...lines.slice(2)];
}

/** Splits text into sentences ending in 。！？； (punctuation kept); the last piece may lack one. */
export function splitSentences(text: string): string[] {
  return (
    text
      .match(/[^。！？；]+[。！？；]*|[。！？；]+/g)
      ?.map((s) => s.trim())
      .filter((s) => s !== "") ?? []
  );
}
