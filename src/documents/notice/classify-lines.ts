// Classifies each normalised line of a notice: numbered heading (一、 （一） 1. （1） ① 问题1：), labelled line
// (整改措施：…), separator, or plain text. Knows the shapes of lines, not what a section means.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type { NoticeBlockKind } from "./notice-draft.ts";
import type { NoticeLine } from "./normalize-text.ts";

export type MarkerStyle =
  "cn_dun" | "cn_paren" | "problem_no" | "arabic" | "arabic_paren" | "circled" | "bullet" | "lead_phrase";

/** Depth of each numbering style in official documents: 一、 > （一） > 1. > （1） > ①. 问题N： sits between. */
export const MARKER_RANK: Readonly<Record<MarkerStyle, number>> = {
  cn_dun: 1,
  cn_paren: 2,
  problem_no: 2.5,
  arabic: 3,
  arabic_paren: 4,
  circled: 5,
  // ● ■ ◆ ▲: unnumbered items, listed under whatever numbered level is above them.
  bullet: 6,
  // 针对“…”的问题，… opens a problem by its words; it has no number and sits where problems sit.
  lead_phrase: 2.5,
};

export interface HeadingLine {
  readonly kind: "heading";
  readonly n: number;
  readonly text: string;
  readonly marker: MarkerStyle;
  readonly rank: number;
  /** The number as written ("三", "12"). */
  readonly number: string;
  /** Text after the marker. */
  readonly body: string;
  /** `body` up to its first 。 (the heading's own title), without trailing punctuation. */
  readonly title: string;
  /** What follows the title on the same line. */
  readonly rest: string;
  /** True when the heading names itself a problem ("（一）存在问题：…"). */
  readonly named?: true;
}

export interface LabelLine {
  readonly kind: "label";
  readonly n: number;
  readonly text: string;
  readonly label: string;
  readonly blockKind: NoticeBlockKind | "problem";
  readonly rest: string;
}

export interface PlainLine {
  readonly kind: "text" | "separator";
  readonly n: number;
  readonly text: string;
}

export type ClassifiedLine = HeadingLine | LabelLine | PlainLine;

// Numbers of headings: Chinese up to 九千九百九十九, Arabic up to 99,999 — past the 5,000 problems an import
// takes, so a long notice is read item by item (or refused by that limit), never folded into one problem.
const CN = "[一二三四五六七八九十百千零〇]{1,8}";
const AR = "\\d{1,5}";
const MARKERS: readonly (readonly [MarkerStyle, RegExp])[] = [
  [
    "problem_no",
    new RegExp(
      `^(?:问题|第|整改事项|整改任务|整改问题|反馈问题|事项|任务)\\s*(${CN}|${AR})\\s*(?:个问题|项)?\\s*(?:[：、]|\\.(?!\\d)|\\s(?![个项条次名人家处年月日])(?=[\\u4e00-\\u9fff“]))\\s*`,
    ),
  ],
  ["cn_paren", new RegExp(`^（(${CN})）\\s*[、.]?\\s*`)],
  ["cn_dun", new RegExp(`^(${CN})\\s*[、.]\\s*`)],
  ["arabic_paren", new RegExp(`^（(${AR})）\\s*[、.]?\\s*|^(${AR})）\\s*`)],
  ["arabic", new RegExp(`^(${AR})\\s*(?:[、]|\\.(?!\\d))\\s*`)],
  ["circled", /^([①-⑳])\s*/],
  ["bullet", /^([●•■◆▲▪○◇□★☆►▶])\s*(?=\S)/],
];

const CHINESE_NUMBER = new RegExp(`^${CN}$`);
/** A Chinese number as headings write it: starts with a digit or 十 (not "千方百计", "百、千、万") and parses. */
const isChineseOrdinal = (s: string): boolean =>
  /^[一二三四五六七八九十]/.test(s) && parseChineseNumber(s) !== undefined;

// Labels of a problem's blocks. Order matters: 正在深化整改的内容及时限 is ongoing although it says 时限,
// 整改措施及阶段性成效 is measures although it says 成效.
const LABEL_KINDS: readonly (readonly [NoticeBlockKind | "problem", RegExp])[] = [
  ["ongoing", /正在深化|深化整改|下一步|下步|后续|继续整改|持续整改的内容|仍需|尚需/],
  ["measures", /措施|举措/],
  ["deadline", /时限|期限|完成时间|整改时间/],
  ["status", /完成情况|整改状态|进度状态|销号情况|是否完成|^状态$|^整改结果$/],
  ["responsible_leader", /领导/],
  ["responsible_unit", /责任|牵头|配合单位|整改主体/],
  ["problem", /^(?:反馈问题|督察反馈问题|存在问题|问题描述|具体问题|主要问题|问题|问题表现|反馈意见)$/],
  ["finding", /审计发现|督察发现|检查发现|发现问题|问题/],
  ["target", /目标/],
  ["progress", /成效|进展|情况|结果|做法|落实|完成|进度/],
];
const LABEL_LINE = /^([\u4e00-\u9fff、]{1,14})\s*[：]\s*/;

