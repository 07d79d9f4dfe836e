// The reporting cycle (进展报送周期) of an inspection: the periods from the feedback date, each with the working day its
// progress reports are due, and which measures lack an on-time report in a period. Pure: the calendar is passed in.

import { addDays, dateParts, daysBetween, endOfMonth, type CalendarDate } from "./calendar-date.ts";
import type { ReportingCadence } from "./deadline-profile.ts";
import type { Measure } from "./measure.ts";
import type { ProgressReport } from "./progress.ts";
import type { HolidayDataWarning, WorkingDayCalendar } from "./working-days.ts";
import { shanghaiDateOf } from "./working-days.ts";

/**
 * Working days after a period's last day by which its progress reports are due. Monthly: the 5th working day, what
 * "每月5日前报送上月整改进展" becomes once 国庆 or 春节 falls at a month's start; weekly: the next working day (每周一报上周);
 * fortnightly: the 3rd.
 */
export const REPORT_DUE_WORKING_DAYS: Record<ReportingCadence, number> = {
  monthly: 5,
  fortnightly: 3,
  weekly: 1,
};

export interface ReportingPeriod {
  /** `YYYY-MM` (monthly) or the ISO week `YYYY-Www` of the period's Monday (weekly, fortnightly): a report's label. */
  readonly key: string;
  /** Chinese, e.g. 2026年11月, 2026年第45周, 2026年第45—46周. */
  readonly label: string;
  /** First and last day, inclusive; the first period starts on the feedback date. */
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  /** The day its reports are due: REPORT_DUE_WORKING_DAYS working days after `end`. */
  readonly due: CalendarDate;
  /** Set when the due day was counted across a year without holiday data. */
  readonly holidayData: HolidayDataWarning | null;
}

const MONDAY_OF_1970_01_05 = "1970-01-05";
/** 0 = Monday … 6 = Sunday. */
const weekday = (day: CalendarDate): number => ((daysBetween(MONDAY_OF_1970_01_05, day) % 7) + 7) % 7;
const mondayOf = (day: CalendarDate): CalendarDate => addDays(day, -weekday(day));

/** ISO 8601 week of a day: the year of its week's Thursday and the week number. */
export function isoWeekOf(day: CalendarDate): { year: number; week: number } {
  const thursday = addDays(mondayOf(day), 3);
  const year = dateParts(thursday).year;
  return { year, week: Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1 };
}

