// The totals over every inspection in scope (the oversight office's overview): counts and outcome totals, no list.
// The database aggregates (problems grouped by tally, outcomes by quantity): no row per problem or inspection comes
// back, so it costs one pass over the measures' index, not the ledger in memory.

import type { CalendarDate } from "../domain/calendar-date.ts";
import {
  countLedger,
  totalOutcomes,
  type LedgerCounts,
  type ProblemTally,
} from "../domain/ledger-statistics.ts";
import type { OutcomeKind } from "../domain/outcome.ts";
import type { Scope } from "../domain/scope.ts";
import type { InspectionFilter, TallyGroup } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export interface InspectionsOverview {
  readonly asOf: CalendarDate;
  /** Inspections matching the filter, examples included when asked for. */
  readonly inspections: number;
  /** Over the inspections counted: examples never are. */
  readonly total: LedgerCounts;
  readonly outcomeTotals: Record<OutcomeKind, string>;
}

/** Example ledgers are counted in `inspections` when asked for but never added into the totals. */
export async function summarizeInspections(
  deps: Deps,
  scope: Scope,
  filter: InspectionFilter = {},
  asOf = deps.clock.today(),
): Promise<InspectionsOverview> {
  const counted = { ...filter, includeExamples: false };
  const [inspections, groups, outcomes] = await deps.store.snapshot((store) =>
    Promise.all([
      store.inspections.count(scope, { includeExamples: true, ...filter }),
      store.totals.tallyGroups(scope, { filter: counted, on: asOf }),
      store.outcomes.quantityCounts(scope, counted),
    ]),
  );
  return {
    asOf,
    inspections,
    total: countLedger(groups.flatMap(asTallies)),
    outcomeTotals: totalOutcomes(outcomes),
  };
}

/**
 * The problems a group stands for, as tallies for countLedger (the one place that derives statuses): one shared
 * object repeated, so the cost is an array of references, not a row per problem read from the database.
 */
const asTallies = (group: TallyGroup): ProblemTally[] =>
  new Array<ProblemTally>(group.problems).fill({ ...group, problemId: "", inspectionId: "", aspectId: null });
