// Calendar dates as ISO strings (YYYY-MM-DD, Asia/Shanghai calendar days): validation and arithmetic without Date's time zones.

/** A calendar date `YYYY-MM-DD`. Plain strings compare in date order. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True when `s` is a real calendar date written `YYYY-MM-DD` (2021-02-29 is not). */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Builds a date from its parts; returns undefined for impossible dates (2月30日). */
export function makeCalendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The last day of a month (2021, 2) → 2021-02-28. */
export const endOfMonth = (year: number, month: number): CalendarDate =>
  makeCalendarDate(year, month, daysInMonth(year, month)) as CalendarDate;

function parts(date: CalendarDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Adds whole months, clamping to the month's end (2021-01-31 + 1 month → 2021-02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return makeCalendarDate(year, month, Math.min(d, daysInMonth(year, month))) as CalendarDate;
}

/** Adds calendar days (negative to go back). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** Year, month and day of a date, for display ("2021年3月4日"). */
export const dateParts = (date: CalendarDate): { year: number; month: number; day: number } => {
  const [year, month, day] = parts(date);
  return { year, month, day };
};

/** The first instant of an Asia/Shanghai calendar day as ISO UTC ("2021-06-30" → "2021-06-29T16:00:00.000Z"). */
export const startOfShanghaiDay = (date: CalendarDate): string =>
  new Date(`${date}T00:00:00+08:00`).toISOString();
