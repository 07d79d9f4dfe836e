// The working-day calendar as a port of the use cases: the holiday table (loaded by the composition root) with the
// administrator's overrides as stored now. Rebuilt only when the overrides differ from those it was built with.

import { workingDayCalendar, type DayRule, type WorkingDayCalendar } from "../domain/working-days.ts";
import type { Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

export interface CalendarSource {
  /**
   * The calendar with the overrides stored in `repos` now (one small read each call, so that an override entered
   * on another app node counts at once); the calendar itself is rebuilt only when those overrides changed.
   */
  current(repos: Pick<Repositories, "calendarOverrides">): Promise<WorkingDayCalendar>;
}

/** Deps of the use cases that count working days or judge deadlines. */
export interface CalendarDeps extends Deps {
  readonly calendar: CalendarSource;
}

/** A calendar source over a holiday table (usually holidayRulesFromChineseDays of chinese-days' data file). */
export function cachedCalendarSource(holidays: readonly DayRule[]): CalendarSource {
  let built: { key: string; calendar: WorkingDayCalendar } | null = null;
  return {
    async current(repos) {
      const overrides = await repos.calendarOverrides.list();
      const key = overrides.map((o) => `${o.day}|${o.kind}|${o.name}`).join("\n");
      if (built === null || built.key !== key) {
        built = { key, calendar: workingDayCalendar({ holidays, overrides }) };
      }
      return built.calendar;
    },
  };
}