/** Labels that may also start mid-line ("问题一：… 整改措施：… 完成情况：已完成"). */
const INLINE_LABELS =
  "整改措施|整改情况|整改进展|整改时限|完成时限|完成情况|责任领导|责任单位|责任部门|责任人|审计发现|整改结果|整改目标|整改成效|问题描述|整改状态";
const INLINE_SPLIT = new RegExp(`(?<=[。；\\s])\\s*(?=(?:${INLINE_LABELS})：)`);

// Rules between records of a task list, and the record numbers that open them ("序号：1").
const SEPARATOR = /^(?:[-—_=*·•─━＝~～#]{3,}|(?:序号|编号)\s*[：]?\s*\d{1,5})$/;

/** The block kind of a label ("整改措施" → measures), or null when the words are not a known label. */
export function labelKind(label: string): NoticeBlockKind | "problem" | null {
  for (const [kind, re] of LABEL_KINDS) if (re.test(label)) return kind;
  return null;
}

// A numbered line that is really a label: "1.整改措施", "2.整改成效：已完成。"
const BARE_LABEL = /^[\u4e00-\u9fff、]{2,12}(?:措施|举措|成效|进展|情况|时限|结果|领导|单位|部门|目标)$/;

function asLabel(n: number, text: string, body: string): LabelLine | null {
  const m = LABEL_LINE.exec(body);
  const label = m ? (m[1] as string) : BARE_LABEL.test(body) ? body : null;
  if (label === null) return null;
  const blockKind = labelKind(label);
  return blockKind === null
    ? null
    : { kind: "label", n, text, label, blockKind, rest: m ? body.slice(m[0].length) : "" };
}

// "针对“…”的问题，…" / "针对…方面存在的“…”问题，…": a paragraph that names its problem in its first words.
const LEAD_PHRASE =
  /^(?:一是|二是|三是)?针对(?:[^“”，。]{0,16})?(“[^”]{2,80}”)(?:等|的|这一|这个)?(?:问题)(?:[，,：。]|$)/;

function leadPhrase(n: number, text: string): HeadingLine | null {
  const m = LEAD_PHRASE.exec(text);
  if (!m) return null;
  const title = m[1] as string;
  return {
    kind: "heading",
    n,
    text,
    marker: "lead_phrase",
    rank: MARKER_RANK.lead_phrase,
    number: "",
    body: text,
    title,
    rest: text.slice(m[0].length).trim(),
  };
}

function classifyOne(n: number, text: string): ClassifiedLine {
  if (SEPARATOR.test(text)) return { kind: "separator", n, text };
  const phrase = leadPhrase(n, text);
  if (phrase) return phrase;
  for (const [marker, re] of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const body = text.slice(m[0].length);
    const number = (m[1] ?? m[2]) as string;
    if (body === "" || (CHINESE_NUMBER.test(number) && !isChineseOrdinal(number))) continue;
    // Only numbered items (1. （1） ①) can be labels; 一、/（一） headings name sections.
    if (MARKER_RANK[marker] >= 3) {
      const label = asLabel(n, text, body);
      if (label) return label;
    }
    const problem = problemText(body);
    const { title, rest } = splitTitle(problem);
    return {
      ...(problem !== body ? { named: true as const } : {}),
      kind: "heading",
      n,
      text,
      marker,
      rank: MARKER_RANK[marker],
      number,
      body,
      title,
      rest,
    };
  }
  const m = LABEL_LINE.exec(text);
  if (m) {
    const label = m[1] as string;
    const blockKind = labelKind(label);
    if (blockKind !== null)
      return { kind: "label", n, text, label, blockKind, rest: text.slice(m[0].length) };
  }
  return { kind: "text", n, text };
}

// "（一）存在问题：水利工程…不严。": the label names what follows; the title is the problem itself.
function problemText(body: string): string {
  const m = LABEL_LINE.exec(body);
  return m && labelKind(m[1] as string) === "problem" && body.length > m[0].length
    ? body.slice(m[0].length)
    : body;
}

/** A heading's own title: up to the first 。 (or ： before more text), trailing punctuation removed. */
export function splitTitle(body: string): { title: string; rest: string } {
  const stop = body.search(/[。：](?=.)/);
  const title = (stop < 0 ? body : body.slice(0, stop)).replace(/[。：；，\s]+$/, "");
  const rest = stop < 0 ? "" : body.slice(stop + 1).trim();
  return { title, rest };
}

/** Classifies lines, first splitting lines that carry several labelled fields. */
export function classifyLines(lines: readonly NoticeLine[]): ClassifiedLine[] {
  const out: ClassifiedLine[] = [];
  for (const line of lines) {
    for (const part of line.text.split(INLINE_SPLIT)) {
      const text = part.trim();
      if (text !== "") out.push(classifyOne(line.n, text));
    }
  }
  return out;
}
