// Applies a person's corrections to a staged import's ledger input, one at a time, each checked against the draft as
// the previous ones left it; answers the corrected input and a Chinese sentence per correction for the audit trail.
// Pure: no store, no clock. A column mapping (mapColumn) is not applied here: the workbook is read again instead.

import { DomainError } from "../domain/domain-error.ts";
import {
  DISCLOSURE_LABELS,
  PROBLEM_STATUS_LABELS,
  WITHHOLDING_REASON_LABELS,
  type Disclosure,
  type ProblemStatus,
} from "../domain/problem.ts";
import { importedProblemStatus } from "../documents/xlsx/collected-ledger.ts";
import type { ImportCorrection } from "../shared/import-corrections.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";

type ProblemInput = LedgerInput["problems"][number];
type MeasureInput = NonNullable<ProblemInput["measures"]>[number];
/** A correction of the draft's content (everything but a column mapping). */
export type ContentCorrection = Exclude<ImportCorrection, { op: "mapColumn" }>;

/** A refusal of correction number `index` (0-based in the request), naming its field. */
export const correctionRefused = (index: number, field: string, code: string, message: string): DomainError =>
  new DomainError("invalid_input", `第${index + 1}项修改有误：${message}`, [
    { path: `corrections.${index}.${field}`, code, message },
  ]);

const quoted = (text: string): string => `“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`;

function problemAt(input: LedgerInput, no: number, index: number, field: string): ProblemInput {
  const problem = input.problems[no - 1];
  if (problem === undefined)
    throw correctionRefused(
      index,
      field,
      "unknown_problem",
      `没有第${no}个问题（预览中共${input.problems.length}个问题）`,
    );
  return problem;
}

function measureNumbers(problem: ProblemInput, no: number, numbers: readonly number[], index: number): void {
  const count = problem.measures?.length ?? 0;
  const missing = numbers.find((m) => m > count);
  if (missing !== undefined)
    throw correctionRefused(
      index,
      "measure",
      "unknown_measure",
      `第${no}个问题没有第${missing}条措施（该问题共${count}条措施）`,
    );
}

const replaceAt = <T>(list: readonly T[], at: number, ...items: T[]): T[] => [
  ...list.slice(0, at),
  ...items,
  ...list.slice(at + 1),
];

/**
 * The problem's measures changed so that its derived status is `status` (a status is never stored by hand):
 * completed closes every measure and none stays long-term; long-term closes every measure and makes the open ones
 * (or, when none was open, all) long-term; in progress opens every closed measure again. A closed measure is closed
 * as of the day the draft's other closed measures were (the notice's 截至 date), else at confirmation.
 */
function measuresWithStatus(
  measures: readonly MeasureInput[],
  status: ProblemStatus,
  closedOn: string | null,
): MeasureInput[] {
  const close = (m: MeasureInput): MeasureInput =>
    m.state === "closed" ? m : { ...m, state: "closed", closedOn: m.closedOn ?? closedOn };
  switch (status) {
    case "completed":
      return measures.map((m) => ({ ...close(m), kind: m.kind === "long_term" ? "time_limited" : m.kind }));
    case "long_term": {
      const anyOpen = measures.some((m) => m.state !== "closed");
      const anyLongTerm = measures.some((m) => m.kind === "long_term");
      return measures.map((m) => ({
        ...close(m),
        kind: anyLongTerm || (anyOpen && m.state === "closed") ? m.kind : "long_term",
      }));
    }
    case "in_progress":
      return measures.map((m) => (m.state === "closed" ? { ...m, state: "in_progress", closedOn: null } : m));
  }
}

/** The day the draft's closed measures were closed on (one notice gives all the same), for measures closed now. */
const draftClosedOn = (input: LedgerInput): string | null =>
  input.problems.flatMap((p) => p.measures ?? []).find((m) => m.state === "closed" && m.closedOn)?.closedOn ??
  null;

const FIELD_LABELS = {
  text: "内容",
  deadline: "时限",
  leader: "责任领导",
  department: "责任部门",
  person: "责任人",
} as const;

const DISCLOSURE_RANK: Record<Disclosure, number> = { public: 0, internal: 1, withheld: 2 };

/**
 * The disclosure of two merged problems: the stricter one (不公开 over 党内 over 社会公开) with its withholding reason,
 * so that merging never makes a withheld finding public; and the words that say so when it changes `into`'s.
 */
function stricterDisclosure(
  into: ProblemInput,
  from: ProblemInput,
): { fields: Pick<ProblemInput, "disclosure" | "withholdingReason">; summary: string } {
  const intoLevel = into.disclosure ?? "public";
  const fromLevel = from.disclosure ?? "public";
  const level = DISCLOSURE_RANK[fromLevel] > DISCLOSURE_RANK[intoLevel] ? fromLevel : intoLevel;
  const reason =
    level === "withheld"
      ? ((intoLevel === "withheld" ? into.withholdingReason : null) ?? from.withholdingReason ?? null)
      : null;
  const fields = { disclosure: level, withholdingReason: reason };
  if (level === intoLevel && reason === (into.withholdingReason ?? null)) return { fields, summary: "" };
  const why = reason ? `（${WITHHOLDING_REASON_LABELS[reason]}）` : "";
  return { fields, summary: `，合并后按较严的公开范围“${DISCLOSURE_LABELS[level]}”${why}` };
}

/** The draft with `problems`, without the aspects that only the problems before held (the others keep their order). */
function withoutEmptiedAspects(input: LedgerInput, problems: ProblemInput[]): LedgerInput {
  const usedBefore = new Set(input.problems.map((p) => p.aspect));
  const usedAfter = new Set(problems.map((p) => p.aspect));
  const aspects = input.aspects?.filter((a) => !usedBefore.has(a) || usedAfter.has(a));
  return { ...input, problems, ...(aspects === undefined ? {} : { aspects }) };
}

