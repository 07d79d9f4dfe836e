// Supervision of an inspection over HTTP (督办): its deadline profile (If-Match on the profile's version, ETag in
// the answer), its warning board, the 督办通知 issued from it (a file, as an attachment) and the register of the
// ladder's steps (replies, 告诫, 约谈). Everything outside the caller's scope answers 404. Paths and schemas:
// shared/supervision-routes.ts.

import { getDeadlineProfile, setDeadlineProfile } from "../../app/deadline-profile.ts";
import { escalateSupervision } from "../../app/escalate-supervision.ts";
import { issueSupervisionNotice, type SupervisionNoticeDeps } from "../../app/issue-supervision-notice.ts";
import { ladderStepsOf, listSupervisionActions } from "../../app/list-supervision-actions.ts";
import { recordSupervisionReply } from "../../app/record-supervision-reply.ts";
import { replyStatus, type LadderStep, type SupervisionAction } from "../../domain/supervision-ladder.ts";
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

const presentEntry =
  (steps: ReadonlyMap<string, LadderStep>) =>
  ({ measure: { measure: m, problem }, warning }: BoardEntry) => ({
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
    ladder: steps.get(m.id) ?? null,
  });

/** A register entry as the API answers it: 告诫 and 约谈 details under their own names. */
export const presentAction = (
  a: SupervisionAction & { replyStatus?: ReturnType<typeof replyStatus> },
  today: string,
) => {
  const { details, ...rest } = a;
  return {
    ...rest,
    replyStatus: a.replyStatus ?? replyStatus(a, today),
    admonition: a.kind === "admonition" && details && "content" in details ? details : null,
    talk: a.kind === "talk" && details && "heldOn" in details ? details : null,
  };
};

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
    // Read after the board: a step recorded in between shows on a measure the board already judged, never the reverse.
    const steps = await ladderStepsOf(deps.store, found.inspectionId);
    const present = presentEntry(steps);
    return {
      inspectionId: found.inspectionId,
      asOf: found.asOf,
      thresholds: found.thresholds,
      groups: {
        overdue: groups.overdue.map(present),
        red: groups.red.map(present),
        yellow: groups.yellow.map(present),
        green: groups.green.map(present),
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
    reply.header("x-doc-number", encodeURIComponent(issued.docNumber));
    reply.header("x-supervision-action", issued.actionId);
    return sendAttachment(
      reply.header("x-reply-by", issued.replyBy),
      issued,
      SUPERVISION_NOTICE_MEDIA_TYPES[issued.format],
    );
  });

  route(API.listSupervisionActions, async ({ request, params }) => {
    const register = await listSupervisionActions(deps, callerOf(request), { inspectionId: params.id });
    return { ...register, items: register.items.map((a) => presentAction(a, register.asOf)) };
  });

  route(API.escalateSupervision, async ({ request, params }) => {
    const action = await escalateSupervision(deps, callerOf(request), {
      inspectionId: params.id,
      request: (request.body ?? {}) as never,
    });
    return presentAction(action, deps.clock.today());
  });

  route(API.recordSupervisionReply, async ({ request, params }) => {
    const action = await recordSupervisionReply(deps, callerOf(request), {
      actionId: params.id,
      request: (request.body ?? {}) as never,
    });
    return presentAction(action, deps.clock.today());
  });
}
