// Entry of the notice importer: text of a rectification notice (整改情况通报/报告) → NoticeDraft.
// Pure and total: never throws, whatever the string. A text without problems comes back with
// `recognised: false` and a `no_rectification_structure` warning (see docs/notice-json.md).

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import { buildProblem } from "./build-problem.ts";
import {
  checkAspectCounts,
  checkProblems,
  checkStatedCounts,
  checkUnlisted,
  countListed,
  unclassifiedWarnings,
} from "./check-counts.ts";
import { classifyLines, type ClassifiedLine } from "./classify-lines.ts";
import { issuerFromTitle, readInspectionFacts, splitSignature } from "./inspection-facts.ts";
import type {
  NoticeAspect,
  NoticeDraft,
  NoticeInspection,
  NoticeProblem,
  NoticeWarning,
} from "./notice-draft.ts";
import { findReportedAsOf } from "./notice-dates.ts";
import { lineRoles, type LineRole } from "./notice-line-roles.ts";
import { ALL_PROBLEMS_SENTENCE, buildOutline } from "./notice-outline.ts";
import { readContact, readOrganisation, readPlan } from "./notice-sections.ts";
import { normalizeText, splitSentences } from "./normalize-text.ts";
import { findOutcomeCandidates } from "./outcome-candidates.ts";
import { readStatedCounts } from "./stated-counts.ts";
import { statusFromWords } from "./status-words.ts";

export interface ParseNoticeOptions {
  /** The inspected unit's name, used as `inspection.target` when the text does not name it. */
  readonly unitName?: string;
}

const textOf = (lines: readonly ClassifiedLine[]): string => lines.map((l) => l.text).join("\n");

/** Parses a notice. See docs/notice-json.md for the result and the rules. */
export function parseNotice(text: string, options: ParseNoticeOptions = {}): NoticeDraft {
  return parseNoticeTraced(text, options).draft;
}

/** A parsed notice with the role each input line played (see notice-line-roles.ts), for tests and tools. */
export interface TracedNotice {
  readonly draft: NoticeDraft;
  readonly roles: ReadonlyMap<number, LineRole>;
}

/** Parses a notice and says where every input line went. */
export function parseNoticeTraced(text: string, options: ParseNoticeOptions = {}): TracedNotice {
  const input = typeof text === "string" ? text : "";
  const { lines, metadata, structural } = normalizeText(input);
  const signature = splitSignature(lines);
  const outline = buildOutline(classifyLines(signature.body));
  const signed = lines.slice(signature.body.length, lines.length - signature.appendix.length);
  const roles = lineRoles({ structural, signature: signed, outline, appendix: signature.appendix });

  const issuer = issuerFromTitle(outline.title);
  const facts = readInspectionFacts({
    title: outline.title,
    intro: outline.intro.map((l) => l.text),
    issuer: issuer ?? signature.signatory,
    addressee: addresseeOf(outline.intro),
    ...(options.unitName !== undefined ? { unitName: options.unitName } : {}),
  });
  const inspection = facts.inspection;
  const reference = {
    date: signature.issuedOn ?? inspection.feedbackDate ?? inspection.onsiteEnd ?? inspection.onsiteStart,
  };

  const groupHeadings = new Set<ClassifiedLine>(outline.aspects.map((a) => a.heading));
  const statementLines = outline.statements.filter((l) => !groupHeadings.has(l));
  // Counts may be stated anywhere outside the problems: intro, statistics, a closing paragraph, even the plan.
  // The first statement of each count wins; an earlier round's sentences (回头看) are not this inspection's.
  let statementText = [
    outline.title ?? "",
    textOf(outline.intro),
    textOf(outline.organisation),
    textOf(statementLines),
    textOf(outline.plan),
    textOf(outline.unclassified),
    textOf(outline.contact),
  ].join("\n");
  for (const sentence of facts.earlierRound) statementText = statementText.replace(sentence, "");
  const stated = readStatedCounts(statementText);
  const reportedAsOf = findReportedAsOf(statementText, reference.date);

  const built = outline.problems.map((p, i) => buildProblem(p, { no: i + 1, reference }));
  const problems = withStatusForAll(mergeSummaryRows(built), statementLines);
  const aspects: NoticeAspect[] = dedupeAspects(outline.aspects).map((g) => ({
    name: g.name,
    heading: g.heading.text,
    stated: g.countText === null ? {} : aspectStated(g.countText),
  }));
  const counted = countListed(problems);
  const recognised = problems.length > 0;

  const warnings: NoticeWarning[] = [];
  if (!recognised) {
    warnings.push({
      code: "no_rectification_structure",
      message: "未识别到整改情况通报的结构（未找到任何问题条目），未导入任何内容",
    });
  } else {
    warnings.push(
      ...checkStatedCounts(stated, counted),
      ...checkAspectCounts(aspects, problems),
      ...checkProblems(problems),
    );
    warnings.push(...checkUnlisted(stated, aspects.length, outline.problems[0]?.heading.n));
    const missing = missingInspectionFields(inspection);
    if (missing.length > 0 || facts.notes.length > 0)
      warnings.push({
        code: "inspection_incomplete",
        message: [missing.length > 0 ? `未能从文中识别：${missing.join("、")}` : "", ...facts.notes]
          .filter((m) => m !== "")
          .join("；"),
        ...(outline.intro[0] ? { line: outline.intro[0].n } : {}),
      });
  }
  const unclassified = outline.unclassified.map((l) => ({ line: l.n, text: l.text }));
  if (recognised) warnings.push(...unclassifiedWarnings(unclassified));
  const appendix = appendixWarning(signature.appendix);
  if (appendix !== null) {
    unclassified.push(...signature.appendix.map((l) => ({ line: l.n, text: l.text })));
    warnings.push(appendix);
  }

  const plan = readPlan(outline.plan);
  const draft: NoticeDraft = {
    recognised,
    title: outline.title,
    issuer: issuer ?? signature.signatory,
    signatory: signature.signatory,
    issuedOn: signature.issuedOn,
    reportedAsOf,
    metadata,
    inspection,
    stated,
    counted,
    organisation: readOrganisation(outline.organisation),
    aspects,
    problems,
    plan: plan.items,
    planLead: plan.lead,
    contact: readContact(outline.contact),
    outcomes: [...outline.organisation, ...statementLines].flatMap((l) => findOutcomeCandidates(l.text)),
    unclassified,
    ...(signature.attachments.length > 0 ? { attachments: signature.attachments } : {}),
    warnings,
  };
  return { draft, roles };
}

