// Counts, completion rate, overdue sets and outcome totals: derived from the ledger at the moment asked, never stored.

import type { CalendarDate } from "./calendar-date.ts";
import type { MeasureKind, MeasureState } from "./measure.ts";
import { isOpenState } from "./measure.ts";
import { MONEY_OUTCOME_KINDS, OUTCOME_KINDS, type OutcomeKind } from "./outcome.ts";
import { DomainError } from "./domain-error.ts";
import { fenToYuan, yuanToFen } from "./money.ts";
import { deriveProblemStatus, type MeasureTally } from "./problem-status.ts";
import type { ProblemStatus } from "./problem.ts";

/** One problem with the tally of its measures, as the store aggregates it. */
export interface ProblemTally extends MeasureTally {
  readonly problemId: string;
  readonly inspectionId: string;
  readonly aspectId: string | null;
  /** Open measures whose deadline is before the reference date. */
  readonly overdue: number;
  /** Closed measures (any kind). */
  readonly closed: number;
}

export interface LedgerCounts {
  readonly problems: number;
  readonly completed: number;
  readonly inProgress: number;
  readonly longTerm: number;
  readonly measures: number;
  readonly closedMeasures: number;
  readonly overdueMeasures: number;
  /** completed ÷ problems in percent, two decimals rounded half-up ("72.73"); long-term is not counted as done. */
  readonly completionRate: string;
}

/** completed ÷ total as a percentage with two decimals, rounded half-up, in integer arithmetic. */
export function completionRate(completed: number, total: number): string {
  if (total === 0) return "0.00";
  const hundredths = Math.floor((2 * completed * 10_000 + total) / (2 * total));
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

/** Sums problem tallies into the counts a notice or dashboard shows. */
export function countLedger(tallies: readonly ProblemTally[]): LedgerCounts {
  const byStatus: Record<ProblemStatus, number> = { completed: 0, in_progress: 0, long_term: 0 };
  let measures = 0;
  let closedMeasures = 0;
  let overdueMeasures = 0;
  for (const t of tallies) {
    byStatus[deriveProblemStatus(t)] += 1;
    measures += t.measures;
    closedMeasures += t.closed;
    overdueMeasures += t.overdue;
  }
  return {
    problems: tallies.length,
    completed: byStatus.completed,
    inProgress: byStatus.in_progress,
    longTerm: byStatus.long_term,
    measures,
    closedMeasures,
    overdueMeasures,
    completionRate: completionRate(byStatus.completed, tallies.length),
  };
}

/** Counts grouped by a key of each tally (inspection, aspect, or an org the caller maps to). */
export function countLedgerBy<K>(
  tallies: readonly ProblemTally[],
  keyOf: (t: ProblemTally) => K,
): Map<K, LedgerCounts> {
  const groups = new Map<K, ProblemTally[]>();
  for (const t of tallies) {
    const key = keyOf(t);
    const group = groups.get(key);
    if (group) group.push(t);
    else groups.set(key, [t]);
  }
  return new Map([...groups].map(([key, group]) => [key, countLedger(group)]));
}

/** The facts of a measure that decide whether it is overdue. */
export interface DeadlineFacts {
  readonly state: MeasureState;
  readonly kind: MeasureKind;
  readonly deadline: CalendarDate | null;
}

/** Overdue on `on`: still open and its last allowed day is before `on`. Open-ended measures are never overdue. */
export const isOverdue = (m: DeadlineFacts, on: CalendarDate): boolean =>
  isOpenState(m.state) && m.deadline !== null && m.deadline < on;

/** Due soon (临期): open, not overdue, deadline between `on` and `until` inclusive. */
export const isDueSoon = (m: DeadlineFacts, on: CalendarDate, until: CalendarDate): boolean =>
  isOpenState(m.state) && m.deadline !== null && m.deadline >= on && m.deadline <= until;

/** One outcome's kind and quantity, as the store lists them. */
export interface OutcomeQuantity {
  readonly kind: OutcomeKind;
  readonly quantity: string;
  /** How many outcomes carry this quantity (1 when absent). */
  readonly count?: number;
}

function countOf(o: OutcomeQuantity): bigint {
  if (!/^\d+$/.test(o.quantity)) {
    throw new DomainError("invalid_outcome_quantity", `成效数量应为非负整数：${o.quantity}`);
  }
  return BigInt(o.quantity);
}

/** Totals by kind: counts summed as integers, money kinds summed exactly in 分 and given back in 元. */
export function totalOutcomes(outcomes: readonly OutcomeQuantity[]): Record<OutcomeKind, string> {
  const sums = new Map<OutcomeKind, bigint>(OUTCOME_KINDS.map((k) => [k, 0n]));
  for (const o of outcomes) {
    const amount =
      (MONEY_OUTCOME_KINDS.has(o.kind) ? yuanToFen(o.quantity) : countOf(o)) * BigInt(o.count ?? 1);
    sums.set(o.kind, (sums.get(o.kind) ?? 0n) + amount);
  }
  return Object.fromEntries(
    OUTCOME_KINDS.map((k) => {
      const sum = sums.get(k) ?? 0n;
      return [k, MONEY_OUTCOME_KINDS.has(k) ? fenToYuan(sum) : String(sum)];
    }),
  ) as Record<OutcomeKind, string>;
}
