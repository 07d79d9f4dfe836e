// The working-day calendar (工作日): Chinese public holidays and 调休 make-up working days from a holiday table,
// the administrator's overrides on top. Pure arithmetic on CalendarDate; never the machine's time zone or clock.

import { dateParts, isCalendarDate, type CalendarDate } from "./calendar-date.ts";

export const DAY_KINDS = ["working", "holiday"] as const;
/** working 上班 (a weekday, or a weekend made a 调休 working day); holiday 放假 (a public holiday or its bridge). */
export type DayKind = (typeof DAY_KINDS)[number];

/** One declared day: from the holiday table (State Council notice) or the administrator's override table. */
export interface DayRule {
  readonly day: CalendarDate;
  readonly kind: DayKind;
  /** The holiday it belongs to (春节, 国庆节…), or the administrator's note. */
  readonly name: string;
}

/** An administrator's override as stored (the table calendar_overrides): who entered it, and when. */
export interface CalendarOverride extends DayRule {
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  /** The user who entered it. */
  readonly createdBy: string;
}

/**
 * The shape of chinese-days' data file (`chinese-days/dist/chinese-days.json`): date → "English,中文,days".
 * `holidays` are days off (weekends inside a holiday block included), `workdays` the 调休 working weekends.
 */
export interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

/**
 * The rules of the chinese-days data file. Its data is used rather than its functions: those parse dates in the
 * machine's time zone (under TZ=America/Los_Angeles, getDayDetail("2024-10-01") answers for 2024-09-30).
 */
export function holidayRulesFromChineseDays(data: ChineseDaysData): DayRule[] {
  const rules = (table: Readonly<Record<string, string>>, kind: DayKind): DayRule[] =>
    Object.entries(table)
      .filter(([day]) => isCalendarDate(day))
      .map(([day, label]) => ({ day, kind, name: label.split(",")[1] ?? label }));
  return [...rules(data.holidays, "holiday"), ...rules(data.workdays, "working")];
}

/** Where the answer about a day comes from. */
export type DaySource = "override" | "holiday_table" | "weekday_rule";

export interface DayDescription {
  readonly day: CalendarDate;
  readonly working: boolean;
  /** The holiday or override name; null for an ordinary weekday or weekend. */
  readonly name: string | null;
  readonly source: DaySource;
  /** False when the day's year has no holiday data: the answer is the Monday–Friday guess. */
  readonly covered: boolean;
}

/** A computation that crossed years without holiday data: its result assumed Monday–Friday working days there. */
export interface HolidayDataWarning {
  readonly code: "holiday_data_missing";
  readonly years: readonly number[];
  /** Chinese, safe to show. */
  readonly message: string;
}

export interface WorkingDayResult<T> {
  readonly value: T;
  /** Non-null when the span crossed a year without holiday data (the value is then a guess, said so). */
  readonly warning: HolidayDataWarning | null;
}

export interface WorkingDayCalendar {
  isWorkingDay(day: CalendarDate): boolean;
  describeDay(day: CalendarDate): DayDescription;
  /**
   * The date "n个工作日内" ends on, counted from `start`: the n-th working day after `start` (the count starts the
   * next day, as official practice does; `start` itself never counts). n = 0 gives `start`. n must be a
   * non-negative integer.
   */
  addWorkingDays(start: CalendarDate, n: number): WorkingDayResult<CalendarDate>;
  /**
   * Working days in (from, to] when `to` is not before `from`; minus the working days in (to, from] otherwise.
   * The inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) = n.
   */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): WorkingDayResult<number>;
  /** Years with holiday data (the table's, plus any year with an override), ascending. */
  coveredYears(): readonly number[];
  /** The warning for a span (from, to] (either order), or null when every year in it has holiday data. */
  warningFor(from: CalendarDate, to: CalendarDate): HolidayDataWarning | null;
}

export interface WorkingDayCalendarOptions {
  /** The holiday table, usually holidayRulesFromChineseDays(chineseDaysData). */
  readonly holidays: readonly DayRule[];
  /** The administrator's overrides; they win over the table. A later rule for the same day wins. */
  readonly overrides?: readonly DayRule[];
}

const MS_PER_DAY = 86_400_000;
/** Day number of 1970-01-05, a Monday. */
const FIRST_MONDAY = 4;

function dayNumber(day: CalendarDate): number {
  if (!isCalendarDate(day)) throw new RangeError(`not a calendar date: ${day}`);
  const { year, month, day: d } = dateParts(day);
  return Date.UTC(year, month - 1, d) / MS_PER_DAY;
}

const fromDayNumber = (n: number): CalendarDate => new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (n: number): number => (((n - FIRST_MONDAY) % 7) + 7) % 7;
const isWeekdayNumber = (n: number): boolean => weekdayOf(n) < 5;

