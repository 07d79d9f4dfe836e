// The reporting cycle over HTTP (进展报送): periods and missing reports by department. Paths and schemas:
// shared/reporting-routes.ts; everything outside the caller's scope answers 404.

import { getReportingCycle } from "../../app/reporting-cycle.ts";
import type { CalendarDeps } from "../../app/working-calendar.ts";
import { REPORTING_ROUTES as API } from "../../shared/reporting-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function reportingRoutes(route: ContractRouter, deps: CalendarDeps): void {
  route(API.getReportingCycle, async ({ request, params, query }) =>
    getReportingCycle(deps, callerOf(request), {
      inspectionId: params.id,
      ...(query.period === undefined ? {} : { period: query.period }),
      ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
    }),
  );
}
