// Records a 告诫 or a 约谈 (the inspection office, or an admin): the ladder's steps after a 督办通知, for measures still
// overdue once the notice's written reply time has run out (domain/supervision-ladder.ts: checkEscalation). Refused with
// the missing step named; never by the unit to itself; in the register and the audit trail.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import {
  checkEscalation,
  MISSING_STEP_LABELS,
  SUPERVISION_ACTION_LABELS,
  type ChasedMeasure,
  type SupervisionAction,
} from "../domain/supervision-ladder.ts";
import { escalationSchema, type EscalationRequest } from "../shared/supervision-action-input.ts";
import { parseInput } from "../shared/validation.ts";
import { auditBy } from "./audit-by.ts";
import { inspectionAccess } from "./measure-access.ts";
import { getWarnedLedger } from "./measure-warnings.ts";
import { refuseOwnUnit } from "./supervision-access.ts";
import type { CalendarDeps } from "./working-calendar.ts";

export interface EscalateSupervisionOptions {
  readonly inspectionId: string;
  readonly request: EscalationRequest;
}

/** Why nothing may be escalated, naming the step still missing (the earliest reply date still running, if any). */
function nothingEligible(label: string, notices: readonly SupervisionAction[], today: string): DomainError {
  const running = notices.filter((a) => a.replyBy !== null && a.replyBy >= today);
  const missing =
    notices.length === 0
      ? "尚未下发督办通知"
      : running.length > 0
        ? `督办通知${running[0]!.docNumber ?? ""}的书面回复时限到${running[0]!.replyBy!}才届满`
        : "督办通知所列措施目前均已不再逾期";
  return new DomainError(
    "supervision_step_missing",
    `不能${label}：${missing}。${label}须在督办通知的书面回复时限届满后，针对仍然逾期的整改措施进行`,
  );
}

export async function escalateSupervision(
  deps: CalendarDeps,
  caller: Caller,
  options: EscalateSupervisionOptions,
): Promise<SupervisionAction> {
  const input = parseInput(escalationSchema, options.request, "告诫或约谈记录");
  const label = SUPERVISION_ACTION_LABELS[input.kind];
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "supervision.escalate");
  await refuseOwnUnit(deps.store, caller, access.inspection.targetOrgId, `被巡察单位不能对本单位${label}`);
  const today = deps.clock.today();
  if (input.kind === "talk" && input.heldOn > today) {
    throw new DomainError("invalid_input", `约谈记录有误：约谈日期不能晚于今天（${today}）`, [
      { path: "heldOn", code: "custom", message: `约谈日期不能晚于今天（${today}）` },
    ]);
  }
  const [ledger, actions] = await Promise.all([
    getWarnedLedger(deps, access.scope, access.inspection.id, today),
    deps.store.supervisionActions.listByInspection(access.inspection.id),
  ]);
  const overdue = new Map<string, ChasedMeasure>();
  const seqOf = new Map<string, string>();
  for (const p of ledger.problems) {
    for (const m of p.measures) {
      seqOf.set(m.id, `第${p.seq}个问题第${m.seq}条措施`);
      if (m.warning?.level === "overdue") {
        overdue.set(m.id, {
          measureId: m.id,
          level: "overdue",
          deadline: m.warning.judgedAgainst,
          daysOverdue: m.warning.daysOverdue,
        });
      }
    }
  }
  const check = checkEscalation({
    actions,
    overdueMeasureIds: new Set(overdue.keys()),
    today,
    ...(input.measureIds ? { requested: input.measureIds } : {}),
  });
  const refused = check.refused[0];
  if (input.measureIds && refused) {
    const which = seqOf.get(refused.measureId);
    if (which === undefined) {
      throw new DomainError("measure_not_found", "未找到该整改措施（或无权查看）");
    }
    throw new DomainError(
      "supervision_step_missing",
      `不能对${which}${label}：${MISSING_STEP_LABELS[refused.missing]}。${label}须在督办通知的书面回复时限届满后，针对仍然逾期的整改措施进行`,
    );
  }
  if (check.eligible.length === 0) {
    throw nothingEligible(
      label,
      actions.filter((a) => a.kind === "notice"),
      today,
    );
  }
  const office = access.inspection.oversightOrgId;
  const issuer =
    (office === null ? undefined : (await deps.store.orgs.get(SCOPE_ALL, office))?.name) ??
    access.inspection.team.trim();
  const at = deps.clock.now();
  const action: SupervisionAction = {
    id: deps.ids.next("sva"),
    inspectionId: access.inspection.id,
    kind: input.kind,
    docNumber: null,
    issuedOn: input.kind === "talk" ? input.heldOn : today,
    replyBy: null,
    issuingOrgId: office,
    issuer,
    actorId: caller.user.id,
    createdAt: at,
    sha256: null,
    measures: check.eligible.map((id) => overdue.get(id)!),
    details:
      input.kind === "talk"
        ? {
            heldOn: input.heldOn,
            place: input.place,
            talkedTo: input.talkedTo,
            heldBy: input.heldBy,
            summary: input.summary,
            followUp: input.followUp,
          }
        : { content: input.content, warned: input.warned },
    reply: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.supervisionActions.insert(action, null);
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: input.kind === "talk" ? "supervision.talk" : "supervision.admonish",
      entity: "inspection",
      entityId: action.inspectionId,
      data: {
        actionId: action.id,
        issuedOn: action.issuedOn,
        details: action.details,
        measures: action.measures,
      },
    });
  });
  return action;
}
