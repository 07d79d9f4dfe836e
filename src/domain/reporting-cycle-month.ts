// A month of the rectification as a monthly bulletin (月度整改进展通报) counts it: the ledger as it stood at the month's
// end — closed this month and in all, 完成率 and 按期完成率 with extended measures apart, overdue — from the measures'
// recorded close-out times. Pure. States other than closed are taken as they are now (the ledger keeps no history of
// them), so a bulletin for an earlier month counts a measure closed since then as open, as it was at that month's end.

import { dateParts, daysBetween, endOfMonth, type CalendarDate } from "./calendar-date.ts";
import { countCompletion, type CompletionCounts } from "./deadline-warning.ts";
import type { Measure } from "./measure.ts";
import { shanghaiDateOf } from "./working-days.ts";

/** A month `YYYY-MM` between 2000 and 2099. */
export const isBulletinMonth = (s: string): boolean => /^20\d{2}-(0[1-9]|1[0-2])$/.test(s);

/** First and last day of a month `YYYY-MM`. */
export function monthSpan(month: string): { start: CalendarDate; end: CalendarDate } {
  const { year, month: m } = dateParts(`${month}-01`);
  return { start: `${month}-01`, end: endOfMonth(year, m) };
}

export type MonthMeasure = Pick<
  Measure,
  "id" | "kind" | "state" | "deadline" | "originalDeadline" | "closedAt" | "departmentId"
>;

export interface MonthFigures {
  /** The month's last day: every figure is the ledger as it stood then. */
  readonly asOf: CalendarDate;
  /** 完成率 and 按期完成率 over all measures, extended ones apart (countCompletion, as of the month's end). */
  readonly completion: CompletionCounts;
  /** Closed (or a long-term stage closed) within the month, by Shanghai date. */
  readonly closedThisMonth: readonly string[];
  /** Not finished by the month's end and past their deadline then (the new one when extended), with days overdue. */
  readonly overdue: ReadonlyArray<{ readonly id: string; readonly daysOverdue: number }>;
}

/** The measure as it stood at the end of `asOf`: a close-out recorded after it had not happened yet. */
function asItStood<M extends MonthMeasure>(m: M, asOf: CalendarDate): M {
  if (m.closedAt === null || shanghaiDateOf(m.closedAt) <= asOf) return m;
  return { ...m, state: m.state === "closed" ? "in_progress" : m.state, closedAt: null };
}

/** A measure counts as done like countCompletion counts it: closed, or long-term with a stage closed. */
const isDone = (m: MonthMeasure): boolean =>
  m.state === "closed" || (m.kind === "long_term" && m.closedAt !== null);

/** The figures of a month (`YYYY-MM`) over the measures given. */
export function monthFigures(measures: readonly MonthMeasure[], month: string): MonthFigures {
  const { start, end } = monthSpan(month);
  const stood = measures.map((m) => asItStood(m, end));
  const closedThisMonth = stood.flatMap((m) =>
    m.closedAt !== null && isDone(m) && shanghaiDateOf(m.closedAt) >= start ? [m.id] : [],
  );
  const overdue = stood.flatMap((m) =>
    !isDone(m) && m.deadline !== null && m.deadline < end
      ? [{ id: m.id, daysOverdue: daysBetween(m.deadline, end) }]
      : [],
  );
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue);
  return { asOf: end, completion: countCompletion(stood), closedThisMonth, overdue };
}
