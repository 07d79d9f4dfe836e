// Entry of the notice importer: text of a rectification notice (整改情况通报/报告) → NoticeDraft.
// Pure and total: never throws, whatever the string. A text without problems comes back with
// `recognised: false` and a `no_rectification_structure` warning (see docs/notice-json.md).

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import { buildProblem } from "./build-problem.ts";
import { checkAspectCounts, checkProblems, checkStatedCounts, countListed } from "./check-counts.ts";
import { classifyLines, type ClassifiedLine } from "./classify-lines.ts";
import { issuerFromTitle, readInspection, splitSignature } from "./inspection-facts.ts";
import type { NoticeAspect, NoticeDraft, NoticeInspection, NoticeWarning } from "./notice-draft.ts";
import { buildOutline } from "./notice-outline.ts";
import { readContact, readOrganisation, readPlan } from "./notice-sections.ts";
import { normalizeText } from "./normalize-text.ts";
import { findOutcomeCandidates } from "./outcome-candidates.ts";
import { readStatedCounts } from "./stated-counts.ts";

export interface ParseNoticeOptions {
  /** The inspected unit's name, used as `inspection.target` when the text does not name it. */
  readonly unitName?: string;
}

const textOf = (lines: readonly ClassifiedLine[]): string => lines.map((l) => l.text).join("\n");

/** Parses a notice. See docs/notice-json.md for the result and the rules. */
export function parseNotice(text: string, options: ParseNoticeOptions = {}): NoticeDraft {
  const input = typeof text === "string" ? text : "";
  const { lines, metadata } = normalizeText(input);
  const signature = splitSignature(lines);
  const outline = buildOutline(classifyLines(signature.body));

  const inspection = readInspection({
    title: outline.title,
    intro: outline.intro.map((l) => l.text),
    ...(options.unitName !== undefined ? { unitName: options.unitName } : {}),
  });
  const reference = {
    date: signature.issuedOn ?? inspection.feedbackDate ?? inspection.onsiteEnd ?? inspection.onsiteStart,
  };

  const groupHeadings = new Set<ClassifiedLine>(outline.aspects.map((a) => a.heading));
  const statementLines = outline.statements.filter((l) => !groupHeadings.has(l));
  const statementText = [
    outline.title ?? "",
    textOf(outline.intro),
    textOf(outline.organisation),
    textOf(statementLines),
  ].join("\n");
  const stated = readStatedCounts(statementText);

  const problems = outline.problems.map((p, i) => buildProblem(p, { no: i + 1, reference }));
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
    const missing = missingInspectionFields(inspection);
    if (missing.length > 0)
      warnings.push({ code: "inspection_incomplete", message: `未能从文中识别：${missing.join("、")}` });
  }
  const unclassified = outline.unclassified.map((l) => ({ line: l.n, text: l.text }));
  if (recognised && unclassified.length > 0) {
    warnings.push({
      code: "unclassified_text",
      message: `有${unclassified.length}段文字未能归类，已原样保留在 unclassified 中`,
      ...(unclassified[0] ? { line: unclassified[0].line } : {}),
    });
  }

  return {
    recognised,
    title: outline.title,
    issuer: issuerFromTitle(outline.title) ?? signature.signatory,
    signatory: signature.signatory,
    issuedOn: signature.issuedOn,
    metadata,
    inspection,
    stated,
    counted,
    organisation: readOrganisation(outline.organisation),
    aspects,
    problems,
    plan: readPlan(outline.plan),
    contact: readContact(outline.contact),
    outcomes: [...outline.organisation, ...statementLines].flatMap((l) => findOutcomeCandidates(l.text)),
    unclassified,
    warnings,
  };
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
