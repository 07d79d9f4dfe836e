// One inspection's ledger as the unit sees it: problems with derived statuses, measures, counts, outcome totals, plan.

import { DomainError } from "../domain/domain-error.ts";
import type { InspectionLedger, LedgerProblem } from "../domain/inspection-ledger.ts";
import { countLedger, countLedgerBy, isOverdue, totalOutcomes } from "../domain/ledger-statistics.ts";
import { deriveProblemStatus } from "../domain/problem-status.ts";
import type { Scope } from "../domain/scope.ts";
import type { Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

/** The ledger of one inspection, or DomainError inspection_not_found when it is absent or not visible in `scope`. */
export async function getInspectionLedger(
  deps: Deps,
  scope: Scope,
  inspectionId: string,
  asOf = deps.clock.today(),
): Promise<InspectionLedger> {
  return deps.store.snapshot((store) => readLedger(store, scope, inspectionId, asOf));
}

async function readLedger(
  store: Repositories,
  scope: Scope,
  inspectionId: string,
  asOf: string,
): Promise<InspectionLedger> {
  const inspection = await store.inspections.get(scope, inspectionId);
  if (!inspection) throw new DomainError("inspection_not_found", "未找到该巡察（或无权查看）");
  // One connection inside the snapshot: the reads run one after another.
  const [unit, aspects, problems, measures, outcomes, plan, tallies] = await Promise.all([
    store.orgs.get({ kind: "all" }, inspection.targetOrgId),
    store.aspects.listByInspection(scope, inspectionId),
    store.problems.listByInspection(scope, inspectionId),
    store.measures.listByInspection(scope, inspectionId),
    store.outcomes.listByInspection(scope, inspectionId),
    store.plans.get(scope, inspectionId),
    store.statistics.problemTallies(scope, { inspectionId, on: asOf }),
  ]);
  if (!unit) throw new DomainError("unit_not_found", "被巡察单位不存在");

  const tallyByProblem = new Map(tallies.map((t) => [t.problemId, t]));
  const measuresByProblem = group(measures, (m) => m.problemId);
  const outcomesByProblem = group(outcomes, (o) => o.problemId ?? "");
  const ledgerProblems: LedgerProblem[] = problems.map((p) => {
    const tally = tallyByProblem.get(p.id) ?? { measures: 0, open: 0, closedLongTerm: 0 };
    return {
      ...p,
      status: deriveProblemStatus(tally),
      measures: (measuresByProblem.get(p.id) ?? []).map((m) => ({ ...m, overdue: isOverdue(m, asOf) })),
      outcomes: outcomesByProblem.get(p.id) ?? [],
    };
  });
  const byAspect = countLedgerBy(tallies, (t) => t.aspectId);
  return {
    inspection,
    unit,
    asOf,
    aspects: aspects.map((a) => ({ ...a, counts: byAspect.get(a.id) ?? countLedger([]) })),
    problems: ledgerProblems,
    counts: countLedger(tallies),
    outcomeTotals: totalOutcomes(outcomes),
    plan,
  };
}

function group<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
