// The reporting cycle over HTTP (进展报送): periods and missing reports by department, and the monthly progress
// bulletin of a unit or a round (a file, as an attachment). Paths and schemas: shared/reporting-routes.ts; everything
// outside the caller's scope answers 404.

import { generateMonthlyBulletin, type BulletinDeps } from "../../app/monthly-bulletin.ts";
import { getReportingCycle } from "../../app/reporting-cycle.ts";
import { summarizeCompletion } from "../../app/reporting-cycle-completion.ts";
import { summarizeReporting } from "../../app/reporting-cycle-overview.ts";
import { BULLETIN_MEDIA_TYPES } from "../../shared/reporting-bulletin-input.ts";
import { REPORTING_ROUTES as API } from "../../shared/reporting-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { sendAttachment } from "./downloads.ts";

export function reportingRoutes(route: ContractRouter, deps: BulletinDeps): void {
  route(API.getReportingCycle, async ({ request, params, query }) =>
    getReportingCycle(deps, callerOf(request), {
      inspectionId: params.id,
      ...(query.period === undefined ? {} : { period: query.period }),
      ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
    }),
  );

  route(API.summarizeCompletion, async ({ request }) => summarizeCompletion(deps, callerOf(request)));
  route(API.summarizeReporting, async ({ request }) => summarizeReporting(deps, callerOf(request)));

  // The use case validates the bodies (Chinese messages per field).
  route(API.generateBulletin, async ({ request, reply, params }) => {
    const made = await generateMonthlyBulletin(deps, callerOf(request), {
      inspectionId: params.id,
      request: (request.body ?? {}) as never,
    });
    return sendAttachment(reply, made, BULLETIN_MEDIA_TYPES[made.format]);
  });

  route(API.generateRoundBulletin, async ({ request, reply }) => {
    const made = await generateMonthlyBulletin(deps, callerOf(request), {
      request: (request.body ?? {}) as never,
    });
    return sendAttachment(reply, made, BULLETIN_MEDIA_TYPES[made.format]);
  });
}
