// The unit leader's decision on a request to publish a public notice: 批准发布 publishes exactly the files generated at
// submission (no new rendering: the leader signed those bytes) and names the leader as the approver — on the public
// notice and on the generations in `publications`; 退回 ends the request with a required reason. Both audited, the
// submitter told in the inbox. Who may decide: domain/public-notice-approval.ts.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireDecision } from "../domain/public-notice-approval.ts";
import type { PublicNotice, PublicNoticeRequest } from "../storage/store.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import type { EvidenceDeps } from "./evidence-files.ts";
import { tellSubmitter } from "./notify-public-notice-request.ts";
import { endPendingRequest, requestAccess, type RequestRef } from "./public-notice-request-access.ts";

/** 批准发布: the request's files become the public notice; the approver is recorded. */
export async function approvePublicNoticeRequest(
  deps: EvidenceDeps,
  caller: Caller,
  ref: RequestRef,
): Promise<{ request: PublicNoticeRequest; notice: PublicNotice }> {
  const { request } = await decidable(deps, caller, ref);
  for (const file of [request.docx, request.html]) {
    if (!(await deps.files.has(file.sha256))) {
      throw new DomainError(
        "public_notice_content_missing",
        "待审批通报的文件内容缺失，不能发布：请退回后重新提交，或联系系统管理员",
      );
    }
  }
  const at = deps.clock.now();
  const approver = { by: caller.user.id, byName: caller.user.displayName };
  const notice: PublicNotice = {
    id: deps.ids.next("pn"),
    inspectionId: request.inspectionId,
    unitId: request.unitId,
    unitName: request.unitName,
    title: request.title,
    issuedOn: request.issuedOn,
    layout: request.layout,
    contact: request.contact,
    docx: request.docx,
    html: request.html,
    publishedBy: request.submittedBy,
    publishedByName: request.submittedByName,
    publishedAt: at,
    withdrawal: null,
    approval: { requestId: request.id, ...approver },
  };
  const approved = await deps.store.transaction(async (tx) => {
    await tx.publicNotices.insert(notice);
    const ended = await endPendingRequest(tx, request, {
      state: "approved",
      decision: { at, ...approver, reason: null },
      publicNoticeId: notice.id,
    });
    await tx.publications.setApprover(
      [request.docx.publicationId, request.html.publicationId],
      caller.user.id,
    );
    const files = { docxSha256: request.docx.sha256, htmlSha256: request.html.sha256 };
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "public_notice.approve",
      entity: "inspection",
      entityId: request.inspectionId,
      data: { requestId: request.id, publicNoticeId: notice.id, submittedBy: request.submittedBy, ...files },
    });
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "public_notice.publish",
      entity: "inspection",
      entityId: request.inspectionId,
      data: {
        publicNoticeId: notice.id,
        requestId: request.id,
        title: notice.title,
        issuedOn: notice.issuedOn,
        ...files,
      },
    });
    await tellSubmitter(tx, deps, request, { approved: true, byName: approver.byName, reason: null });
    return ended;
  });
  return { request: approved, notice };
}

/** 退回: ends the request with the leader's reason (required); nothing is published. */
export async function returnPublicNoticeRequest(
  deps: Deps,
  caller: Caller,
  options: RequestRef & { readonly reason: string },
): Promise<PublicNoticeRequest> {
  const { request } = await decidable(deps, caller, options);
  const reason = options.reason.trim();
  if (reason === "") {
    throw new DomainError("invalid_input", "请填写退回理由", [
      { path: "reason", code: "required", message: "请填写退回理由" },
    ]);
  }
  const at = deps.clock.now();
  const decision = { at, by: caller.user.id, byName: caller.user.displayName, reason };
  return deps.store.transaction(async (tx) => {
    const ended = await endPendingRequest(tx, request, { state: "returned", decision, publicNoticeId: null });
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "public_notice.return",
      entity: "inspection",
      entityId: request.inspectionId,
      data: { requestId: request.id, title: request.title, reason },
    });
    await tellSubmitter(tx, deps, request, { approved: false, byName: decision.byName, reason });
    return ended;
  });
}

/** The request, when the caller may decide it now: approvers only (403 before anything is read), never their own. */
async function decidable(deps: Deps, caller: Caller, ref: RequestRef) {
  const found = await requestAccess(deps, caller, ref, "public_notice.approve");
  requireDecision(found.roles, caller.user.id, found.request);
  return found;
}
