// Turns raw notice text into clean, numbered lines: one width for digits and punctuation, no page numbers,
// no web-page metadata header, no blank lines. Pure; must never throw, whatever the input.

/** A non-empty line of the notice with its 1-based line number in the input. */
export interface NoticeLine {
  readonly n: number;
  readonly text: string;
}

export interface NormalizedNotice {
  readonly lines: readonly NoticeLine[];
  readonly metadata: Record<string, string>;
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
    .replace(/ {2,}/g, " ");
  return s.trim();
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
  const lines: NoticeLine[] = [];
  let headerOpen = true; // metadata is only stripped before the first content line
  rawLines.forEach((raw, i) => {
    const text = normalizeLine(raw);
    if (text === "" || isPageFurniture(text)) return;
    if (headerOpen && METADATA_LINE.test(text)) {
      for (const m of text.matchAll(METADATA_PAIR)) {
        const key = m[1] as string;
        if (!(key in metadata)) metadata[key] = (m[2] ?? "").trim();
      }
      return;
    }
    headerOpen = false;
    lines.push({ n: i + 1, text });
  });
  return { lines: joinWrappedTitle(lines), metadata };
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
