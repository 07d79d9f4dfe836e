// The totals over every inspection in scope (the oversight office's overview): counts and outcome totals, no list.
// Its cost grows with the whole ledger, so the paged list (list-inspections.ts) does not include it.

import type { CalendarDate } from "../domain/calendar-date.ts";
import { countLedger, totalOutcomes, type LedgerCounts } from "../domain/ledger-statistics.ts";
import type { OutcomeKind } from "../domain/outcome.ts";
import type { Scope } from "../domain/scope.ts";
import type { InspectionFilter } from "../storage/store.ts";
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
  const [inspections, tallies, outcomes] = await deps.store.snapshot((store) =>
    Promise.all([
      store.inspections.list(scope, filter),
      store.statistics.problemTallies(scope, { on: asOf, includeExamples: false }),
      store.outcomes.quantityCounts(scope, { ...filter, includeExamples: false }),
    ]),
  );
  const counted = new Set(inspections.filter((i) => !i.isExample).map((i) => i.id));
  return {
    asOf,
    inspections: inspections.length,
    total: countLedger(tallies.filter((t) => counted.has(t.inspectionId))),
    outcomeTotals: totalOutcomes(outcomes),
  };
}
