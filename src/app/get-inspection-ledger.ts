// One inspection's ledger as the unit sees it: problems with derived statuses, measures, counts, outcome totals, plan.

import { deadlineWarning } from "../domain/deadline-warning.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { InspectionLedger, LedgerProblem } from "../domain/inspection-ledger.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import {
  countLedger,
  countLedgerBy,
  isOverdue,
  totalOutcomes,
  type ProblemTally,
} from "../domain/ledger-statistics.ts";
import type { Measure } from "../domain/measure.ts";
import { inLedgerOrder, ledgerHeadLength } from "../domain/ledger-order.ts";
import type { Aspect, Problem } from "../domain/problem.ts";
import { deriveProblemStatus } from "../domain/problem-status.ts";
import type { Scope } from "../domain/scope.ts";
import type { WarningBoardOptions } from "../domain/warning-board.ts";
import type { Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export interface LedgerReading {
  /** Every measure also carries its warning state (the API's answer; documents leave it out). */
  readonly warnings?: WarningBoardOptions;
  /**
   * Only the ledger's head in its order (domain/ledger-order.ts): whole problems until at least this many measures,
   * the rest counted in `omitted`. The counts still cover the whole ledger. The web page's first screen.
   */
  readonly firstMeasures?: number;
}

/** The ledger of one inspection, or DomainError inspection_not_found when it is absent or not visible in `scope`. */
export async function getInspectionLedger(
  deps: Deps,
  scope: Scope,
  inspectionId: string,
  asOf = deps.clock.today(),
  reading: LedgerReading = {},
): Promise<InspectionLedger> {
  return deps.store.snapshot((store) => readLedger(store, scope, inspectionId, asOf, reading));
}

async function readLedger(
  store: Repositories,
  scope: Scope,
  inspectionId: string,
  asOf: string,
  { warnings, firstMeasures }: LedgerReading,
): Promise<InspectionLedger> {
  const inspection = await store.inspections.get(scope, inspectionId);
  if (!inspection) throw new DomainError("inspection_not_found", "未找到该巡察（或无权查看）");
  // One connection inside the snapshot: the reads run one after another.
  const [unit, aspects, problems, measures, outcomes, plan] = await Promise.all([
    store.orgs.get({ kind: "all" }, inspection.targetOrgId),
    store.aspects.listByInspection(scope, inspectionId),
    store.problems.listByInspection(scope, inspectionId),
    store.measures.listByInspection(scope, inspectionId),
    store.outcomes.listByInspection(scope, inspectionId),
    store.plans.get(scope, inspectionId),
  ]);
  if (!unit) throw new DomainError("unit_not_found", "被巡察单位不存在");

  const measuresByProblem = group(measures, (m) => m.problemId);
  const outcomesByProblem = group(outcomes, (o) => o.problemId ?? "");
  const tallies = problems.map((p) => tallyOf(p, measuresByProblem.get(p.id) ?? [], asOf));
  const statusOf = new Map(tallies.map((t) => [t.problemId, deriveProblemStatus(t)]));
  const shown =
    firstMeasures === undefined ? problems : ledgerHead(aspects, problems, measuresByProblem, firstMeasures);
  // Object.assign, not spread: V8 (Node 20) copies these row objects by spread ~10× slower (issue 8, third pass).
  const ledgerProblems: LedgerProblem[] = shown.map((p) =>
    Object.assign({}, p, {
      status: statusOf.get(p.id)!,
      measures: (measuresByProblem.get(p.id) ?? []).map((m) =>
        warnings
          ? Object.assign({}, m, { overdue: isOverdue(m, asOf), warning: deadlineWarning(m, warnings) })
          : Object.assign({}, m, { overdue: isOverdue(m, asOf) }),
      ),
      outcomes: outcomesByProblem.get(p.id) ?? [],
    }),
  );
  const byAspect = countLedgerBy(tallies, (t) => t.aspectId);
  const named = new Set<string>();
  for (const m of measures) {
    if (m.personId !== null) named.add(m.personId);
    if (m.leadLeaderId !== null) named.add(m.leadLeaderId);
  }
  const people = named.size === 0 ? [] : await store.people.getMany([...named]);
  return {
    inspection,
    unit,
    asOf,
    aspects: aspects.map((a) => Object.assign({}, a, { counts: byAspect.get(a.id) ?? countLedger([]) })),
    problems: ledgerProblems,
    counts: countLedger(tallies),
    outcomeTotals: totalOutcomes(outcomes),
    plan,
    people: people.sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
    ...(shown === problems
      ? {}
      : {
          omitted: {
            problems: problems.length - shown.length,
            measures: measures.length - sumOf(shown.map((p) => measuresByProblem.get(p.id)?.length ?? 0)),
          },
        }),
  };
}

/** The head of the ledger in its order: whole problems until at least `firstMeasures` measures. */
function ledgerHead(
  aspects: readonly Aspect[],
  problems: readonly Problem[],
  measuresByProblem: ReadonlyMap<string, readonly Measure[]>,
  firstMeasures: number,
): readonly Problem[] {
  const ordered = inLedgerOrder(aspects, problems);
  const length = ledgerHeadLength(
    ordered.map((p) => measuresByProblem.get(p.id)?.length ?? 0),
    firstMeasures,
  );
  return length === ordered.length ? problems : ordered.slice(0, length);
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/**
 * A problem's tally from its measures as read beside it: the counts store.statistics.problemTallies aggregates in
 * SQL over the same visible problems and measures, derived here instead of reading the measures a second time.
 */
function tallyOf(problem: Problem, measures: readonly Measure[], on: CalendarDate): ProblemTally {
  let open = 0;
  let closedLongTerm = 0;
  let overdue = 0;
  for (const m of measures) {
    // A long-term measure that closed a stage (closedAt kept) and works on the next is carried on, not open.
    const stageClosed = m.kind === "long_term" && m.closedAt !== null;
    if (m.state !== "closed" && !stageClosed) open++;
    if (m.kind === "long_term" && (m.state === "closed" || stageClosed)) closedLongTerm++;
    if (isOverdue(m, on)) overdue++;
  }
  return {
    problemId: problem.id,
    inspectionId: problem.inspectionId,
    aspectId: problem.aspectId,
    measures: measures.length,
    open,
    closed: measures.length - open,
    closedLongTerm,
    overdue,
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
