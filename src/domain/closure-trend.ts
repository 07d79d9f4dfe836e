// 销号趋势: measures closed per week (Monday to Sunday, Asia/Shanghai) over the last N weeks, for the dashboard's
// trend. Pure: the store counts closures per UTC hour (a bounded number of rows whatever the ledger's size), this
// turns the hours into Shanghai days and weeks and fills the weeks without a closure with 0.

import { addDays, daysBetween, type CalendarDate } from "./calendar-date.ts";

/** Closures within one UTC hour: `hour` is "YYYY-MM-DDTHH". */
export interface ClosureHour {
  readonly hour: string;
  readonly closed: number;
}

export interface WeekClosures {
  /** The Monday the week starts on (Shanghai). */
  readonly weekStart: CalendarDate;
  readonly closed: number;
}

/** Monday of the week holding `date` (ISO weeks start on Monday). */
export function mondayOf(date: CalendarDate): CalendarDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The first week's Monday: `weeks` weeks ending with the week of `today`. */
export function trendStart(today: CalendarDate, weeks: number): CalendarDate {
  return addDays(mondayOf(today), -7 * (weeks - 1));
}

/** UTC hour "YYYY-MM-DDTHH" → its Shanghai calendar day (UTC+8, no daylight saving). */
function shanghaiDayOfHour(hour: string): CalendarDate {
  const day = hour.slice(0, 10);
  return Number(hour.slice(11, 13)) >= 16 ? addDays(day, 1) : day;
}

/** `weeks` weeks ending with today's, oldest first; closures outside them are not counted. */
export function closuresPerWeek(
  hours: readonly ClosureHour[],
  today: CalendarDate,
  weeks: number,
): WeekClosures[] {
  const first = trendStart(today, weeks);
  const counts = new Array<number>(weeks).fill(0);
  for (const { hour, closed } of hours) {
    const index = Math.floor(daysBetween(first, shanghaiDayOfHour(hour)) / 7);
    if (index >= 0 && index < weeks) counts[index]! += closed;
  }
  return counts.map((closed, i) => ({ weekStart: addDays(first, 7 * i), closed }));
}
