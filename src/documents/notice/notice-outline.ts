// Finds the outline of a notice: title, intro, organisation / body / plan sections, status and aspect groups,
// and where each problem starts and ends. Decides by the shape of headings, never by known titles.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type { ClassifiedLine, HeadingLine, LabelLine } from "./classify-lines.ts";
import type { NoticeProblemKind, NoticeProblemStatus } from "./notice-draft.ts";
import { splitSentences } from "./normalize-text.ts";
import { readStatedCounts } from "./stated-counts.ts";
import { groupKind, statusFromWords } from "./status-words.ts";

export type SectionKind = "intro" | "organisation" | "body" | "plan" | "other";

export interface OutlineGroup {
  readonly type: "status" | "aspect";
  readonly rank: number;
  readonly heading: HeadingLine;
  readonly status: NoticeProblemStatus | null;
  readonly kind: NoticeProblemKind | null;
  /** Aspect name without 关于/方面/counts. */
  readonly name: string;
  /** The bracketed count text of the heading ("6个问题，已整改5个，正在整改1个"), if any. */
  readonly countText: string | null;
}

export interface OutlineProblem {
  readonly heading: HeadingLine | LabelLine;
  readonly content: ClassifiedLine[];
  readonly status: OutlineGroup | null;
  readonly aspect: OutlineGroup | null;
}

export interface NoticeOutline {
  readonly title: string | null;
  /** Input line of the title, when there is one. */
  readonly titleLine: number | null;
  readonly intro: ClassifiedLine[];
  readonly organisation: ClassifiedLine[];
  readonly plan: ClassifiedLine[];
  /** Lines outside problems that state facts about the whole rectification (group intros, statistics). */
  readonly statements: ClassifiedLine[];
  readonly problems: OutlineProblem[];
  readonly aspects: OutlineGroup[];
  readonly contact: ClassifiedLine[];
  readonly unclassified: ClassifiedLine[];
  /** Rules between records (----, 序号：3): structure, no content. */
  readonly separators: ClassifiedLine[];
}

const TITLE_LIKE = /(?:通报|报告|情况|公告|公示|说明|公开)$/;
const COUNT_BRACKET = /（([^（）]*\d*[个项条][^（）]*)）$/;
const QUOTED = /“[^”]*”|‘[^’]*’|"[^"]*"|「[^」]*」/g;
const STATUS_LABEL = /【([^】]{1,12})】/;
// A status written in brackets after a title: （已完成） [基本完成] 〔正在推进〕 【持续整改】.
const TRAILING_STATUS = new RegExp(
  "(?:[（【〔\\[(]([^（）【】〔〕\\[\\]()]{2,12})[）】〕\\])]" + // （已完成） [基本完成]
    "|(?:——|—|--|－－)\\s*([^—－-]{2,12}?))" + // ——已完成
    "[。：；，\\s]*$",
);

/** The status of a bracket at the end of a heading's title, when the bracket holds only status words. */
export function trailingStatusWord(title: string): string | null {
  const m = TRAILING_STATUS.exec(title);
  const word = m?.[1] ?? m?.[2];
  return word !== undefined && statusFromWords(word) !== null ? word : null;
}

/** Headings that name a problem by their own words (问题一：, 整改事项二：, 针对“…”的问题，…). */
export const isNamedProblem = (h: HeadingLine): boolean =>
  h.marker === "problem_no" || h.marker === "lead_phrase" || h.named === true;

const stripCount = (t: string): string => t.replace(COUNT_BRACKET, "").replace(/[：。，\s]+$/, "");

