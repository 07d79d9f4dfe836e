// Counts for every inspection in scope (the oversight office's overview), and their sum.

import { countLedger, countLedgerBy, totalOutcomes, type LedgerCounts } from "../domain/ledger-statistics.ts";
import type { Inspection } from "../domain/inspection.ts";
import type { OutcomeKind } from "../domain/outcome.ts";
import type { Scope } from "../domain/scope.ts";
import type { InspectionFilter } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export interface InspectionSummary {
  readonly inspection: Inspection;
  readonly counts: LedgerCounts;
}

export interface InspectionsOverview {
  readonly asOf: string;
  readonly inspections: readonly InspectionSummary[];
  readonly total: LedgerCounts;
  readonly outcomeTotals: Record<OutcomeKind, string>;
}

/** Example ledgers are listed when asked for but never added into the totals. */
export async function summarizeInspections(
  deps: Deps,
  scope: Scope,
  filter: InspectionFilter = {},
  asOf = deps.clock.today(),
): Promise<InspectionsOverview> {
  const [inspections, tallies, outcomes] = await deps.store.snapshot((store) =>
    Promise.all([
      store.inspections.list(scope, filter),
      store.statistics.problemTallies(scope, { on: asOf, includeExamples: filter.includeExamples ?? false }),
      store.outcomes.quantityCounts(scope, { ...filter, includeExamples: false }),
    ]),
  );
  const listed = new Set(inspections.map((i) => i.id));
  const counted = new Set(inspections.filter((i) => !i.isExample).map((i) => i.id));
  const relevant = tallies.filter((t) => listed.has(t.inspectionId));
  const byInspection = countLedgerBy(relevant, (t) => t.inspectionId);
  return {
    asOf,
    inspections: inspections.map((inspection) => ({
      inspection,
      counts: byInspection.get(inspection.id) ?? countLedger([]),
    })),
    total: countLedger(relevant.filter((t) => counted.has(t.inspectionId))),
    outcomeTotals: totalOutcomes(outcomes),
  };
}
