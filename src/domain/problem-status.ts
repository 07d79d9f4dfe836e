// A problem's status is derived from its measures; nobody sets it by hand.

import type { ProblemStatus } from "./problem.ts";

/** What a problem's status depends on: counts over its measures. */
export interface MeasureTally {
  /** All measures of the problem. */
  readonly measures: number;
  /** Measures not closed (draft, in_progress, submitted, returned). */
  readonly open: number;
  /** Closed measures of kind long_term (a stage closed; the work carries on). */
  readonly closedLongTerm: number;
}

/**
 * completed: every measure closed and none long-term; long_term: every measure closed, some long-term
 * (基本完成、持续深化); in_progress: anything still open, or no measures yet.
 */
export function deriveProblemStatus(tally: MeasureTally): ProblemStatus {
  if (tally.measures === 0 || tally.open > 0) return "in_progress";
  return tally.closedLongTerm > 0 ? "long_term" : "completed";
}