const weekKey = (day: CalendarDate): string => {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, "0")}`;
};

/** The Monday of an ISO week `YYYY-Www` (week 1 holds 4 January). */
function mondayOfWeekKey(key: string): CalendarDate {
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  return addDays(mondayOf(`${year}-01-04`), (week - 1) * 7);
}

/** The first day a report label names: a month's 1st or an ISO week's Monday. */
export function labelStart(label: string): CalendarDate {
  return /^\d{4}-W\d{2}$/.test(label) ? mondayOfWeekKey(label) : `${label}-01`;
}

/** The span [start, end] of the cadence's natural period that holds `day` (before clipping to the feedback). */
function naturalSpan(cadence: ReportingCadence, day: CalendarDate, anchor: CalendarDate) {
  switch (cadence) {
    case "monthly": {
      const { year, month } = dateParts(day);
      return { start: `${day.slice(0, 7)}-01`, end: endOfMonth(year, month) };
    }
    case "weekly": {
      const start = mondayOf(day);
      return { start, end: addDays(start, 6) };
    }
    case "fortnightly": {
      // Two-week blocks counted from the Monday of the feedback's week, so the first block holds the feedback.
      const first = mondayOf(anchor);
      const start = addDays(first, Math.floor(daysBetween(first, day) / 14) * 14);
      return { start, end: addDays(start, 13) };
    }
  }
}

function periodLabel(cadence: ReportingCadence, start: CalendarDate, end: CalendarDate): string {
  if (cadence === "monthly") {
    const { year, month } = dateParts(start);
    return `${year}年${month}月`;
  }
  const a = isoWeekOf(start);
  if (cadence === "weekly") return `${a.year}年第${a.week}周`;
  const b = isoWeekOf(end);
  return a.year === b.year
    ? `${a.year}年第${a.week}—${b.week}周`
    : `${a.year}年第${a.week}周—${b.year}年第${b.week}周`;
}

export interface ReportingPeriodsOptions {
  readonly cadence: ReportingCadence;
  readonly feedbackDate: CalendarDate;
  /** The last period listed is the one holding this day (at least the first period is listed). */
  readonly through: CalendarDate;
  readonly calendar: WorkingDayCalendar;
}

/** The period of the cycle that holds `day` (on or after the feedback date), with its due day. */
export function periodHolding(
  o: Pick<ReportingPeriodsOptions, "cadence" | "feedbackDate" | "calendar">,
  day: CalendarDate,
): ReportingPeriod {
  const from = day < o.feedbackDate ? o.feedbackDate : day;
  const span = naturalSpan(o.cadence, from, o.feedbackDate);
  const start = span.start < o.feedbackDate ? o.feedbackDate : span.start;
  const due = o.calendar.addWorkingDays(span.end, REPORT_DUE_WORKING_DAYS[o.cadence]);
  return {
    key: o.cadence === "monthly" ? span.start.slice(0, 7) : weekKey(span.start),
    label: periodLabel(o.cadence, span.start, span.end),
    start,
    end: span.end,
    due: due.value,
    holidayData: due.warning,
  };
}

/** The periods from the feedback date through the one holding `through`, in order, tiling the days without gaps. */
export function reportingPeriods(o: ReportingPeriodsOptions): ReportingPeriod[] {
  const periods = [periodHolding(o, o.feedbackDate)];
  for (;;) {
    const last = periods[periods.length - 1] as ReportingPeriod;
    if (last.end >= o.through) return periods;
    periods.push(periodHolding(o, addDays(last.end, 1)));
  }
}

/** The measure facts the cycle needs. */
export type CycleMeasure = Pick<Measure, "id" | "kind" | "state" | "closedAt" | "departmentId">;

/**
 * True when the measure must report in the period: it was not closed before the period began. A long-term measure
 * always reports (长期坚持: a closed stage does not end it); a measure closed without a recorded time (carried in by an
 * import as done) never does.
 */
export function mustReport(measure: CycleMeasure, period: ReportingPeriod): boolean {
  if (measure.kind === "long_term" || measure.state !== "closed") return true;
  return measure.closedAt !== null && shanghaiDateOf(measure.closedAt) >= period.start;
}

export type ReportStanding = "on_time" | "late" | "missing";

/** A report as the cycle reads it: its label and when it was made. */
export type CycleReport = Pick<ProgressReport, "measureId" | "period" | "createdAt">;

/**
 * How one measure stands in a period: `on_time` when a report labelled for the period (its label's first day falls
 * in it, so a month label counts in the weekly period holding the 1st) was made by the due day, `late` when the only
 * such reports came after it, `missing` otherwise. Reports made after `asOf` are not yet known.
 */
export function reportStanding(
  period: ReportingPeriod,
  reports: readonly CycleReport[],
  asOf: CalendarDate,
): ReportStanding {
  let late = false;
  for (const r of reports) {
    const labelled = labelStart(r.period);
    const inPeriod = labelled >= period.start && labelled <= period.end;
    // The first period starts on the feedback date: a label of the feedback's month or week belongs to it.
    const ownFirst = r.period === period.key;
    if (!inPeriod && !ownFirst) continue;
    const made = shanghaiDateOf(r.createdAt);
    if (made > asOf) continue;
    if (made <= period.due) return "on_time";
    late = true;
  }
  return late ? "late" : "missing";
}

/** One department's standing in a period (departmentId null: measures without a 责任部门). */
export interface DepartmentReporting {
  readonly departmentId: string | null;
  /** Measures that had to report. */
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** Ids of the measures reported late and of those not reported at all, in the order given. */
  readonly lateIds: readonly string[];
  readonly missingIds: readonly string[];
}

export interface PeriodReporting {
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** Departments with a measure to report, those missing most first, then by id (null last). */
  readonly departments: readonly DepartmentReporting[];
}

/** The standing of every measure that must report in the period, per department. */
export function periodReporting(
  period: ReportingPeriod,
  measures: readonly CycleMeasure[],
  reportsByMeasure: ReadonlyMap<string, readonly CycleReport[]>,
  asOf: CalendarDate,
): PeriodReporting {
  const byDepartment = new Map<string | null, { onTime: number; lateIds: string[]; missingIds: string[] }>();
  for (const m of measures) {
    if (!mustReport(m, period)) continue;
    const entry = byDepartment.get(m.departmentId) ?? { onTime: 0, lateIds: [], missingIds: [] };
    byDepartment.set(m.departmentId, entry);
    const standing = reportStanding(period, reportsByMeasure.get(m.id) ?? [], asOf);
    if (standing === "on_time") entry.onTime += 1;
    else if (standing === "late") entry.lateIds.push(m.id);
    else entry.missingIds.push(m.id);
  }
  const departments = [...byDepartment].map(([departmentId, e]) => ({
    departmentId,
    required: e.onTime + e.lateIds.length + e.missingIds.length,
    onTime: e.onTime,
    late: e.lateIds.length,
    missing: e.missingIds.length,
    lateIds: e.lateIds,
    missingIds: e.missingIds,
  }));
  departments.sort(
    (a, b) =>
      b.missing - a.missing ||
      (a.departmentId === null ? 1 : 0) - (b.departmentId === null ? 1 : 0) ||
      (a.departmentId ?? "").localeCompare(b.departmentId ?? ""),
  );
  const sum = (f: (d: DepartmentReporting) => number) => departments.reduce((n, d) => n + f(d), 0);
  return {
    required: sum((d) => d.required),
    onTime: sum((d) => d.onTime),
    late: sum((d) => d.late),
    missing: sum((d) => d.missing),
    departments,
  };
}
