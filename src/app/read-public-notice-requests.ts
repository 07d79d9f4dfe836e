// Reading approval requests of public notices: an inspection's requests (报告与下载, for those who may export its
// ledger), the pending ones awaiting the caller's decision across their scope (工作台), and a request's files — the
// preview the leader approves, exactly as they would be published.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { mayCancelRequest, mayDecideRequest } from "../domain/public-notice-approval.ts";
import type { PublicNoticeRequest } from "../storage/store.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import type { EvidenceDeps, OpenedContent } from "./evidence-files.ts";
import { inspectionAccess } from "./measure-access.ts";
import { requestAccess, type RequestRef } from "./public-notice-request-access.ts";

/** A request with what the caller may do to it now (the page shows the buttons; the server checks again). */
export interface RequestForCaller {
  readonly request: PublicNoticeRequest;
  readonly mayDecide: boolean;
  readonly mayCancel: boolean;
}

/** At most this many pending requests are listed for a decision (a unit has at most one per inspection). */
const AWAITING_LIMIT = 50;

/** Every request of the inspection, newest first. */
export async function listPublicNoticeRequests(
  deps: Deps,
  caller: Caller,
  options: { readonly inspectionId: string },
): Promise<RequestForCaller[]> {
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "ledger.export");
  const requests = await deps.store.publicNoticeRequests.listByInspection(options.inspectionId);
  return requests.map((request) => ({
    request,
    mayDecide: mayDecideRequest(access.roles, caller.user.id, request),
    mayCancel: mayCancelRequest(access.roles, caller.user.id, request),
  }));
}

/** The pending requests in the caller's scope that the caller may approve or return, oldest first. */
export async function listRequestsAwaitingDecision(deps: Deps, caller: Caller): Promise<RequestForCaller[]> {
  const scope = await callerScope(deps.store, caller);
  const pending = await deps.store.publicNoticeRequests.listPending(scope, AWAITING_LIMIT);
  const awaiting: RequestForCaller[] = [];
  for (const request of pending) {
    // Few rows (one pending per inspection, capped): the roles are judged per inspection, as every decision is.
    const access = await inspectionAccess(deps.store, caller, request.inspectionId);
    if (!mayDecideRequest(access.roles, caller.user.id, request)) continue;
    awaiting.push({
      request,
      mayDecide: true,
      mayCancel: mayCancelRequest(access.roles, caller.user.id, request),
    });
  }
  return awaiting;
}

/** One of a request's files, whatever its state (the record stays readable), for those who may export the ledger. */
export async function openPublicNoticeRequestFile(
  deps: EvidenceDeps,
  caller: Caller,
  options: RequestRef & { readonly format: "docx" | "html" },
): Promise<{ request: PublicNoticeRequest; sha256: string } & OpenedContent> {
  const { request } = await requestAccess(deps, caller, options, "ledger.export");
  const file = request[options.format];
  const opened = await deps.files.open(file.sha256);
  if (opened === undefined) {
    throw new DomainError("public_notice_content_missing", "通报的文件内容缺失，请联系系统管理员");
  }
  return { request, sha256: file.sha256, ...opened };
}
