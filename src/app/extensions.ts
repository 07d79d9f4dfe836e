// Extensions (延期): the responsible department or unit office asks for a later deadline with a reason; a unit leader
// or the inspection office decides. An approval moves the measure's deadline and keeps the first one.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import type { ExtensionRequest } from "../domain/progress.ts";
import {
  extensionDecisionSchema,
  extensionRequestSchema,
  type ExtensionDecisionInput,
  type ExtensionRequestInput,
} from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Deps } from "./deps.ts";
import { callerScope } from "./account-access.ts";
import { measureAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

export async function requestExtension(
  deps: Deps,
  caller: Caller,
  measureId: string,
  input: ExtensionRequestInput,
): Promise<ExtensionRequest> {
  const fields = parseInput(extensionRequestSchema, input, "延期申请");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const { measure, scope, roles } = await measureAccess(tx, caller, measureId);
    requireAction(roles, "extension.request");
    if (measure.state === "closed") {
      throw new DomainError("measure_closed", "该整改措施已销号，无需延期");
    }
    if (measure.deadline !== null && fields.newDeadline <= measure.deadline) {
      throw new DomainError(
        "extension_not_later",
        `申请的新时限（${fields.newDeadline}）须晚于现有时限（${measure.deadline}）`,
        [{ path: "newDeadline", code: "extension_not_later", message: "须晚于现有时限" }],
      );
    }
    const pending = (await tx.progress.listExtensions(scope, measure.id)).some(
      (x) => x.decision === "pending",
    );
    if (pending) throw new DomainError("extension_pending", "该整改措施已有待审批的延期申请");
    const request: ExtensionRequest = {
      id: deps.ids.next("ext"),
      measureId: measure.id,
      reason: fields.reason,
      newDeadline: fields.newDeadline,
      decision: "pending",
      decidedBy: null,
      decidedAt: null,
      createdAt: now,
      requestedBy: caller.user.personId,
      previousDeadline: measure.deadline,
      decisionNote: null,
    };
    await tx.progress.insertExtension(request);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "extension.request",
      entity: "measure",
      entityId: measure.id,
      data: {
        extensionId: request.id,
        reason: request.reason,
        from: measure.deadline,
        to: request.newDeadline,
      },
    });
    return request;
  });
}

export async function decideExtension(
  deps: Deps,
  caller: Caller,
  extensionId: string,
  input: ExtensionDecisionInput,
): Promise<ExtensionRequest> {
  const fields = parseInput(extensionDecisionSchema, input, "延期审批");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const request = await tx.progress.getExtension(await callerScope(tx, caller), extensionId);
    if (!request) throw new DomainError("extension_not_found", "未找到该延期申请（或无权查看）");
    const { measure, roles } = await measureAccess(tx, caller, request.measureId);
    requireAction(roles, "extension.decide");
    const note = fields.note ?? null;
    if (!(await tx.progress.decideExtension(request.id, fields.decision, caller.user.personId, now, note))) {
      throw new DomainError("extension_decided", "该延期申请已审批，不能重复审批");
    }
    if (fields.decision === "approved") {
      const moved = await tx.measures.updateDeadline(measure.id, measure.version, {
        deadline: request.newDeadline,
        originalDeadline: measure.originalDeadline ?? measure.deadline,
      });
      if (!moved) throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
    }
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: `extension.${fields.decision === "approved" ? "approve" : "reject"}`,
      entity: "measure",
      entityId: measure.id,
      data: { extensionId: request.id, from: measure.deadline, to: request.newDeadline, note },
    });
    return {
      ...request,
      decision: fields.decision,
      decidedBy: caller.user.personId,
      decidedAt: now,
      decisionNote: note,
    };
  });
}