/** Applies one content correction; `index` is its place in the request, for the messages. */
export function applyCorrection(
  input: LedgerInput,
  correction: ContentCorrection,
  index: number,
): { input: LedgerInput; summary: string } {
  const problems = input.problems;
  switch (correction.op) {
    case "setProblemTitle": {
      const problem = problemAt(input, correction.problem, index, "problem");
      return {
        input: {
          ...input,
          problems: replaceAt(problems, correction.problem - 1, { ...problem, title: correction.title }),
        },
        summary: `第${correction.problem}个问题的标题由${quoted(problem.title)}改为${quoted(correction.title)}`,
      };
    }
    case "setProblemStatus": {
      const problem = problemAt(input, correction.problem, index, "problem");
      const measures = problem.measures ?? [];
      const label = PROBLEM_STATUS_LABELS[correction.status];
      if (measures.length === 0 && correction.status !== "in_progress")
        throw correctionRefused(
          index,
          "status",
          "problem_without_measures",
          `第${correction.problem}个问题没有整改措施，不能设为“${label}”`,
        );
      const before = PROBLEM_STATUS_LABELS[importedProblemStatus(problem)];
      const changed = {
        ...problem,
        measures: measuresWithStatus(measures, correction.status, draftClosedOn(input)),
      };
      return {
        input: { ...input, problems: replaceAt(problems, correction.problem - 1, changed) },
        summary: `第${correction.problem}个问题${quoted(problem.title)}的整改状态由“${before}”改为“${label}”`,
      };
    }
    case "setMeasure": {
      const problem = problemAt(input, correction.problem, index, "problem");
      measureNumbers(problem, correction.problem, [correction.measure], index);
      const measures = problem.measures ?? [];
      const at = correction.measure - 1;
      const changes: string[] = [];
      let measure = measures[at] as MeasureInput;
      for (const key of ["text", "deadline", "leader", "department", "person"] as const) {
        const value = correction.fields[key];
        if (value === undefined) continue;
        measure = { ...measure, [key]: value };
        changes.push(
          value === null ? `${FIELD_LABELS[key]}清空` : `${FIELD_LABELS[key]}改为${quoted(value)}`,
        );
      }
      return {
        input: {
          ...input,
          problems: replaceAt(problems, correction.problem - 1, {
            ...problem,
            measures: replaceAt(measures, at, measure),
          }),
        },
        summary: `第${correction.problem}个问题第${correction.measure}条措施：${changes.join("，")}`,
      };
    }
    case "mergeProblems": {
      const into = problemAt(input, correction.into, index, "into");
      const from = problemAt(input, correction.from, index, "from");
      const joined = (...texts: Array<string | null | undefined>) =>
        texts.filter((t): t is string => !!t && t.trim() !== "").join("\n") || null;
      let feedbackText =
        into.feedbackText === from.feedbackText
          ? into.feedbackText
          : joined(into.feedbackText, from.feedbackText);
      const symptoms = joined(into.symptoms, from.symptoms);
      // The merged problem's title is its finding: kept in the text when the texts do not already say it (a workbook's
      // problems often have no feedback text at all, and then the text keeps the title it is merged into as well).
      const fromTitle = from.title.trim();
      if (fromTitle !== into.title.trim() && ![feedbackText, symptoms].some((t) => t?.includes(fromTitle)))
        feedbackText = joined(feedbackText ?? into.title, fromTitle);
      const disclosure = stricterDisclosure(into, from);
      const merged: ProblemInput = {
        ...into,
        feedbackText,
        symptoms,
        ...disclosure.fields,
        measures: [...(into.measures ?? []), ...(from.measures ?? [])],
        outcomes: [...(into.outcomes ?? []), ...(from.outcomes ?? [])],
      };
      const next = problems.map((p, i) => (i === correction.into - 1 ? merged : p));
      next.splice(correction.from - 1, 1);
      return {
        input: withoutEmptiedAspects(input, next),
        summary: `把第${correction.from}个问题${quoted(from.title)}合并到第${correction.into}个问题${quoted(into.title)}（${from.measures?.length ?? 0}条措施并入）${disclosure.summary}`,
      };
    }
    case "splitProblem": {
      const problem = problemAt(input, correction.problem, index, "problem");
      measureNumbers(problem, correction.problem, correction.measures, index);
      const measures = problem.measures ?? [];
      const chosen = new Set(correction.measures.map((m) => m - 1));
      if (chosen.size === measures.length)
        throw correctionRefused(
          index,
          "measures",
          "split_takes_all",
          `不能拆出第${correction.problem}个问题的全部措施：原问题至少保留一条`,
        );
      const kept: ProblemInput = { ...problem, measures: measures.filter((_, i) => !chosen.has(i)) };
      const split: ProblemInput = {
        title: correction.title,
        aspect: problem.aspect ?? null,
        // No feedback text of its own: the ledger shows its title (and a merge back adds nothing).
        feedbackText: null,
        source: problem.source,
        disclosure: problem.disclosure,
        withholdingReason: problem.withholdingReason ?? null,
        isCommon: problem.isCommon,
        measures: measures.filter((_, i) => chosen.has(i)),
        outcomes: [],
      };
      const numbers = [...correction.measures].sort((a, b) => a - b).join("、");
      return {
        input: withoutEmptiedAspects(input, replaceAt(problems, correction.problem - 1, kept, split)),
        summary: `从第${correction.problem}个问题${quoted(problem.title)}拆出第${numbers}条措施，成为第${correction.problem + 1}个问题${quoted(correction.title)}`,
      };
    }
  }
}
