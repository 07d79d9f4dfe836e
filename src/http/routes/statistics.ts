// Figures for the dashboard beside the inspections' totals: the closures per week (销号趋势).

import { closureTrend } from "../../app/closure-trend.ts";
import type { Deps } from "../../app/deps.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function statisticsRoutes(route: ContractRouter, deps: Deps): void {
  route(API.closureTrend, ({ request, query }) => closureTrend(deps, callerOf(request), query.weeks ?? 12));
}
