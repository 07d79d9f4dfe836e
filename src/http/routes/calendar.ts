// The working-day calendar's overrides over HTTP (administrators only; every write audited). Thin: parse, call the
// use case, answer. Paths and schemas: shared/supervision-routes.ts and shared/calendar-import-routes.ts.

import {
  deleteCalendarOverride,
  listCalendarOverrides,
  setCalendarOverride,
} from "../../app/calendar-overrides.ts";
import { importCalendarNotice } from "../../app/import-calendar-notice.ts";
import type { CalendarDeps } from "../../app/working-calendar.ts";
import { CALENDAR_IMPORT_ROUTES } from "../../shared/calendar-import-routes.ts";
import { SUPERVISION_ROUTES as API } from "../../shared/supervision-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function calendarRoutes(route: ContractRouter, deps: CalendarDeps): void {
  route(API.listCalendarOverrides, async ({ request, query }) =>
    listCalendarOverrides(deps, callerOf(request), {
      ...(query.from === undefined ? {} : { from: query.from }),
      ...(query.to === undefined ? {} : { to: query.to }),
    }),
  );

  route(API.setCalendarOverride, async ({ request, params }) =>
    setCalendarOverride(deps, callerOf(request), { day: params.day, input: (request.body ?? {}) as never }),
  );

  route(API.deleteCalendarOverride, async ({ request, reply, params }) => {
    await deleteCalendarOverride(deps, callerOf(request), { day: params.day });
    return reply.status(204).send();
  });

  route(CALENDAR_IMPORT_ROUTES.importCalendarNotice, async ({ request }) =>
    importCalendarNotice(deps, callerOf(request), { input: (request.body ?? {}) as never }),
  );
}