/** An attached document after the signature is kept as written, never read as problems: said once. */
function appendixWarning(appendix: readonly { n: number; text: string }[]): NoticeWarning | null {
  const first = appendix[0];
  const last = appendix[appendix.length - 1];
  if (first === undefined || last === undefined) return null;
  return {
    code: "unclassified_text",
    message: `落款之后的附件“${first.text}”（第${first.n}–${last.n}行）未解析为问题，已原样保留在 unclassified 中，请另行核对`,
    line: first.n,
  };
}

// "市审计局：" on its own near the top: whom a report is addressed to.
function addresseeOf(intro: readonly ClassifiedLine[]): string | null {
  const line = intro.slice(0, 3).find((l) => /^[\u4e00-\u9fff（）、]{2,40}：$/.test(l.text));
  return line === undefined ? null : line.text.slice(0, -1);
}

/**
 * A problem listed again later with nothing but a status (a closing table "序号｜问题｜整改状态") is the status of
 * the first listing, not a new problem.
 */
function mergeSummaryRows(problems: readonly NoticeProblem[]): NoticeProblem[] {
  const out: NoticeProblem[] = [];
  for (const p of problems) {
    const first = out.findIndex((q) => sameTitle(q.title, p.title));
    const summary = first >= 0 && p.measures.length === 0 && p.ongoing.length === 0;
    const earlier = out[first];
    if (!summary || earlier === undefined) {
      out.push({ ...p, no: out.length + 1 });
      continue;
    }
    if (earlier.status === null && p.status !== null)
      out[first] = { ...earlier, status: p.status, statusSource: p.statusSource };
  }
  return out;
}

// A summary table shortens titles to their first clause: "网格化管理不够精细" for "网格化管理不够精细，网格员…".
const SHORT_TITLE_MIN = 6;
function sameTitle(listed: string, summary: string): boolean {
  if (listed === summary) return true;
  return (
    summary.length >= SHORT_TITLE_MIN &&
    listed.startsWith(summary) &&
    /^[，；、,;]/.test(listed.slice(summary.length))
  );
}

/** "以上4个问题均已整改完成": the status of every problem that states none of its own. */
function withStatusForAll(problems: NoticeProblem[], statements: readonly ClassifiedLine[]): NoticeProblem[] {
  const sentence = statements
    .flatMap((l) => splitSentences(l.text))
    .find(
      (t) => (ALL_PROBLEMS_SENTENCE.test(t) || namesAll(t, problems.length)) && statusFromWords(t) !== null,
    );
  const status = sentence === undefined ? null : statusFromWords(sentence);
  if (status === null) return problems;
  return problems.map((p) => (p.status === null ? { ...p, status, statusSource: "sentence" } : p));
}

// "截至目前，3个问题已全部整改完成" when 3 problems are listed.
function namesAll(sentence: string, listed: number): boolean {
  const m = /(\d+|[一二两三四五六七八九十]+)(?:个|项)(?:反馈)?问题[^。；，]{0,4}(?:均|全部|都)/.exec(
    sentence,
  );
  return m?.[1] !== undefined && parseChineseNumber(m[1]) === listed;
}

function aspectStated(countText: string): NoticeAspect["stated"] {
  const m = /^(?:共)?(\d+|[零〇一二两三四五六七八九十百千]+)\s*(?:个|项|条)问题/.exec(countText);
  const problems = m?.[1] === undefined ? undefined : parseChineseNumber(m[1]);
  const { completed, inProgress, longTerm } = readStatedCounts(countText);
  return {
    ...(problems !== undefined ? { problems } : {}),
    ...(completed !== undefined ? { completed } : {}),
    ...(inProgress !== undefined ? { inProgress } : {}),
    ...(longTerm !== undefined ? { longTerm } : {}),
  };
}

function dedupeAspects<T extends { name: string }>(groups: readonly T[]): T[] {
  const seen = new Set<string>();
  return groups.filter((g) => !seen.has(g.name) && seen.add(g.name));
}

function missingInspectionFields(i: NoticeInspection): string[] {
  const names: [unknown, string][] = [
    [i.team, "检查组（巡视组/巡察组/审计机关）"],
    [i.target, "被检查单位"],
    [i.onsiteStart, "进驻（开始）日期"],
    [i.onsiteEnd, "结束日期"],
    [i.feedbackDate, "反馈日期"],
  ];
  return names.filter(([v]) => v === null).map(([, name]) => name);
}
