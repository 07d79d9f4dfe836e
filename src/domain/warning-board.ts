// The warning states of many measures at once (督办预警一览): each measure's level, the measures on the ladder grouped
// by level (most urgent first), counts per level and per reason off the ladder, and the years without holiday data
// that any count crossed. Pure; one pass over the measures.

import type { CalendarDate } from "./calendar-date.ts";
import {
  deadlineWarning,
  type DatedWarning,
  type DeadlineWarning,
  type KindDeadlines,
  type MeasureDeadlineFacts,
  type NotWarnedReason,
  type WarningThresholds,
} from "./deadline-warning.ts";
import { holidayDataWarning, type HolidayDataWarning, type WorkingDayCalendar } from "./working-days.ts";

/** The levels listed on a warning board, most urgent first; `normal` measures are counted, not listed. */
export const BOARD_LEVELS = ["overdue", "red", "yellow", "green"] as const;
export type BoardLevel = (typeof BOARD_LEVELS)[number];

export interface WarningCounts {
  readonly normal: number;
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly overdue: number;
  readonly notWarned: Readonly<Record<NotWarnedReason, number>>;
}

export interface WarningBoard<M> {
  /** Overdue by days overdue (most first), the others by days left (fewest first); then in the given order. */
  readonly groups: Readonly<Record<BoardLevel, ReadonlyArray<{ measure: M; warning: DatedWarning }>>>;
  readonly counts: WarningCounts;
  /** The years without holiday data that some working-day count crossed (null: none). */
  readonly holidayData: HolidayDataWarning | null;
}

export interface WarningBoardOptions {
  /** Today in Asia/Shanghai. */
  readonly today: CalendarDate;
  readonly thresholds: WarningThresholds;
  readonly calendar: WorkingDayCalendar;
  /** Dates for measures without a deadline, by kind (the inspection's profile); absent: not warned. */
  readonly kindDeadlines?: KindDeadlines | null;
}

/** Each measure's warning, in the given order (for the ledger and measure answers). */
export function warningsOf<M extends MeasureDeadlineFacts>(
  measures: readonly M[],
  options: WarningBoardOptions,
): DeadlineWarning[] {
  return measures.map((m) => deadlineWarning(m, options));
}

export function warningBoard<M extends MeasureDeadlineFacts>(
  measures: readonly M[],
  options: WarningBoardOptions,
): WarningBoard<M> {
  const groups: Record<BoardLevel, Array<{ measure: M; warning: DatedWarning }>> = {
    overdue: [],
    red: [],
    yellow: [],
    green: [],
  };
  const counts = { normal: 0, green: 0, yellow: 0, red: 0, overdue: 0 };
  const notWarned: Record<NotWarnedReason, number> = {
    closed: 0,
    submitted: 0,
    open_ended: 0,
    no_deadline: 0,
  };
  const missingYears = new Set<number>();
  for (const measure of measures) {
    const warning = deadlineWarning(measure, options);
    if (warning.level === "not_warned") {
      notWarned[warning.reason] += 1;
      continue;
    }
    counts[warning.level] += 1;
    for (const year of warning.holidayData?.years ?? []) missingYears.add(year);
    if (warning.level !== "normal") groups[warning.level].push({ measure, warning });
  }
  // Stable sorts: ties keep the ledger's order.
  groups.overdue.sort((a, b) => b.warning.daysOverdue - a.warning.daysOverdue);
  for (const level of ["red", "yellow", "green"] as const) {
    groups[level].sort((a, b) => a.warning.daysLeft - b.warning.daysLeft);
  }
  return {
    groups,
    counts: { ...counts, notWarned },
    holidayData: holidayDataWarning([...missingYears].sort((a, b) => a - b)),
  };
}
