// Finds the outline of a notice: title, intro, organisation / body / plan sections, status and aspect groups,
// and where each problem starts and ends. Decides by the shape of headings, never by known titles.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type { ClassifiedLine, HeadingLine, LabelLine } from "./classify-lines.ts";
import {
  groupOf,
  isNamedProblem,
  isStrongProblem,
  sectionOf,
  unnamedGroup,
  type OutlineGroup,
  type SectionKind,
} from "./notice-headings.ts";
import { PROBLEM_BLOCKS, problemRank } from "./problem-rank.ts";
import { readStatedCounts } from "./stated-counts.ts";

export type { OutlineGroup, SectionKind } from "./notice-headings.ts";

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
    const g = groupOf(h);
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
