// Withdraws a published public notice (撤回) with a reason: the public list and files no longer show it (they answer
// as for an unknown notice); the row and its files stay for the record; audited.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import type { PublicNotice } from "../storage/store.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess } from "./measure-access.ts";

export const publicNoticeNotFound = (): DomainError =>
  new DomainError("public_notice_not_found", "未找到该公开通报（可能已撤回）");

/** The inspection's notice `publicNoticeId`, or public_notice_not_found (also for another inspection's). */
export async function withdrawPublicNotice(
  deps: Deps,
  caller: Caller,
  options: { readonly inspectionId: string; readonly publicNoticeId: string; readonly reason: string },
): Promise<PublicNotice> {
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "notice.generate");
  const reason = options.reason.trim();
  if (reason === "") {
    throw new DomainError("invalid_input", "请填写撤回理由", [
      { path: "reason", code: "required", message: "请填写撤回理由" },
    ]);
  }
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const notice = await tx.publicNotices.get(options.publicNoticeId);
    if (notice === undefined || notice.inspectionId !== options.inspectionId) throw publicNoticeNotFound();
    const withdrawal = { at, by: caller.user.id, reason };
    if (!(await tx.publicNotices.withdraw(notice.id, withdrawal))) {
      throw new DomainError("public_notice_withdrawn", "该公开通报已撤回");
    }
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "public_notice.withdraw",
      entity: "inspection",
      entityId: options.inspectionId,
      data: { publicNoticeId: notice.id, title: notice.title, reason },
    });
    return { ...notice, withdrawal };
  });
}