function statusGroupOf(h: HeadingLine): OutlineGroup | null {
  if (h.rank > 2) return null;
  const t = stripCount(h.title).replace(/^关于/, "");
  if (t.length > 24 || /[“”"‘’]/.test(t)) return null;
  if (!/^(?:已|正在|尚未|未|基本|持续|需|长期|立行立改|限期|限时|立即|阶段性|分阶段)/.test(t)) return null;
  if (!/(?:问题|事项|任务|类|情况)$/.test(t) && t.length > 10) return null;
  const status = statusFromWords(t);
  const kind = groupKind(t);
  if (status === null && kind === null) return null;
  return { type: "status", rank: h.rank, heading: h, status, kind, name: t, countText: countTextOf(h.title) };
}

const countTextOf = (title: string): string | null => COUNT_BRACKET.exec(title)?.[1] ?? null;

/** An aspect heading: ends with 方面 (quotes aside) or carries a "（N个问题）" count. */
function aspectGroupOf(h: HeadingLine): OutlineGroup | null {
  const countText = countTextOf(h.title);
  const bare = stripCount(h.title);
  const unquoted = bare.replace(QUOTED, "");
  // 方面 followed at most by a short "…的问题" tail: 方面存在的问题, 方面审计发现的问题, 方面反馈的主要问题.
  const endsWithAspect = /方面(?:[^，。；、\d]{0,8}?问题)?$/.test(unquoted);
  const hasProblemCount =
    countText !== null && /\d+\s*[个项]问题|[零〇一二两三四五六七八九十百千]+[个项]问题/.test(countText);
  if (!endsWithAspect && !hasProblemCount) return null;
  const name = aspectName(bare);
  return { type: "aspect", rank: h.rank, heading: h, status: null, kind: null, name, countText };
}

/** "关于贯彻落实…方面（4个问题）" → "贯彻落实…"; "预算执行方面存在的问题" → "预算执行". */
export function aspectName(title: string): string {
  const name = stripCount(title)
    .replace(/^(?:关于|在)/, "")
    .replace(/方面(?:[^，。；、\d]{0,8}?问题)?$/, "");
  return name === "" ? stripCount(title) : name;
}

const PLAN_SECTION =
  /下一步|下步|今后|打算|工作安排|工作计划|整改计划|努力方向|工作思路|巩固整改成果|长效机制/;
const ORG_SECTION = /组织|总体|基本情况|整体情况|主要做法|工作开展情况|领导/;
const BODY_SECTION = /问题|落实情况|整改情况|整改进展|整改结果|具体情况/;

function sectionOf(h: HeadingLine): SectionKind {
  if (PLAN_SECTION.test(h.title)) return "plan";
  if (ORG_SECTION.test(h.title) && !/问题/.test(h.title)) return "organisation";
  if (BODY_SECTION.test(h.title)) return "body";
  return "other";
}

const SHORTFALL = /不|未|无|缺|滞后|薄弱|差距|偏|乱|难|弱|低|慢|虚|松|欠|漏|短板|隐患|风险|违规|超标/;

/** A heading that names a problem by its shape: 关于“…”/关于…问题, …问题, 问题N：, or a 【status】 label. */
function isStrongProblem(h: HeadingLine): boolean {
  if (isNamedProblem(h)) return true;
  if (trailingStatusWord(h.title) !== null) return true;
  const t = h.title.replace(STATUS_LABEL, "").replace(/[。：；\s]+$/, "");
  if (/^关于/.test(t) && /问题|“|"/.test(t)) return true;
  if (/问题(?:的整改|整改)?(?:情况)?$/.test(t) && h.rank > 1) return true;
  // At the top level "…的问题" may be a section ("二、存在的问题"); a problem names a shortfall.
  if (/^.{6,}的问题$/.test(t) && SHORTFALL.test(t.slice(0, -3))) return true;
  return STATUS_LABEL.test(h.title) && statusFromWords(STATUS_LABEL.exec(h.title)?.[1] ?? "") !== null;
}

const PROBLEM_BLOCKS = new Set([
  "measures",
  "status",
  "deadline",
  "responsible_leader",
  "responsible_unit",
  "ongoing",
  "finding",
  // "整改情况：…" right under a heading: a record of how one problem was dealt with.
  "progress",
]);

/** Shallowest rank holding at least half as many candidates as the best rank. */
function dominantRank(counts: ReadonlyMap<number, number>): number | null {
  const max = Math.max(0, ...counts.values());
  return max === 0 ? null : Math.min(...[...counts].filter(([, c]) => c * 2 >= max).map(([r]) => r));
}

/**
 * The numbering rank at which problems sit: where problem-shaped titles are; else where headings are
 * directly followed by problem fields (整改措施：, 完成情况：…); else the headings right under the groups.
 */
function problemRank(
  lines: readonly ClassifiedLine[],
  headings: readonly HeadingLine[],
  groups: ReadonlyMap<HeadingLine, OutlineGroup>,
): number | null {
  const strong = new Map<number, number>();
  for (const h of headings) {
    if (groups.has(h) || isNamedProblem(h)) continue;
    if (isStrongProblem(h)) strong.set(h.rank, (strong.get(h.rank) ?? 0) + 1);
  }
  const byShape = dominantRank(strong);
  if (byShape !== null) return byShape;
  const labelled = new Map<number, number>();
  let last: HeadingLine | null = null;
  for (const l of lines) {
    if (l.kind === "heading") last = groups.has(l) || isNamedProblem(l) ? null : l;
    else if (last !== null && l.kind === "label" && PROBLEM_BLOCKS.has(l.blockKind)) {
      labelled.set(last.rank, (labelled.get(last.rank) ?? 0) + 1);
      last = null;
    }
  }
  const byFields = dominantRank(labelled);
  if (byFields !== null) return byFields;
  // No problem-shaped titles: problems are the headings right under the groups.
  const below = new Map<number, number>();
  headings.forEach((h, i) => {
    if (!groups.has(h)) return;
    const next = headings[i + 1];
    if (next && next.rank > h.rank && !groups.has(next))
      below.set(next.rank, (below.get(next.rank) ?? 0) + 1);
  });
  const best = [...below].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (best) return best[0];
  // No shape, no fields, no groups: problems are the headings whose text ends by saying how "this problem" stands.
  const closed = new Map<number, number>();
  let open: HeadingLine | null = null;
  for (const l of lines) {
    // Named records (问题1：, a table row) are problems whatever their rank; they say nothing of the others' rank.
    if (l.kind === "heading") open = groups.has(l) || l.rank === 1 || isNamedProblem(l) ? null : l;
    const said = l.kind === "heading" ? l.rest : l.text;
    if (open !== null && splitSentences(said).some(saysHowItStands)) {
      closed.set(open.rank, (closed.get(open.rank) ?? 0) + 1);
      open = null;
    }
  }
  const byClosing = dominantRank(closed);
  if (byClosing !== null) return byClosing;
  return shortfallRank(lines);
}

// Fewest headings naming a shortfall for a rank to hold problems: one such heading may be a plan item.
const SHORTFALL_MIN = 2;

/**
 * Last resort: under a section about the problems ("一、整改落实情况"), numbered headings that name shortfalls
 * ("1.网格化管理不够精细，…。重新划分网格…") are the problems, when they are most of their rank there.
 */
function shortfallRank(lines: readonly ClassifiedLine[]): number | null {
  const total = new Map<number, number>();
  const short = new Map<number, number>();
  let section: SectionKind = "intro";
  for (const l of lines) {
    if (l.kind !== "heading") continue;
    if (l.rank === 1) {
      section = sectionOf(l);
      continue;
    }
    if (section !== "body" || isNamedProblem(l)) continue;
    total.set(l.rank, (total.get(l.rank) ?? 0) + 1);
    if (SHORTFALL.test(l.title)) short.set(l.rank, (short.get(l.rank) ?? 0) + 1);
  }
  const best = [...short]
    .filter(([r, c]) => c >= SHORTFALL_MIN && c * 2 >= (total.get(r) ?? 0))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best?.[0] ?? null;
}

const CLOSING_SENTENCE =
  /(?:该|此|本|这一?)(?:项)?问题[^。；]{0,8}(?:已|正在|基本|持续|需|仍|尚)|^(?:目前|现已|截至目前)/;
const saysHowItStands = (sentence: string): boolean =>
  CLOSING_SENTENCE.test(sentence) && statusFromWords(sentence) !== null;

const PROBLEM_LABEL = (l: ClassifiedLine): l is LabelLine => l.kind === "label" && l.blockKind === "problem";
const CONTACT_START =
  /^(?:欢迎|联系电话|举报电话|监督电话|咨询电话|电话|联系人|电子邮箱|电子信箱|邮箱|通信地址|通讯地址|来信地址|地址|邮政编码|邮编|网络举报|意见箱)/;
// A telephone number or an e-mail address written out: "公示期间…请向…反映。联系电话：0831-6123456" is the contact
// paragraph even though it opens with other words; a measure that merely mentions a 监督电话 gives no number.
const REACHABLE = /\d{3,4}-\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)|@[A-Za-z0-9-]+\./;
const isContactLine = (text: string): boolean =>
  CONTACT_START.test(text) || (/监督|意见建议|反映/.test(text) && /电话|邮箱|信箱|地址|@/.test(text));

/** "以上4个问题均已整改完成": a sentence about all problems at once, which ends the last problem. */
export const ALL_PROBLEMS_SENTENCE =
  /^(?:截至[^，。]{0,14}，|目前，?)?(?:以上|上述|综上|至此|全部|所有)[^。；]{0,16}问题[^。；]{0,6}(?:均|全部|都)/;

// "截至2023年12月31日，6个问题已完成整改4个": statistics of all problems after the last one.
// (or "截至…，已完成整改3个，正在推进1个": two status counts and no 问题).
const STATISTICS_START = /^(?:截至|截止|目前|综上|总体|至此|总的来看|以上|上述)/;
const PROBLEM_COUNT = /(?:\d+|[一二两三四五六七八九十]+)(?:个|项)(?:反馈)?问题/;
function aboutAllProblems(text: string): boolean {
  if (ALL_PROBLEMS_SENTENCE.test(text)) return true;
  if (!STATISTICS_START.test(text)) return false;
  if (PROBLEM_COUNT.test(text.slice(0, 40))) return true;
  const { completed, inProgress, longTerm } = readStatedCounts(text);
  return [completed, inProgress, longTerm].filter((c) => c !== undefined).length >= 2;
}

/**
 * A heading of another numbering style that continues the problems' numbers ("3." then "（4）关于…的问题"):
 * sloppy documents mix styles, the sequence and the problem shape still say it is the next problem.
 */
function continuesProblems(current: OutlineProblem, l: HeadingLine): boolean {
  const head = current.heading;
  if (head.kind !== "heading" || head.rank === l.rank || !isStrongProblem(l)) return false;
  const previous = parseChineseNumber(head.number);
  if (previous === undefined || parseChineseNumber(l.number) !== previous + 1) return false;
  return !current.content.some((c) => c.kind === "heading" && c.rank === l.rank);
}

/** A heading that groups problems without saying 方面: an aspect named by its words. */
const unnamedGroup = (h: HeadingLine): OutlineGroup => ({
  type: "aspect",
  rank: h.rank,
  heading: h,
  status: null,
  kind: null,
  name: aspectName(h.title),
  countText: countTextOf(h.title),
});

/** Builds the outline from classified lines (title first). */
export function buildOutline(lines: readonly ClassifiedLine[]): NoticeOutline {
  const first = lines[0];
  const hasTitle =
    first !== undefined &&
    first.kind === "text" &&
    first.text.length <= 80 &&
    !/[。；]/.test(first.text) &&
    (TITLE_LIKE.test(first.text) || /关于/.test(first.text));
  const title = hasTitle ? first.text : null;
  const rest = hasTitle ? lines.slice(1) : lines;

  const headings = rest.filter((l): l is HeadingLine => l.kind === "heading");
  const groups = new Map<HeadingLine, OutlineGroup>();
  for (const h of headings) {
    if (isNamedProblem(h)) continue;
    const g = statusGroupOf(h) ?? aspectGroupOf(h);
    if (g) groups.set(h, g);
  }
  const rank = problemRank(rest, headings, groups);
  const hasProblemLabels = rest.some(PROBLEM_LABEL);
  const outline: NoticeOutline = {
    title,
    titleLine: hasTitle ? first.n : null,
    intro: [],
    organisation: [],
    plan: [],
    statements: [],
    problems: [],
    aspects: [],
    contact: [],
    unclassified: [],
    separators: [],
  };
  // The heading that follows each heading, to see whether a top-level heading opens a run of problems.
  const nextHeading = new Map<HeadingLine, HeadingLine>();
  headings.forEach((h, i) => {
    const next = headings[i + 1];
    if (next !== undefined) nextHeading.set(h, next);
  });
  const opensProblems = (h: HeadingLine): boolean => {
    const next = nextHeading.get(h);
    return next !== undefined && next.rank === rank && !groups.has(next);
  };
  // Headings directly followed by a problem field (整改措施：, 整改情况：…): records even at the top level
  // ("一、医疗服务收费不规范。" then "整改措施及结果：…"), where a bare top-level heading would be a section.
  const fielded = new Set<HeadingLine>();
  rest.forEach((l, i) => {
    const next = rest[i + 1];
    if (l.kind === "heading" && next?.kind === "label" && PROBLEM_BLOCKS.has(next.blockKind)) fielded.add(l);
  });
  let section: SectionKind = "intro";
  let stack: OutlineGroup[] = [];
  let problem: OutlineProblem | null = null;
  let sinceGroup = true; // no problem yet since the last group heading (its intro lines are statements)

  const startProblem = (heading: HeadingLine | LabelLine): void => {
    problem = {
      heading,
      content: [],
      status: [...stack].reverse().find((g) => g.type === "status") ?? null,
      aspect: [...stack].reverse().find((g) => g.type === "aspect") ?? null,
    };
    outline.problems.push(problem);
    sinceGroup = false;
    if (section === "intro") section = "body";
  };
  const put = (l: ClassifiedLine): void => {
    if (isContactLine(l.text) && section !== "intro") outline.contact.push(l);
    else if (section === "intro") outline.intro.push(l);
    else if (section === "organisation") outline.organisation.push(l);
    else if (section === "plan") outline.plan.push(l);
    else if ((sinceGroup && section === "body") || aboutAllProblems(l.text)) outline.statements.push(l);
    else outline.unclassified.push(l);
  };

  for (const l of rest) {
    if (l.kind === "separator") {
      outline.separators.push(l);
      problem = null;
      continue;
    }
    if (l.kind === "heading") {
      const group = groups.get(l);
      const inProblems = section !== "organisation" && section !== "plan";
      if (group && (rank === null || l.rank < rank) && (inProblems || l.rank === 1)) {
        problem = null;
        stack = stack.filter((g) => g.rank < l.rank);
        stack.push(group);
        if (group.type === "aspect") outline.aspects.push(group);
        if (l.rank === 1 || section === "intro") section = "body";
        sinceGroup = true;
        outline.statements.push(l);
        continue;
      }
      const open = problem as OutlineProblem | null;
      if (open !== null && rank !== null && l.rank !== rank && continuesProblems(open, l)) {
        startProblem(l);
        continue;
      }
      const atProblemRank = isNamedProblem(l) || (rank !== null && l.rank === rank);
      if (
        atProblemRank &&
        (inProblems || stack.length > 0 || (section === "organisation" && isStrongProblem(l)))
      ) {
        if (l.rank > 1 || isStrongProblem(l) || stack.length > 0 || fielded.has(l)) {
          startProblem(l);
          continue;
        }
      }
      if (l.rank === 1 && rank !== null && rank > 1 && sectionOf(l) === "other" && opensProblems(l)) {
        // "一、关于干部选拔任用工作" right above problems, naming no section: the problems' aspect.
        problem = null;
        const g = unnamedGroup(l);
        stack = [g];
        outline.aspects.push(g);
        section = "body";
        sinceGroup = true;
        outline.statements.push(l);
        continue;
      }
      if (l.rank === 1) {
        problem = null;
        stack = [];
        section = sectionOf(l);
        sinceGroup = true;
        if (section === "body" || section === "other") outline.statements.push(l);
        else put(l);
        continue;
      }
      if (rank !== null && l.rank < rank && inProblems && section !== "intro") {
        // A heading between the section and the problems that names no aspect or status: an unnamed grouping.
        problem = null;
        const g = unnamedGroup(l);
        stack = stack.filter((s) => s.rank < l.rank);
        stack.push(g);
        outline.aspects.push(g);
        sinceGroup = true;
        outline.statements.push(l);
        continue;
      }
    }
    if (
      PROBLEM_LABEL(l) &&
      section !== "plan" &&
      section !== "organisation" &&
      (hasProblemLabels || problem === null)
    ) {
      const current = problem as OutlineProblem | null;
      if (current === null || current.content.length > 0 || current.heading.kind === "label") {
        startProblem(l);
        continue;
      }
    }
    const current = problem as OutlineProblem | null;
    if (
      current !== null &&
      l.kind === "text" &&
      ((CONTACT_START.test(l.text) && /欢迎|监督|@|电话|地址/.test(l.text)) ||
        (isContactLine(l.text) && REACHABLE.test(l.text)))
    ) {
      // The supervision paragraph after the last problem of a notice without a next-step section.
      problem = null;
      outline.contact.push(l);
      continue;
    }
    if (current !== null && l.kind === "text" && aboutAllProblems(l.text)) {
      problem = null;
      sinceGroup = true;
      outline.statements.push(l);
      continue;
    }
    if (current !== null && section !== "plan") {
      current.content.push(l);
      continue;
    }
    put(l);
  }
  return outline;
}
