// Consistency of a parsed notice: stated counts against what is listed, per-aspect bracket counts,
// numbering gaps, duplicate titles, unknown statuses. Every finding is a warning naming both numbers.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type {
  NoticeAspect,
  NoticeCounted,
  NoticeProblem,
  NoticeStated,
  NoticeWarning,
} from "./notice-draft.ts";

/** Counts what the parser enumerated. */
export function countListed(problems: readonly NoticeProblem[]): NoticeCounted {
  const by = (s: NoticeProblem["status"]): number => problems.filter((p) => p.status === s).length;
  return {
    aspects: new Set(problems.flatMap((p) => (p.aspect === undefined ? [] : [p.aspect]))).size,
    problems: problems.length,
    measures: problems.reduce((n, p) => n + p.measures.length, 0),
    ongoing: problems.reduce((n, p) => n + p.ongoing.length, 0),
    completed: by("completed"),
    inProgress: by("in_progress"),
    longTerm: by("long_term"),
    statusUnknown: by(null),
  };
}

// Measures are not compared: notices state the plan's measures (40) and show only some of them.
const CHECKS: readonly (readonly [keyof NoticeCounted & keyof NoticeStated, string, string])[] = [
  ["problems", "文中称共有{s}个问题，实际列出{c}个", "问题总数"],
  ["completed", "文中称已整改{s}个问题，实际列出{c}个", "已整改"],
  ["inProgress", "文中称正在整改{s}个问题，实际列出{c}个", "正在整改"],
  ["longTerm", "文中称需持续整改（长期坚持）{s}个问题，实际列出{c}个", "持续整改"],
];

/** Warnings for stated counts that disagree with the listed problems (code count_mismatch). */
export function checkStatedCounts(stated: NoticeStated, counted: NoticeCounted): NoticeWarning[] {
  const warnings: NoticeWarning[] = [];
  for (const [field, template] of CHECKS) {
    const s = stated[field];
    const c = counted[field];
    if (s === undefined || s === c) continue;
    // A status count the parser could not attribute (unknown statuses) is not evidence of a mismatch.
    if (field !== "problems" && counted.statusUnknown > 0 && c < s && c + counted.statusUnknown >= s)
      continue;
    warnings.push({
      code: "count_mismatch",
      message: template.replace("{s}", String(s)).replace("{c}", String(c)),
    });
  }
  if (stated.aspects !== undefined && counted.aspects > 0 && stated.aspects !== counted.aspects) {
    warnings.push({
      code: "count_mismatch",
      message: `文中称${stated.aspects}个方面，实际列出${counted.aspects}个`,
    });
  }
  return warnings;
}

/** Warnings for aspect headings whose bracketed counts ("（6个问题，已整改5个）") disagree with their problems. */
export function checkAspectCounts(
  aspects: readonly NoticeAspect[],
  problems: readonly NoticeProblem[],
): NoticeWarning[] {
  const warnings: NoticeWarning[] = [];
  for (const a of aspects) {
    const mine = problems.filter((p) => p.aspect === a.name);
    const pairs: [number | undefined, number, string][] = [
      [a.stated.problems, mine.length, "个问题"],
      [a.stated.completed, mine.filter((p) => p.status === "completed").length, "个已整改问题"],
      [a.stated.inProgress, mine.filter((p) => p.status === "in_progress").length, "个正在整改问题"],
      [a.stated.longTerm, mine.filter((p) => p.status === "long_term").length, "个持续整改问题"],
    ];
    for (const [s, c, what] of pairs) {
      if (s === undefined || s === c) continue;
      warnings.push({
        code: "aspect_count_mismatch",
        message: `“${a.name}”方面称有${s}${what}，实际列出${c}个`,
      });
    }
  }
  return warnings;
}

/** Numbering gaps, duplicate titles, unknown statuses and problems without any measure. */
export function checkProblems(problems: readonly NoticeProblem[]): NoticeWarning[] {
  const warnings: NoticeWarning[] = [];
  const seen = new Map<string, number>();
  let previous: { n: number; group: string } | undefined;
  for (const p of problems) {
    const group = `${p.aspect ?? ""}|${p.kind ?? ""}|${p.statusSource === "section" ? p.status : ""}`;
    const n = p.numberAsWritten === null ? undefined : parseChineseNumber(p.numberAsWritten);
    if (n !== undefined && previous !== undefined && previous.group === group && n !== previous.n + 1) {
      warnings.push({
        code: "numbering_gap",
        message: `问题编号不连续：${previous.n} 之后是 ${n}`,
        line: p.line,
      });
    }
    previous = n === undefined ? undefined : { n, group };
    const first = seen.get(p.title);
    if (first !== undefined)
      warnings.push({
        code: "duplicate_problem_title",
        message: `第${first}个和第${p.no}个问题标题相同：${p.title}`,
        line: p.line,
      });
    else seen.set(p.title, p.no);
    if (p.status === null) {
      warnings.push({
        code: "problem_status_unknown",
        message: `未能识别第${p.no}个问题“${p.title}”的整改状态`,
        line: p.line,
      });
    }
    if (p.measures.length === 0 && p.ongoing.length === 0) {
      warnings.push({
        code: "problem_without_measures",
        message: `第${p.no}个问题“${p.title}”未找到整改措施或进展`,
        line: p.line,
      });
    }
  }
  return warnings;
}

/**
 * Counts the text states that the listing cannot show: aspects stated but problems not grouped by aspect
 * (the seed: "4个方面11项问题", problems listed without their aspects).
 */
export function checkUnlisted(stated: NoticeStated, aspectsListed: number, line?: number): NoticeWarning[] {
  if (stated.aspects === undefined || stated.aspects === 0 || aspectsListed > 0) return [];
  return [
    {
      code: "aspect_count_mismatch",
      message: `文中称${stated.aspects}个方面，但问题未按方面分组列出，方面未能导入`,
      ...(line !== undefined ? { line } : {}),
    },
  ];
}

/** Past this many, unclassified lines are named together in one last warning. */
const UNCLASSIFIED_ONE_BY_ONE = 30;

/** One warning per paragraph that landed in no field, naming its line, so that nothing is dropped silently. */
export function unclassifiedWarnings(lines: readonly { line: number; text: string }[]): NoticeWarning[] {
  const shown = lines.slice(0, UNCLASSIFIED_ONE_BY_ONE).map((l): NoticeWarning => ({
    code: "unclassified_text",
    message: `第${l.line}行未能归类，已原样保留在 unclassified 中：${excerpt(l.text)}`,
    line: l.line,
  }));
  const rest = lines.slice(UNCLASSIFIED_ONE_BY_ONE);
  const first = rest[0];
  if (first === undefined) return shown;
  return [
    ...shown,
    {
      code: "unclassified_text",
      message: `另有${rest.length}段文字未能归类（第${rest.map((l) => l.line).join("、")}行），已原样保留在 unclassified 中`,
      line: first.line,
    },
  ];
}

const excerpt = (text: string): string => (text.length > 24 ? `${text.slice(0, 24)}…` : text);
