// When a daily job is due: a time of day in Asia/Shanghai (UTC+8, no daylight saving), and the days a stopped
// scheduler missed. Pure: now is passed in.

import { addDays, daysBetween, type CalendarDate } from "./calendar-date.ts";

/** A time of day in Asia/Shanghai. */
export interface DailyTime {
  readonly hour: number;
  readonly minute: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Parses "HH:MM" (00:00–23:59); undefined when it is not one. */
export function parseDailyTime(text: string): DailyTime | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}

/**
 * The Shanghai date of the latest run due at or before `now` (ISO UTC): today's once the time of day has come,
 * else yesterday's.
 */
export function latestDueDay(now: string, at: DailyTime): CalendarDate {
  const ms = Date.parse(now) + SHANGHAI_OFFSET_MS - (at.hour * 60 + at.minute) * 60_000;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${now}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant (ISO UTC) a daily run of `day` is due. */
export function dueAt(day: CalendarDate, at: DailyTime): string {
  const ms = Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + (at.hour * 60 + at.minute) * 60_000;
  return new Date(ms).toISOString();
}

/**
 * The days after `lastDone` up to `due` (inclusive) that had no run, oldest first, at most `limit` (the newest
 * kept); every day up to `due` when nothing ran yet is not a miss (a new install starts with `due` alone).
 */
export function missedDays(lastDone: CalendarDate | null, due: CalendarDate, limit = 31): CalendarDate[] {
  if (lastDone === null) return [due];
  const gap = daysBetween(lastDone, due);
  const days: CalendarDate[] = [];
  for (let i = Math.max(1, gap - limit + 1); i <= gap; i += 1) days.push(addDays(lastDone, i));
  return days;
}
