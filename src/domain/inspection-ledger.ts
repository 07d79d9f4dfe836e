// The read model of one inspection's ledger: what the API answers and documents (notices, workbooks) are built
// from. Types only; app/get-inspection-ledger.ts assembles it, so documents need not import app.

import type { DeadlineWarning } from "./deadline-warning.ts";
import type { Inspection } from "./inspection.ts";
import type { LedgerCounts } from "./ledger-statistics.ts";
import type { Measure } from "./measure.ts";
import type { Org, Person } from "./org.ts";
import type { Outcome, OutcomeKind } from "./outcome.ts";
import type { LedgerPlan } from "./plan.ts";
import type { Aspect, Problem, ProblemStatus } from "./problem.ts";

export interface LedgerMeasure extends Measure {
  readonly overdue: boolean;
  /** The warning state on `asOf`, in the API's answer (documents read the ledger without it). */
  readonly warning?: DeadlineWarning;
}

export interface LedgerProblem extends Problem {
  readonly status: ProblemStatus;
  readonly measures: readonly LedgerMeasure[];
  readonly outcomes: readonly Outcome[];
}

export interface InspectionLedger {
  readonly inspection: Inspection;
  readonly unit: Org;
  /** The date the counts and overdue flags refer to. */
  readonly asOf: string;
  readonly aspects: readonly (Aspect & { counts: LedgerCounts })[];
  readonly problems: readonly LedgerProblem[];
  readonly counts: LedgerCounts;
  readonly outcomeTotals: Record<OutcomeKind, string>;
  readonly plan: LedgerPlan;
  /** The people the measures name as lead leader or responsible person, for names and filters (ids elsewhere). */
  readonly people: readonly Person[];
  /**
   * Only on a ledger's head (read with `firstMeasures`): the problems and measures after it, not in `problems`. The
   * counts, aspects and people are always those of the whole ledger.
   */
  readonly omitted?: { readonly problems: number; readonly measures: number };
}
