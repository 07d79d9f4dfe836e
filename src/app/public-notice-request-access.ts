// One approval request of a public notice as the caller may reach it: the inspection visible to them (else
// inspection_not_found), the action allowed by their roles over it (else 403, before anything else is read), and the
// request belonging to that inspection (else public_notice_request_not_found); and ending a pending request once.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction, type Action } from "../domain/permissions.ts";
import { requestDecided } from "../domain/public-notice-approval.ts";
import type { PublicNoticeRequest, Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess, type InspectionAccess } from "./measure-access.ts";

export interface RequestRef {
  readonly inspectionId: string;
  readonly requestId: string;
}

export const requestNotFound = (): DomainError =>
  new DomainError("public_notice_request_not_found", "未找到该公开通报审批申请（或无权查看）");

export async function requestAccess(
  deps: Deps,
  caller: Caller,
  ref: RequestRef,
  action: Action,
): Promise<InspectionAccess & { request: PublicNoticeRequest }> {
  const access = await inspectionAccess(deps.store, caller, ref.inspectionId);
  requireAction(access.roles, action);
  const request = await deps.store.publicNoticeRequests.get(ref.requestId);
  if (request === undefined || request.inspectionId !== ref.inspectionId) throw requestNotFound();
  return { ...access, request };
}

/** Ends the pending request in `tx`; when someone else ended it first, says what became of it. */
export async function endPendingRequest(
  tx: Repositories,
  request: PublicNoticeRequest,
  outcome: Parameters<Repositories["publicNoticeRequests"]["decide"]>[1],
): Promise<PublicNoticeRequest> {
  if (!(await tx.publicNoticeRequests.decide(request.id, outcome))) {
    const now = await tx.publicNoticeRequests.get(request.id);
    throw requestDecided(now === undefined || now.state === "pending" ? "cancelled" : now.state);
  }
  return { ...request, ...outcome };
}
