// The collector's problem drafts → ledger problems, once the whole workbook is read: each measure and outcome
// checked cell by cell, each problem against the ledger schema; what cannot be read becomes an error at its
// sheet, row and column and is left out. Pure.

import type { ImportIssue, ProblemInput } from "./collected-ledger.ts";
import {
  measureInput,
  outcomeInput,
  problemInput,
  schemaFindings,
  type MeasureInput,
  type Origin,
  type ProblemDraft,
  type YearSource,
} from "./ledger-row-inputs.ts";

/** Valid problems in order, their aspects as first met, and how many rows were left out. */
export function problemInputs(
  drafts: readonly ProblemDraft[],
  year: YearSource,
  errors: ImportIssue[],
  warnings: ImportIssue[],
): { problems: ProblemInput[]; aspects: string[]; skipped: number } {
  const problems: ProblemInput[] = [];
  const aspects: string[] = [];
  let skipped = 0;
  for (const draft of drafts) {
    const measures: MeasureInput[] = [];
    const origins: Origin[] = [];
    for (const m of draft.measures) {
      const input = measureInput(m, year, errors, warnings);
      if (input) {
        measures.push(input);
        origins.push(m.origin);
      } else skipped += 1;
    }
    const outcomes = draft.outcomes.flatMap((o) => outcomeInput(o, errors) ?? []);
    const problem = problemInput(draft, measures, outcomes, errors);
    const invalid = schemaFindings(problem, draft.origin, origins);
    if (invalid.length > 0) {
      errors.push(...invalid);
      skipped += draft.measures.length || 1;
      continue;
    }
    problems.push(problem);
    if (problem.aspect && !aspects.includes(problem.aspect)) aspects.push(problem.aspect);
  }
  return { problems, aspects, skipped };
}
