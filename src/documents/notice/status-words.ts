// Status words of rectification notices → problem status (the mapping of issue 3), and the
// 立行立改/限期整改/长期坚持 grouping words. Pure lookups; no guessing beyond these lists.

import type { NoticeProblemKind, NoticeProblemStatus } from "./notice-draft.ts";

/**
 * Checked in this order, because the longer phrases contain the shorter ones of another status:
 * "已基本完成整改" is long_term although it contains 完成整改, "尚未完成" is in_progress although it
 * contains 完成. 已办结 and 达到序时进度 are additions seen in published task lists.
 */
export const STATUS_WORDS: readonly (readonly [NoticeProblemStatus, readonly string[]])[] = [
  ["long_term", ["阶段性成效并持续整改", "基本完成", "持续整改", "长期坚持", "持续推进"]],
  [
    "in_progress",
    [
      "正在推进",
      "正在整改",
      "推进中",
      "尚未完成",
      "未完成",
      "未整改",
      "整改中",
      "达到序时进度",
      "序时推进",
      "按序时推进",
      "部分整改",
      "按计划推进",
    ],
  ],
  ["completed", ["已整改", "已完成", "整改完成", "已销号", "已办结", "整改完毕", "整改到位"]],
];

const ALL_WORDS = STATUS_WORDS.flatMap(([status, words]) => words.map((w) => [w, status] as const)).sort(
  (a, b) => b[0].length - a[0].length,
);

/**
 * The answer of a yes/no status column or label ("是否完成：是", "是否整改到位：否"); null when the label asks
 * no such question or the answer is neither 是 nor 否.
 */
export function statusFromAnswer(label: string, answer: string): NoticeProblemStatus | null {
  if (!/^是否/.test(label)) return null;
  const a = answer.trim().replace(/[。；，\s]+$/, "");
  return a === "是" ? "completed" : a === "否" ? "in_progress" : null;
}

/** The status of the first status word found in `text` by the precedence above, or null. */
export function statusFromWords(text: string): NoticeProblemStatus | null {
  for (const [status, words] of STATUS_WORDS) if (words.some((w) => text.includes(w))) return status;
  return null;
}

// Followed by a count ("已完成42个村治理设施提标改造，剩余18个村正在施工") a status word reports work done, not
// the problem's status; "已完成。", "基本完成并持续整改", "已完成年度目标" still say how the problem stands.
const STATUS_WORD_END = /^(?![\d０-９]|[一二两三四五六七八九十百千]+[个项条件家所座处名人次户村])/;

/** The status word at the very start of `text` ("已整改。上述单位…", "基本完成，持续推进"), or null. */
export function leadingStatus(text: string): { status: NoticeProblemStatus; word: string } | null {
  const head = text.replace(/^[\s【[（(]+/, "");
  for (const [word, status] of ALL_WORDS)
    if (head.startsWith(word) && STATUS_WORD_END.test(head.slice(word.length))) return { status, word };
  return null;
}

const GROUP_KINDS: readonly (readonly [NoticeProblemKind, RegExp])[] = [
  ["immediate", /立行立改|立即整改|即知即改/],
  ["time_limited", /限期整改|限时整改|分阶段整改/],
  ["long_term", /长期坚持|长期整改|持续整改|需长期/],
];

/** The grouping kind named in a group heading ("立行立改的问题（5个）"), or null. */
export function groupKind(title: string): NoticeProblemKind | null {
  for (const [kind, re] of GROUP_KINDS) if (re.test(title)) return kind;
  return null;
}

/** The status a 立行立改/限期整改/长期坚持 group implies when a problem says nothing more precise. */
export const GROUP_DEFAULT_STATUS: Readonly<Record<NoticeProblemKind, NoticeProblemStatus>> = {
  immediate: "completed",
  time_limited: "in_progress",
  long_term: "long_term",
};
