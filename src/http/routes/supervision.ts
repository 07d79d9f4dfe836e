// Supervision of an inspection over HTTP (督办): its deadline profile (If-Match on the profile's version, ETag in
// the answer). Everything outside the caller's scope answers 404. Paths and schemas: shared/supervision-routes.ts.

import { getDeadlineProfile, setDeadlineProfile } from "../../app/deadline-profile.ts";
import type { CalendarDeps } from "../../app/working-calendar.ts";
import { SUPERVISION_ROUTES as API } from "../../shared/supervision-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";

export function supervisionRoutes(route: ContractRouter, deps: CalendarDeps): void {
  route(API.getDeadlineProfile, async ({ request, reply, params }) => {
    const profile = await getDeadlineProfile(deps, callerOf(request), { inspectionId: params.id });
    sendVersion(reply, profile.version);
    return profile;
  });

  route(API.setDeadlineProfile, async ({ request, reply, params }) => {
    const profile = await setDeadlineProfile(deps, callerOf(request), {
      inspectionId: params.id,
      expectedVersion: expectedVersionOf(request),
      input: (request.body ?? {}) as never,
    });
    sendVersion(reply, profile.version);
    return profile;
  });
}