/** Monday–Friday days in [FIRST_MONDAY, n] (negative before it): only differences between two values matter. */
function weekdaysThrough(n: number): number {
  const days = n - FIRST_MONDAY + 1;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

const yearOf = (n: number): number => new Date(n * MS_PER_DAY).getUTCFullYear();

/** The Chinese warning for these years. */
export function holidayDataWarning(years: readonly number[]): HolidayDataWarning | null {
  if (years.length === 0) return null;
  return {
    code: "holiday_data_missing",
    years,
    message: `${years.map((y) => `${y}年`).join("、")}的法定节假日和调休安排尚未录入，相关日期暂按周一至周五为工作日推算，可能不准确；请管理员录入当年的放假安排后再核对。`,
  };
}

/**
 * Builds the calendar. Precedence for a day: override, then holiday table, then the weekday rule (Monday–Friday
 * working). Counting uses prefix sums over the days that differ from the weekday rule, so that a count over
 * years costs a binary search, not a walk (warning states for 100,000 measures are computed at once).
 */
export function workingDayCalendar(options: WorkingDayCalendarOptions): WorkingDayCalendar {
  const rules = new Map<number, DayRule & { source: DaySource }>();
  const covered = new Set<number>();
  for (const rule of options.holidays) {
    const n = dayNumber(rule.day);
    rules.set(n, { ...rule, source: "holiday_table" });
    covered.add(yearOf(n));
  }
  for (const rule of options.overrides ?? []) {
    const n = dayNumber(rule.day);
    rules.set(n, { ...rule, source: "override" });
    covered.add(yearOf(n));
  }
  // The days whose answer differs from the weekday rule: +1 a working weekend, -1 a weekday off.
  const exceptions = [...rules]
    .map(([n, rule]) => ({ n, delta: (rule.kind === "working" ? 1 : 0) - (isWeekdayNumber(n) ? 1 : 0) }))
    .filter((e) => e.delta !== 0)
    .sort((a, b) => a.n - b.n);
  const exceptionDays = exceptions.map((e) => e.n);
  const prefix: number[] = [];
  let sum = 0;
  for (const e of exceptions) prefix.push((sum += e.delta));

  /** Sum of the deltas of exceptions on or before day n. */
  const deltaThrough = (n: number): number => {
    let lo = 0;
    let hi = exceptionDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (exceptionDays[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : prefix[lo - 1]!;
  };
  /** Working days up to and including day n, from an arbitrary origin. */
  const workingIndex = (n: number): number => weekdaysThrough(n) + deltaThrough(n);

  const isWorking = (n: number): boolean => {
    const rule = rules.get(n);
    return rule ? rule.kind === "working" : isWeekdayNumber(n);
  };

  const coveredYears = [...covered].sort((a, b) => a - b);
  const warningForNumbers = (a: number, b: number): HolidayDataWarning | null => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    if (lo === hi) return null;
    const missing: number[] = [];
    for (let y = yearOf(lo + 1); y <= yearOf(hi); y++) if (!covered.has(y)) missing.push(y);
    return holidayDataWarning(missing);
  };

  return {
    isWorkingDay: (day) => isWorking(dayNumber(day)),
    describeDay(day) {
      const n = dayNumber(day);
      const rule = rules.get(n);
      return {
        day,
        working: isWorking(n),
        name: rule?.name ?? null,
        source: rule?.source ?? "weekday_rule",
        covered: covered.has(yearOf(n)),
      };
    },
    addWorkingDays(start, count) {
      if (!Number.isSafeInteger(count) || count < 0) {
        throw new RangeError(`working days must be a non-negative integer: ${count}`);
      }
      const s = dayNumber(start);
      const target = workingIndex(s) + count;
      // At most one working day per calendar day, so the answer is at least s + count; gallop, then bisect.
      let lo = s + count - 1;
      let step = Math.max(count, 7);
      let hi = s + count;
      while (workingIndex(hi) < target) {
        lo = hi;
        hi += step;
        step *= 2;
      }
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (workingIndex(mid) >= target) hi = mid;
        else lo = mid;
      }
      return { value: fromDayNumber(hi), warning: warningForNumbers(s, hi) };
    },
    workingDaysBetween(from, to) {
      const a = dayNumber(from);
      const b = dayNumber(to);
      return { value: workingIndex(b) - workingIndex(a), warning: warningForNumbers(a, b) };
    },
    coveredYears: () => coveredYears,
    warningFor: (from, to) => warningForNumbers(dayNumber(from), dayNumber(to)),
  };
}

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const UTC_BEFORE_16 = /^(\d{4}-\d{2}-\d{2})T(?:0\d|1[0-5]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Asia/Shanghai calendar date of an ISO-8601 instant ("2024-09-30T16:30:00Z" → 2024-10-01). The instant must
 * carry its offset: a bare local time would be read in the machine's time zone.
 */
export function shanghaiDateOf(instant: string): CalendarDate {
  // Fast path for what the store holds (UTC, "…Z") before 16:00 UTC: the same calendar day in Shanghai. Counting
  // 按期完成率 over a province's closed measures is dominated by this call otherwise.
  const utc = UTC_BEFORE_16.exec(instant);
  if (utc?.[1] !== undefined && isCalendarDate(utc[1])) return utc[1];
  const ms = ISO_INSTANT.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant with an offset: ${instant}`);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
