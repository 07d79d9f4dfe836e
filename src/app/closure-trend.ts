// 销号趋势 for the dashboard: measures closed per week over the caller's scope, the last N weeks.

import { startOfShanghaiDay, type CalendarDate } from "../domain/calendar-date.ts";
import { closuresPerWeek, trendStart, type WeekClosures } from "../domain/closure-trend.ts";
import type { Caller } from "../domain/account.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";

export interface ClosureTrend {
  readonly asOf: CalendarDate;
  readonly weeks: readonly WeekClosures[];
}

export async function closureTrend(deps: Deps, caller: Caller, weeks: number): Promise<ClosureTrend> {
  const scope = await callerScope(deps.store, caller);
  const asOf = deps.clock.today();
  const since = startOfShanghaiDay(trendStart(asOf, weeks));
  const hours = await deps.store.statistics.closuresByHour(scope, { since });
  return { asOf, weeks: closuresPerWeek(hours, asOf, weeks) };
}
