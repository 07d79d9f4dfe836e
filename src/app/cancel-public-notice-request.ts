// 撤回申请: the submitter (or an administrator) takes a pending request back; nothing is published, the files and the
// generations stay for the record. Audited. Who may: domain/public-notice-approval.ts.

import type { Caller } from "../domain/account.ts";
import { requireCancel } from "../domain/public-notice-approval.ts";
import type { PublicNoticeRequest } from "../storage/store.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import { endPendingRequest, requestAccess, type RequestRef } from "./public-notice-request-access.ts";

export async function cancelPublicNoticeRequest(
  deps: Deps,
  caller: Caller,
  ref: RequestRef,
): Promise<PublicNoticeRequest> {
  const { roles, request } = await requestAccess(deps, caller, ref, "notice.generate");
  requireCancel(roles, caller.user.id, request);
  const at = deps.clock.now();
  const outcome = {
    state: "cancelled",
    decision: { at, by: caller.user.id, byName: caller.user.displayName, reason: null },
    publicNoticeId: null,
  } as const;
  return deps.store.transaction(async (tx) => {
    const ended = await endPendingRequest(tx, request, outcome);
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "public_notice.cancel",
      entity: "inspection",
      entityId: request.inspectionId,
      data: { requestId: request.id, title: request.title },
    });
    return ended;
  });
}
