// Records the unit's written reply to a 督办通知 (the unit office, or an admin): the day it was received, a summary
// and where it is kept. A reply after the reply date is kept and shown as late; a notice has one reply.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { replyStatus, type SupervisionAction } from "../domain/supervision-ladder.ts";
import { supervisionReplySchema, type SupervisionReplyRequest } from "../shared/supervision-action-input.ts";
import { parseInput } from "../shared/validation.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess } from "./measure-access.ts";

export interface RecordSupervisionReplyOptions {
  readonly actionId: string;
  readonly request: SupervisionReplyRequest;
}

export const supervisionActionNotFound = (): DomainError =>
  new DomainError("supervision_action_not_found", "未找到该督办记录（或无权查看）");

/** The step if the caller sees its inspection, with their access to that inspection; else not found. */
export async function supervisionActionAccess(deps: Deps, caller: Caller, actionId: string) {
  const action = await deps.store.supervisionActions.get(actionId);
  if (!action) throw supervisionActionNotFound();
  const access = await inspectionAccess(deps.store, caller, action.inspectionId).catch((e: unknown) => {
    throw e instanceof DomainError && e.code === "inspection_not_found" ? supervisionActionNotFound() : e;
  });
  return { action, access };
}

export async function recordSupervisionReply(
  deps: Deps,
  caller: Caller,
  options: RecordSupervisionReplyOptions,
): Promise<SupervisionAction> {
  const input = parseInput(supervisionReplySchema, options.request, "书面回复");
  const { action, access } = await supervisionActionAccess(deps, caller, options.actionId);
  requireAction(access.roles, "supervision.reply");
  if (action.kind !== "notice" || action.replyBy === null) {
    throw new DomainError(
      "supervision_reply_not_expected",
      "只有督办通知需要登记书面回复，告诫和约谈没有回复",
    );
  }
  const today = deps.clock.today();
  const field = (message: string) =>
    new DomainError("invalid_input", `书面回复有误：${message}`, [
      { path: "receivedOn", code: "custom", message },
    ]);
  if (input.receivedOn < action.issuedOn)
    throw field(`收到回复的日期不能早于督办通知的下发日期（${action.issuedOn}）`);
  if (input.receivedOn > today) throw field(`收到回复的日期不能晚于今天（${today}）`);
  const reply = {
    receivedOn: input.receivedOn,
    summary: input.summary,
    evidence: input.evidence ?? null,
    recordedBy: caller.user.id,
    recordedAt: deps.clock.now(),
  };
  const replied: SupervisionAction = { ...action, reply };
  await deps.store.transaction(async (tx) => {
    if (!(await tx.supervisionActions.recordReply(action.id, reply))) {
      throw new DomainError("supervision_reply_exists", "该督办通知的书面回复已经登记过，不能重复登记");
    }
    await tx.audit.append({
      at: reply.recordedAt,
      ...auditBy(caller),
      action: "supervision_notice.reply",
      entity: "inspection",
      entityId: action.inspectionId,
      data: {
        actionId: action.id,
        docNumber: action.docNumber,
        replyBy: action.replyBy,
        receivedOn: reply.receivedOn,
        late: replyStatus(replied, today) === "replied_late",
        summary: reply.summary,
        evidence: reply.evidence,
      },
    });
  });
  return replied;
}
