// The counts a notice states about itself ("4个方面11项问题", "40条整改措施", "共计8个问题已整改",
// "已完成整改A个、正在整改B个，整改完成率C%"). Reads what is written; never recounts.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type { NoticeStated } from "./notice-draft.ts";

const N = "(\\d+|[零〇一二两三四五六七八九十百千]+)";
// "6个问题已完成整改4个": a second count within a few words means the first one is the total, not the status.
const THEN_COUNT = "[^，。；\\d]{0,8}?(?:\\d+|[一二两三四五六七八九十]+)(?:个|项)";

// For each field, every pattern is tried and the match that comes first in the text wins.
// "问题整改完成率80%（4/5）": the fraction after a rate is done/total. Whose rate it is (问题 or 措施) is said just
// before 完成率; a bare 整改完成率 is the problems' unless 措施 precedes it.
const RATE_FRACTION = "完成率[^（(，。；]{0,12}[（(]";
const PROBLEM_RATE = "(?<!措施|任务)(?:问题|整改)";
const MEASURE_RATE = "(?:措施|任务)";

const PATTERNS: Readonly<Record<Exclude<keyof NoticeStated, "completionRate">, readonly RegExp[]>> = {
  aspects: [new RegExp(`${N}个方面`)],
  problems: [
    new RegExp(`[个]方面(?:的)?(?:共|共计)?${N}(?:个|项|条)(?:具体)?问题`),
    new RegExp(
      `(?:反馈|指出|发现|查出|梳理|交办|移交|反映)(?:的|了|出)?(?:问题)?(?:共|共计)?${N}(?:个|项|条)(?:具体)?问题`,
    ),
    new RegExp(`${N}(?:个|项|条)问题中`),
    new RegExp(`${N}(?:个|项|条)问题(?:中|里)?，?(?=${THEN_COUNT})`),
    new RegExp(
      `(?:交办|反馈|指出|移交|认领|查出|发现|梳理|排查|查摆|列出)[^，。；]{0,10}?(?:整改事项|整改任务|问题)(?:共|共计)?${N}(?:个|项|条)(?!方面)`,
    ),
    // "审计查出问题3个方面6个": the count after the aspects is the problems'.
    new RegExp(`问题(?:\\d+|[一二两三四五六七八九十]+)个方面${N}(?:个|项|条)`),
    new RegExp(`(?:共|共计|共有)${N}(?:个|项|条)问题(?![^，。；]{0,3}(?:已|正在|均))`),
    new RegExp(`${PROBLEM_RATE}${RATE_FRACTION}\\d+/(\\d+)[）)]`),
  ],
  measures: [
    new RegExp(`${N}(?:条|项|个)(?:具体)?整改(?:措施|任务|举措)`),
    new RegExp(`整改(?:措施|任务|举措)(?:共|共计)?${N}(?:条|项|个)`),
    new RegExp(`${MEASURE_RATE}${RATE_FRACTION}\\d+/(\\d+)[）)]`),
  ],
  completed: [
    new RegExp(
      `(?<!基本|尚未|未)(?:已整改完成|已完成整改|已整改到位|已整改完毕|已整改|整改完成|整改完毕|已完成|已销号|完成整改)(?:问题)?${N}(?:个|项)(?![\\d.])`,
    ),
    new RegExp(
      `${N}(?:个|项)(?:问题)?(?:均|全部|都)?(?:已全部|已经)?(?:已整改完成|已完成整改|整改完成|已整改|已完成|已销号|整改到位|整改完毕)(?!${THEN_COUNT})`,
    ),
    new RegExp(`${PROBLEM_RATE}${RATE_FRACTION}(\\d+)/\\d+[）)]`),
  ],
  inProgress: [
    new RegExp(
      `(?:正在推进整改|正在整改|正在推进|推进中|整改中|尚未完成整改|尚未完成|未完成整改|未完成|未整改|正在落实|部分整改|达到序时进度|按序时推进|按计划推进)(?:的问题)?${N}(?:个|项)`,
    ),
    new RegExp(
      `${N}(?:个|项)(?:问题)?(?:正在整改|正在推进|推进中|尚未完成|未完成|未整改|按计划推进|按序时推进|达到序时进度)(?!${THEN_COUNT})`,
    ),
  ],
  longTerm: [
    new RegExp(`(?:基本完成|持续整改|长期坚持|持续推进|阶段性成效)[^，。；\\d]{0,8}?${N}(?:个|项)`),
    new RegExp(`${N}(?:个|项)(?:问题)?(?:需)?(?:长期坚持|持续整改|基本完成|持续推进)`),
  ],
};

// Said of all problems at once; 措施/任务 just before it make it a statement about measures instead.
const ALL_DONE =
  /(?<!措施|任务|举措)(?:问题)?(?:已全部|均已|已经全部|全部已)(?:完成整改|整改完成|整改到位|整改完毕|销号)/;

// …but not inside a bracket, which speaks of one group only ("立行立改类问题（3个，已全部整改完成）").
function saysAllDone(text: string): boolean {
  const m = ALL_DONE.exec(text);
  if (m === null) return false;
  const before = text.slice(0, m.index);
  return before.lastIndexOf("（") <= before.lastIndexOf("）");
}

/** Reads the stated counts from statement text (intro, organisation and statistics paragraphs). */
export function readStatedCounts(text: string): NoticeStated {
  const stated: Record<string, number | string> = {};
  for (const [field, patterns] of Object.entries(PATTERNS)) {
    let best: { at: number; value: number } | undefined;
    for (const re of patterns) {
      const m = re.exec(text);
      const value = m?.[1] === undefined ? undefined : parseChineseNumber(m[1]);
      if (m && value !== undefined && (best === undefined || m.index < best.at))
        best = { at: m.index, value };
    }
    if (best) stated[field] = best.value;
  }
  // "…共指出问题4个。…，已全部完成整改": every problem stated is done, when nothing else says how many.
  if (stated.completed === undefined && typeof stated.problems === "number" && saysAllDone(text))
    stated.completed = stated.problems;
  const rate = /完成率(?:为|达到?)?\s*(\d+(?:\.\d+)?)\s*%/.exec(text);
  if (rate?.[1] !== undefined) stated.completionRate = rate[1];
  return stated;
}
