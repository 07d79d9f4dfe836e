// The 对账销号 levels of an inspection: read by anyone who sees it, set by the unit office, the inspection office or an
// admin. Measures already under review continue at the level their approvals reached.

import type { Caller } from "../domain/account.ts";
import { requireAction } from "../domain/permissions.ts";
import { checkReviewChain, DEFAULT_REVIEW_CHAIN, type ReviewChain } from "../domain/review-chain.ts";
import { reviewChainSchema, type ReviewChainInput } from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { AuditEvent } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

export interface ReviewChainView {
  readonly levels: ReviewChain;
  /** True when no chain was set and the default applies. */
  readonly isDefault: boolean;
}

export async function getReviewChain(
  deps: Deps,
  caller: Caller,
  inspectionId: string,
): Promise<ReviewChainView> {
  const { inspection } = await inspectionAccess(deps.store, caller, inspectionId);
  const chain = await deps.store.progress.reviewChain(inspection.id);
  return { levels: chain ?? DEFAULT_REVIEW_CHAIN, isDefault: chain === null };
}

/** The inspection's own change history (created, imported, review chain, publications) from the audit trail. */
export async function inspectionHistory(
  deps: Deps,
  caller: Caller,
  inspectionId: string,
): Promise<AuditEvent[]> {
  const { inspection } = await inspectionAccess(deps.store, caller, inspectionId);
  return deps.store.audit.listForEntity("inspection", inspection.id);
}

export async function setReviewChain(
  deps: Deps,
  caller: Caller,
  inspectionId: string,
  input: ReviewChainInput,
): Promise<ReviewChainView> {
  const levels = checkReviewChain(parseInput(reviewChainSchema, input, "审核流程").levels);
  return deps.store.transaction(async (tx) => {
    const { inspection, roles } = await inspectionAccess(tx, caller, inspectionId);
    requireAction(roles, "review_chain.set");
    const before = await tx.progress.reviewChain(inspection.id);
    await tx.progress.setReviewChain(inspection.id, levels);
    await tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "inspection.set_review_chain",
      entity: "inspection",
      entityId: inspection.id,
      data: { before, after: levels },
    });
    return { levels, isDefault: false };
  });
}
