// Supervision of an inspection over HTTP (督办): its deadline profile (If-Match on the profile's version, ETag in
// the answer), its warning board and the 督办通知 issued from it (a file, as an attachment). Everything outside the
// caller's scope answers 404. Paths and schemas: shared/supervision-routes.ts.

import { getDeadlineProfile, setDeadlineProfile } from "../../app/deadline-profile.ts";
import { issueSupervisionNotice, type SupervisionNoticeDeps } from "../../app/issue-supervision-notice.ts";
import { getInspectionWarnings, type InspectionWarnings } from "../../app/measure-warnings.ts";
import {
  SUPERVISION_NOTICE_MEDIA_TYPES,
  SUPERVISION_ROUTES as API,
} from "../../shared/supervision-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";
import { sendAttachment } from "./downloads.ts";

type BoardEntry = InspectionWarnings["board"]["groups"]["red"][number];

const presentEntry = ({ measure: { measure: m, problem }, warning }: BoardEntry) => ({
  measureId: m.id,
  problemId: problem.id,
  problemSeq: problem.seq,
  problemTitle: problem.title,
  seq: m.seq,
  text: m.text,
  kind: m.kind,
  state: m.state,
  departmentId: m.departmentId,
  deadline: m.deadline,
  warning,
});

export function supervisionRoutes(route: ContractRouter, deps: SupervisionNoticeDeps): void {
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

  route(API.getInspectionWarnings, async ({ request, params, query }) => {
    const found = await getInspectionWarnings(deps, callerOf(request), {
      inspectionId: params.id,
      ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
    });
    const { groups, counts, holidayData } = found.board;
    return {
      inspectionId: found.inspectionId,
      asOf: found.asOf,
      thresholds: found.thresholds,
      groups: {
        overdue: groups.overdue.map(presentEntry),
        red: groups.red.map(presentEntry),
        yellow: groups.yellow.map(presentEntry),
        green: groups.green.map(presentEntry),
      },
      counts,
      completion: found.completion,
      holidayData,
    };
  });

  route(API.issueSupervisionNotice, async ({ request, reply, params }) => {
    // The use case validates the body (Chinese messages per field).
    const issued = await issueSupervisionNotice(deps, callerOf(request), {
      inspectionId: params.id,
      request: request.body ?? {},
    });
    // The reply date counted across a year without holiday data is a guess: the years are named (the calendar's warning).
    if (issued.holidayData) reply.header("x-holiday-data-missing", issued.holidayData.years.join(","));
    return sendAttachment(
      reply.header("x-reply-by", issued.replyBy),
      issued,
      SUPERVISION_NOTICE_MEDIA_TYPES[issued.format],
    );
  });
}
