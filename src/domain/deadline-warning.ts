// The warning ladder of one measure on a given day (绿/黄/红/逾期), and 按期完成率 beside 完成率. Pure: today and the
// working-day calendar are passed in; escalation steps (督办单, 告诫, 约谈) are recorded elsewhere, not derived here.

import { addMonths, daysBetween, type CalendarDate } from "./calendar-date.ts";
import { completionRate } from "./ledger-statistics.ts";
import type { Measure } from "./measure.ts";
import { shanghaiDateOf, type HolidayDataWarning, type WorkingDayCalendar } from "./working-days.ts";

export const WARNING_LEVELS = ["normal", "green", "yellow", "red", "overdue"] as const;
/**
 * normal 未到预警期; green 绿色预警 (≤ green days left); yellow 黄色预警 (≤ yellow days left); red 红色预警 (≤ red
 * days left: with the default 0, the deadline day itself); overdue 逾期 (the deadline has passed).
 */
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  normal: "正常推进",
  green: "绿色预警",
  yellow: "黄色预警",
  red: "红色预警",
  overdue: "已逾期",
};

/** Days left at which each level starts; counted in working or calendar days. */
export interface WarningThresholds {
  readonly green: number;
  readonly yellow: number;
  readonly red: number;
  readonly basis: "working" | "calendar";
}

/** 20/10/0 calendar days, as inspection offices commonly run it (issue 12); per inspection once profiles exist. */
export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = {
  green: 20,
  yellow: 10,
  red: 0,
  basis: "calendar",
};

/**
 * Why these thresholds cannot be used (Chinese, safe to show), or null when green ≥ yellow ≥ red ≥ 0 are whole
 * numbers. The deadline-profile use case (issue 12, item 2) turns a problem into a DomainError for the user.
 */
export function warningThresholdsProblem(t: WarningThresholds): string | null {
  const whole =
    Number.isSafeInteger(t.green) && Number.isSafeInteger(t.yellow) && Number.isSafeInteger(t.red);
  if (whole && t.green >= t.yellow && t.yellow >= t.red && t.red >= 0) return null;
  return "预警天数须为不小于0的整数，且绿色预警天数 ≥ 黄色预警天数 ≥ 红色预警天数";
}

/** Why a measure is not on the ladder. */
export type NotWarnedReason =
  /** 已销号. */
  | "closed"
  /** 待审核: the department reported it done; the reviewer holds it, not the department. */
  | "submitted"
  /** 长期坚持 without a stage date. */
  | "open_ended"
  /** 立行立改 or 限期整改 without a deadline: a gap in the ledger to fill, not a measure on time. */
  | "no_deadline";

export const NOT_WARNED_REASONS = [
  "closed",
  "submitted",
  "open_ended",
  "no_deadline",
] as const satisfies readonly NotWarnedReason[];

export type DeadlineWarning =
  { readonly level: "not_warned"; readonly reason: NotWarnedReason } | DatedWarning;

export interface DatedWarning {
  readonly level: WarningLevel;
  /** The date judged against: the current deadline, an approved extension's new date when there is one. */
  readonly judgedAgainst: CalendarDate;
  /** True when the measure has no deadline of its own and `judgedAgainst` is the profile's default for its kind. */
  readonly defaulted: boolean;
  /** The first deadline, kept and shown when an extension moved it; else null. */
  readonly originalDeadline: CalendarDate | null;
  readonly extended: boolean;
  readonly basis: WarningThresholds["basis"];
  /** Days after today up to and including the deadline, in the basis's days; 0 once overdue. */
  readonly daysLeft: number;
  /** Calendar days since the deadline (逾期N天); 0 unless overdue. */
  readonly daysOverdue: number;
  /** Set when a working-day count crossed a year without holiday data. */
  readonly holidayData: HolidayDataWarning | null;
}

/** What the ladder reads of a measure. */
export type MeasureDeadlineFacts = Pick<Measure, "kind" | "state" | "deadline" | "originalDeadline">;

/** The dates a measure without a deadline is judged against, by kind (deadline-profile.ts kindDeadlines). */
export interface KindDeadlines {
  readonly immediate: CalendarDate;
  readonly limited: CalendarDate;
  /** Stage reviews every `everyMonths` months counted from `from`; the next one on or after today is judged. */
  readonly longTerm: { readonly from: CalendarDate; readonly everyMonths: number };
}

/** The next stage review of a long-term measure on or after `today`: from + k × months, k ≥ 1. */
export function nextStageReview(longTerm: KindDeadlines["longTerm"], today: CalendarDate): CalendarDate {
  const months = Math.max(1, longTerm.everyMonths);
  // Jump close by whole months, then step: no loop over years of reviews.
  const elapsed = Math.max(0, Math.floor(daysBetween(longTerm.from, today) / 31 / months) - 1);
  let k = Math.max(1, elapsed);
  let review = addMonths(longTerm.from, k * months);
  while (review < today) review = addMonths(longTerm.from, ++k * months);
  return review;
}

