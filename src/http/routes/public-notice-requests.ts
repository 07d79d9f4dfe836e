// Approval of public notices (公开通报审批): submit, the inspection's requests, those awaiting the caller, approve,
// return, cancel, and a request's files for the leader's preview — the HTML inline under the same CSP as the published
// notice's (no script, no request, framable only by this app's page) but private (the API's no-store stays).
// Paths and schemas: shared/public-notice-request-routes.ts.

import type { FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import { cancelPublicNoticeRequest } from "../../app/cancel-public-notice-request.ts";
import {
  approvePublicNoticeRequest,
  returnPublicNoticeRequest,
} from "../../app/decide-public-notice-request.ts";
import {
  listPublicNoticeRequests,
  listRequestsAwaitingDecision,
  openPublicNoticeRequestFile,
  type RequestForCaller,
} from "../../app/read-public-notice-requests.ts";
import type { PublicNoticeDeps } from "../../app/render-public-notice.ts";
import { submitPublicNoticeRequest } from "../../app/submit-public-notice-request.ts";
import {
  returnPublicNoticeRequestSchema,
  submitPublicNoticeRequestSchema,
} from "../../shared/public-notice-request-models.ts";
import { PUBLIC_NOTICE_REQUEST_ROUTES as API } from "../../shared/public-notice-request-routes.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { NOTICE_HTML_CSP, sendNoticeFile } from "./public-notices.ts";

/** Runs after the app's security headers: the preview is framed by the reports page, and nothing in it may run. */
const previewHtml: onSendHookHandler = (_request, reply, payload, done) => {
  if (reply.statusCode === 200) {
    void reply.header("content-security-policy", NOTICE_HTML_CSP);
    void reply.header("x-frame-options", "SAMEORIGIN");
  }
  done(null, payload);
};

type PublicNoticeRequest = RequestForCaller["request"];

const fileBase = (r: PublicNoticeRequest) =>
  `/api/v1/inspections/${encodeURIComponent(r.inspectionId)}/public-notice-requests/${encodeURIComponent(r.id)}`;

const view = ({ request: r, mayDecide, mayCancel }: RequestForCaller) => ({
  id: r.id,
  inspectionId: r.inspectionId,
  unitName: r.unitName,
  title: r.title,
  issuedOn: r.issuedOn,
  layout: r.layout,
  contact: r.contact,
  options: r.options,
  files: {
    docx: { size: r.docx.size, sha256: r.docx.sha256, path: `${fileBase(r)}/file.docx` },
    html: { size: r.html.size, sha256: r.html.sha256, path: `${fileBase(r)}/file.html` },
  },
  submittedByName: r.submittedByName,
  submittedAt: r.submittedAt,
  state: r.state,
  decision:
    r.decision === null ? null : { at: r.decision.at, byName: r.decision.byName, reason: r.decision.reason },
  publicNoticeId: r.publicNoticeId,
  mayDecide,
  mayCancel,
});

/** A request the caller just ended: nothing more may be done to it. */
const ended = (request: PublicNoticeRequest) => view({ request, mayDecide: false, mayCancel: false });

async function sendFile(
  deps: PublicNoticeDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  ref: { inspectionId: string; requestId: string },
  format: "docx" | "html",
): Promise<FastifyReply> {
  const opened = await openPublicNoticeRequestFile(deps, callerOf(request), { ...ref, format });
  return sendNoticeFile(request, reply, opened, format, {
    name: `${opened.request.title}（待审批）.docx`,
    asciiName: `public-notice-request-${ref.requestId}.docx`,
  });
}

export function publicNoticeRequestRoutes(route: ContractRouter, deps: PublicNoticeDeps): void {
  route(API.submitPublicNoticeRequest, async ({ request, params: { id } }) => {
    const wanted = parseInput(submitPublicNoticeRequestSchema, request.body ?? {}, "公开版选项");
    const submitted = await submitPublicNoticeRequest(deps, callerOf(request), {
      inspectionId: id,
      ...wanted,
    });
    return view({ request: submitted, mayDecide: false, mayCancel: true });
  });
  route(API.listPublicNoticeRequests, async ({ request, params: { id } }) => ({
    items: (await listPublicNoticeRequests(deps, callerOf(request), { inspectionId: id })).map(view),
  }));
  route(API.listRequestsAwaitingDecision, async ({ request }) => ({
    items: (await listRequestsAwaitingDecision(deps, callerOf(request))).map(view),
  }));
  route(API.approvePublicNoticeRequest, async ({ request, params: { id, rid } }) => {
    const approved = await approvePublicNoticeRequest(deps, callerOf(request), {
      inspectionId: id,
      requestId: rid,
    });
    return ended(approved.request);
  });
  route(API.returnPublicNoticeRequest, async ({ request, params: { id, rid } }) => {
    const { reason } = parseInput(returnPublicNoticeRequestSchema, request.body ?? {}, "退回理由");
    return ended(
      await returnPublicNoticeRequest(deps, callerOf(request), { inspectionId: id, requestId: rid, reason }),
    );
  });
  route(API.cancelPublicNoticeRequest, async ({ request, params: { id, rid } }) => {
    return ended(
      await cancelPublicNoticeRequest(deps, callerOf(request), { inspectionId: id, requestId: rid }),
    );
  });
  route(
    API.downloadPublicNoticeRequestHtml,
    ({ request, reply, params: { id, rid } }) =>
      sendFile(deps, request, reply, { inspectionId: id, requestId: rid }, "html"),
    { onSend: previewHtml },
  );
  route(API.downloadPublicNoticeRequestDocx, ({ request, reply, params: { id, rid } }) =>
    sendFile(deps, request, reply, { inspectionId: id, requestId: rid }, "docx"),
  );
}
