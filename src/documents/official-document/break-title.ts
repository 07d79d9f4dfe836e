// Title lines per GB/T 9704 cl. 7.3.1 (词意完整、排列对称): where a title too long for one line is broken.
// Pure: word boundaries come from ICU's Chinese segmenter corrected by a small lexicon of official-document words.

import { textWidth } from "./estimate-lines.ts";
import { titleLines } from "./official-document.ts";

/** 二号 characters per line of the 版心: 8844 twips / 22 pt. */
export const TITLE_CHARS_PER_LINE = 20;

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

// Words ICU splits but an editor never would (整|改, 第八|轮, 委员|会 …): no break inside them.
const UNBREAKABLE = [
  /整改/g,
  /巡[察视]/g,
  /进展/g,
  /情况/g,
  /工作/g,
  /落实/g,
  /集中/g,
  /专项/g,
  /[党纪监]委|党组|党工委/g,
  /委员会|联合会|协会|管委会|办公[室厅]|人民政府|人大常委会|政协|领导小组/g,
  /第[一二三四五六七八九十百千\d]+(?:巡[察视]组|[轮届次批个号])?/g,
  /[一二三四五六七八九十百\d]+届[\u4e00-\u9fff]{0,4}?第[一二三四五六七八九十\d]+轮/g,
  /[一二三四五六七八九十百\d]+届/g,
  /巡[察视][组办]/g,
  /生态环境保护|全面从严治党|主体责任|党风廉政建设|意识形态|反馈问题|审计查出问题/g,
  /\d+年(?:度|第[一二三四]季度)?/g,
  /回头看/g,
  /反馈意见/g,
];

// Closing punctuation never starts a line, opening punctuation never ends one (GB/T 15834 practice).
const NO_LINE_START = /^[，。、；：！？）》」』”’〕】…—·]/;
const NO_LINE_END = /[（《「『“‘〔【]$/;

// What a break costs, by what follows/precedes it: before 关于 is the editor's first choice (issuer / subject),
// then after 关于, before the document-type tail (…情况的通报, …的通知), after a comma or 顿号.
const DOC_TAIL = /^(?:情况)?的(?:通报|报告|通知|决定|意见|批复|请示|函|公告|通告|决议|方案|规定|办法)$/;
const BREAK_BEFORE_COST: ReadonlyArray<[RegExp, number]> = [
  [/^关于/, 0],
  [DOC_TAIL, 1],
];
const DEFAULT_COST = 3;

interface Candidate {
  readonly at: number; // index into the title's code points
  readonly cost: number;
}

/** Where a line may break, with the cost of breaking there. */
function candidates(chars: readonly string[]): Candidate[] {
  const title = chars.join("");
  const blocked = new Set<number>();
  for (const pattern of UNBREAKABLE) {
    for (const m of title.matchAll(pattern)) {
      const start = [...title.slice(0, m.index)].length;
      const length = [...m[0]].length;
      for (let i = start + 1; i < start + length; i++) blocked.add(i);
    }
  }
  const result: Candidate[] = [];
  let at = 0;
  for (const { segment } of segmenter.segment(title)) {
    if (at > 0 && !blocked.has(at)) {
      const before = chars.slice(0, at).join("");
      const after = chars.slice(at).join("");
      if (!NO_LINE_START.test(after) && !NO_LINE_END.test(before)) {
        let cost = DEFAULT_COST;
        for (const [pattern, c] of BREAK_BEFORE_COST) if (pattern.test(after)) cost = Math.min(cost, c);
        if (/关于$/.test(before)) cost = Math.min(cost, 1);
        if (/[，、：]$/.test(before)) cost = Math.min(cost, 1);
        result.push({ at, cost });
      }
    }
    at += [...segment].length;
  }
  return result;
}

/** How bad a split is: break costs, then asymmetry; a last line longer than the first or a stub line costs extra. */
function score(widths: readonly number[], breakCost: number): number {
  const first = widths[0] ?? 0;
  const last = widths[widths.length - 1] ?? 0;
  const spread = Math.max(...widths) - Math.min(...widths);
  // 梯形 (longer above) or 菱形 (longest in the middle) read as symmetric; an inverted trapezium does not.
  const inverted = last > first ? 2 + (last - first) / 2 : 0;
  const stub = widths.some((w) => w < 4) ? 20 : 0;
  return breakCost * 4 + spread + inverted + stub;
}

function* combinations(n: number, k: number, from = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= n - k; i++) for (const rest of combinations(n, k - 1, i + 1)) yield [i, ...rest];
}

/**
 * The lines of a title at `charsPerLine` 字 per line: one line when it fits, otherwise the fewest lines that
 * break only at word boundaries, choosing the most symmetric split among the cheapest breaks. A title that
 * offers no acceptable break is cut by width (never happens with real titles, but the caller must get lines).
 */
export function breakTitle(title: string, charsPerLine = TITLE_CHARS_PER_LINE): string[] {
  const text = title.trim();
  const chars = [...text];
  if (textWidth(text) <= charsPerLine) return text === "" ? [] : [text];
  const cands = candidates(chars);
  const widthOf = (from: number, to: number) => textWidth(chars.slice(from, to).join(""));
  const minLines = Math.ceil(textWidth(text) / charsPerLine);
  for (let lines = minLines; lines <= minLines + 2 && lines - 1 <= cands.length; lines++) {
    let best: { at: number[]; score: number } | undefined;
    for (const picked of combinations(cands.length, lines - 1)) {
      const cuts = picked.map((i) => cands[i] as Candidate);
      const bounds = [0, ...cuts.map((c) => c.at), chars.length];
      const widths = bounds.slice(1).map((end, i) => widthOf(bounds[i] as number, end));
      if (widths.some((w) => w > charsPerLine)) continue;
      const s = score(
        widths,
        cuts.reduce((sum, c) => sum + c.cost, 0),
      );
      if (best === undefined || s < best.score) best = { at: bounds, score: s };
    }
    if (best) {
      const bounds = best.at;
      return bounds.slice(1).map((end, i) => chars.slice(bounds[i], end).join(""));
    }
  }
  // No word boundary works: cut by width.
  const out: string[] = [];
  let line = "";
  for (const ch of chars) {
    if (textWidth(line + ch) > charsPerLine) {
      out.push(line);
      line = "";
    }
    line += ch;
  }
  if (line !== "") out.push(line);
  return out;
}

/** The title's printed lines: the breaks the author asked for ("\n"), else the ones `breakTitle` chooses. */
export function printedTitleLines(title: string, charsPerLine = TITLE_CHARS_PER_LINE): string[] {
  const asked = titleLines(title);
  return asked.length > 1 ? asked : asked.flatMap((line) => breakTitle(line, charsPerLine));
}