export interface DeadlineWarningOptions {
  /** Today in Asia/Shanghai. */
  readonly today: CalendarDate;
  readonly thresholds?: WarningThresholds;
  /** The profile's defaults for measures without a deadline; absent: such measures are not warned. */
  readonly kindDeadlines?: KindDeadlines | null;
  /** Used only when the thresholds count working days. */
  readonly calendar: WorkingDayCalendar;
}

/**
 * The measure's level on `today`. A long-term measure has no stage review date in the model yet: its `deadline`,
 * when set, is taken as the current stage's date (after reopen_stage it is the date the stage was given).
 * Thresholds must pass warningThresholdsProblem (else RangeError).
 * Overdue means today is after the deadline, whatever the basis: a deadline on a holiday is still that day.
 */
export function deadlineWarning(
  measure: MeasureDeadlineFacts,
  options: DeadlineWarningOptions,
): DeadlineWarning {
  const t = options.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  // Thresholds reach here validated (by the profile's use case); bad ones are a programming error.
  const problem = warningThresholdsProblem(t);
  if (problem !== null) throw new RangeError(problem);
  if (measure.state === "closed") return { level: "not_warned", reason: "closed" };
  if (measure.state === "submitted") return { level: "not_warned", reason: "submitted" };
  const defaults = options.kindDeadlines ?? null;
  const defaulted = measure.deadline === null;
  const deadline =
    measure.deadline ??
    (defaults === null
      ? null
      : measure.kind === "long_term"
        ? nextStageReview(defaults.longTerm, options.today)
        : measure.kind === "immediate"
          ? defaults.immediate
          : defaults.limited);
  if (deadline === null) {
    return { level: "not_warned", reason: measure.kind === "long_term" ? "open_ended" : "no_deadline" };
  }
  const extended = measure.originalDeadline !== null && measure.originalDeadline !== deadline;
  const calendarDaysLeft = daysBetween(options.today, deadline);
  const overdue = calendarDaysLeft < 0;
  const counted =
    overdue || t.basis === "calendar"
      ? { value: calendarDaysLeft, warning: null }
      : options.calendar.workingDaysBetween(options.today, deadline);
  const daysLeft = counted.value;
  // One literal of one shape for every dated result: the ladder runs over whole provinces at once.
  return {
    level: overdue
      ? "overdue"
      : daysLeft <= t.red
        ? "red"
        : daysLeft <= t.yellow
          ? "yellow"
          : daysLeft <= t.green
            ? "green"
            : "normal",
    judgedAgainst: deadline,
    defaulted,
    originalDeadline: extended ? measure.originalDeadline : null,
    extended,
    basis: t.basis,
    daysLeft: overdue ? 0 : daysLeft,
    daysOverdue: overdue ? -calendarDaysLeft : 0,
    holidayData: counted.warning,
  };
}

/** What on-time counting reads of a measure. */
export type MeasureCompletionFacts = Pick<
  Measure,
  "kind" | "state" | "deadline" | "originalDeadline" | "closedAt"
>;

export interface CompletionCounts {
  readonly measures: number;
  /** Closed, or long-term with a stage closed (carried on), as the ledger's tallies count them. */
  readonly completed: number;
  /** Completed on or before the first deadline ever set (or without any deadline, so never late). */
  readonly completedOnTime: number;
  /** Measures whose deadline an approved extension moved. */
  readonly extended: number;
  /** Extended and completed after the first deadline but on or before the new one: apart from on-time. */
  readonly completedWithinExtension: number;
  /** Completed, but with no close-out time recorded: cannot be judged on time or late. */
  readonly completedUndated: number;
  /** 完成率: completed ÷ measures, percent with two decimals. */
  readonly completionRate: string;
  /** 按期完成率: completed on time ÷ measures, percent with two decimals. */
  readonly onTimeRate: string;
}

/**
 * 按期完成率 beside 完成率. On time is judged against the first deadline, so an extension never turns a late
 * measure into an on-time one; extended measures finished within their new date are counted apart. The close-out
 * day is the Asia/Shanghai date of closedAt (for long-term measures, the last stage closed).
 */
export function countCompletion(measures: readonly MeasureCompletionFacts[]): CompletionCounts {
  let completed = 0;
  let completedOnTime = 0;
  let extended = 0;
  let completedWithinExtension = 0;
  let completedUndated = 0;
  for (const m of measures) {
    const wasExtended = m.originalDeadline !== null && m.originalDeadline !== m.deadline;
    if (wasExtended) extended += 1;
    const done = m.state === "closed" || (m.kind === "long_term" && m.closedAt !== null);
    if (!done) continue;
    completed += 1;
    const first = wasExtended ? m.originalDeadline : m.deadline;
    if (first === null) {
      completedOnTime += 1;
      continue;
    }
    if (m.closedAt === null) {
      completedUndated += 1;
      continue;
    }
    const closedOn = shanghaiDateOf(m.closedAt);
    if (closedOn <= first) completedOnTime += 1;
    else if (wasExtended && m.deadline !== null && closedOn <= m.deadline) completedWithinExtension += 1;
  }
  return {
    measures: measures.length,
    completed,
    completedOnTime,
    extended,
    completedWithinExtension,
    completedUndated,
    completionRate: completionRate(completed, measures.length),
    onTimeRate: completionRate(completedOnTime, measures.length),
  };
}
