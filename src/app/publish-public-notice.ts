// Publishes the public version (社会公开) of an inspection's notice at once, without an approval request: an
// administrator's step only (everyone else submits it to the unit's leader, submit-public-notice-request.ts). Rendered
// now by renderPublicNotice; a public_notices row with the title, unit, 成文日期 and contact block; audited.
// Withdrawing is withdraw-public-notice.ts.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { PublicNotice } from "../storage/store.ts";
import { auditByActor } from "./audit-by.ts";
import { actorOf } from "./confirm-import.ts";
import {
  publishingAccess,
  renderPublicNotice,
  type PublicNoticeChoices,
  type PublicNoticeDeps,
} from "./render-public-notice.ts";

export type { PublicNoticeDeps };
export type PublishPublicNoticeOptions = PublicNoticeChoices;

export const approvalRequired = (): DomainError =>
  new DomainError(
    "public_notice_approval_required",
    "公开通报须经单位领导审批后发布：请提交审批（只有系统管理员可以直接发布）",
  );

/** publishingAccess, and an administrator only: everyone else submits for approval. */
export async function publishPublicNotice(
  deps: PublicNoticeDeps,
  caller: Caller,
  options: PublishPublicNoticeOptions,
): Promise<PublicNotice> {
  const access = await publishingAccess(deps, caller, options.inspectionId);
  if (!access.roles.has("admin")) throw approvalRequired();
  const actor = actorOf(caller);
  const { withheld, ...rendered } = await renderPublicNotice(deps, actor, access, options);
  const notice: PublicNotice = {
    ...rendered,
    id: deps.ids.next("pn"),
    publishedBy: actor.id,
    publishedByName: actor.name,
    publishedAt: deps.clock.now(),
    withdrawal: null,
    approval: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.publicNotices.insert(notice);
    await tx.audit.append({
      at: notice.publishedAt,
      ...auditByActor(actor),
      action: "public_notice.publish",
      entity: "inspection",
      entityId: options.inspectionId,
      data: {
        publicNoticeId: notice.id,
        title: notice.title,
        issuedOn: notice.issuedOn,
        docxSha256: notice.docx.sha256,
        htmlSha256: notice.html.sha256,
        withheld,
      },
    });
  });
  return notice;
}
