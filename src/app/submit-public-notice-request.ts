// 提交审批: the office asks the unit's leader to publish the public version of the notice. The notice is rendered now
// (renderPublicNotice: the same .docx and HTML publishing makes, kept by sha-256), so the leader reads — and approving
// publishes — exactly these bytes, whatever the ledger becomes meanwhile. One pending request per inspection; audited;
// the unit's leaders are told in their inbox.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import type { PublicNoticeRequest } from "../storage/store.ts";
import { auditByActor } from "./audit-by.ts";
import { actorOf } from "./confirm-import.ts";
import { tellApprovers } from "./notify-public-notice-request.ts";
import {
  publishingAccess,
  renderPublicNotice,
  type PublicNoticeChoices,
  type PublicNoticeDeps,
} from "./render-public-notice.ts";

const alreadyPending = (): DomainError =>
  new DomainError(
    "public_notice_request_pending",
    "该巡察已有一份待审批的公开通报，请等待审批结果，或撤回该申请后再提交",
  );

/** Whoever publishingAccess lets publish may ask (an administrator too, though they may publish directly). */
export async function submitPublicNoticeRequest(
  deps: PublicNoticeDeps,
  caller: Caller,
  options: PublicNoticeChoices,
): Promise<PublicNoticeRequest> {
  const access = await publishingAccess(deps, caller, options.inspectionId);
  // Checked before rendering, so that a second request costs nothing; the unique key decides a race below.
  const earlier = await deps.store.publicNoticeRequests.listByInspection(options.inspectionId);
  if (earlier.some((r) => r.state === "pending")) throw alreadyPending();
  const actor = actorOf(caller);
  const { withheld, ...rendered } = await renderPublicNotice(deps, actor, access, options);
  const request: PublicNoticeRequest = {
    ...rendered,
    id: deps.ids.next("pnr"),
    options: {
      layout: rendered.layout,
      issuedOn: rendered.issuedOn,
      official: options.official ?? null,
    },
    submittedBy: actor.id,
    submittedByName: actor.name,
    submittedAt: deps.clock.now(),
    state: "pending",
    decision: null,
    publicNoticeId: null,
  };
  const unit = await deps.store.orgs.get(SCOPE_ALL, access.inspection.targetOrgId);
  await deps.store.transaction(async (tx) => {
    if (!(await tx.publicNoticeRequests.insertPending(request))) throw alreadyPending();
    const told = unit === undefined ? [] : await tellApprovers(tx, deps, request, unit.path);
    await tx.audit.append({
      at: request.submittedAt,
      ...auditByActor(actor),
      action: "public_notice.submit",
      entity: "inspection",
      entityId: options.inspectionId,
      data: {
        requestId: request.id,
        title: request.title,
        options: request.options,
        docxSha256: request.docx.sha256,
        htmlSha256: request.html.sha256,
        withheld,
        told,
      },
    });
  });
  return request;
}
