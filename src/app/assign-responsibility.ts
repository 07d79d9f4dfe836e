// 三清单 of a measure: the unit office names the lead leader, the responsible department and person, the cooperating
// departments, a first deadline and whether evidence is required. Departments and people must belong to the inspected
// unit. A deadline once set moves only by an approved extension, so the original stays on record.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Measure } from "../domain/measure.ts";
import { requireAction } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { responsibilitySchema, type ResponsibilityInput } from "../shared/review-cycle-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { MeasureResponsibility, Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { measureAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

const notOfUnit = (field: string, what: string): DomainError =>
  new DomainError("invalid_input", `${what}不属于被巡察单位`, [
    { path: field, code: "not_of_unit", message: `${what}不属于被巡察单位` },
  ]);

/** The path of the unit, refusing an org outside it or one that is not a department of it. */
async function requireDepartmentOf(
  tx: Repositories,
  unitPath: string,
  orgId: string,
  field: string,
): Promise<void> {
  const org = await tx.orgs.get(SCOPE_ALL, orgId);
  if (!org || !org.path.startsWith(unitPath) || org.kind !== "department") throw notOfUnit(field, "所选部门");
}

async function requirePersonOf(
  tx: Repositories,
  unitPath: string,
  personId: string,
  field: string,
): Promise<void> {
  const person = await tx.people.get(personId);
  const org = person && (await tx.orgs.get(SCOPE_ALL, person.orgId));
  if (!org || !org.path.startsWith(unitPath)) throw notOfUnit(field, "所选人员");
}

export async function assignResponsibility(
  deps: Deps,
  caller: Caller,
  options: { measureId: string; expectedVersion: number; change: ResponsibilityInput },
): Promise<Measure> {
  const change = parseInput(responsibilitySchema, options.change, "整改责任");
  return deps.store.transaction(async (tx) => {
    const { measure, inspection, roles, scope } = await measureAccess(tx, caller, options.measureId);
    requireAction(roles, "measure.assign");
    if (measure.version !== options.expectedVersion) {
      throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
    }
    if (change.deadline !== undefined && change.deadline !== measure.deadline && measure.deadline !== null) {
      throw new DomainError("deadline_locked", "整改时限已确定，如需调整请提出延期申请");
    }
    const unit = await tx.orgs.get(SCOPE_ALL, inspection.targetOrgId);
    const unitPath = unit?.path ?? "/";
    const next: MeasureResponsibility = {
      leadLeaderId: change.leadLeaderId === undefined ? measure.leadLeaderId : change.leadLeaderId,
      departmentId: change.departmentId === undefined ? measure.departmentId : change.departmentId,
      personId: change.personId === undefined ? measure.personId : change.personId,
      cooperatingDepartmentIds: change.cooperatingDepartmentIds ?? measure.cooperatingDepartmentIds,
      deadline: change.deadline === undefined ? measure.deadline : change.deadline,
      evidenceRequired: change.evidenceRequired ?? measure.evidenceRequired,
    };
    if (change.departmentId) await requireDepartmentOf(tx, unitPath, change.departmentId, "departmentId");
    for (const id of change.cooperatingDepartmentIds ?? []) {
      await requireDepartmentOf(tx, unitPath, id, "cooperatingDepartmentIds");
    }
    if (change.personId) await requirePersonOf(tx, unitPath, change.personId, "personId");
    if (change.leadLeaderId) await requirePersonOf(tx, unitPath, change.leadLeaderId, "leadLeaderId");
    if (!(await tx.measures.updateResponsibility(measure.id, measure.version, next))) {
      throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
    }
    await tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "measure.assign",
      entity: "measure",
      entityId: measure.id,
      data: {
        before: {
          leadLeaderId: measure.leadLeaderId,
          departmentId: measure.departmentId,
          personId: measure.personId,
          cooperatingDepartmentIds: measure.cooperatingDepartmentIds,
          deadline: measure.deadline,
          evidenceRequired: measure.evidenceRequired,
        },
        after: next,
      },
    });
    const updated = await tx.measures.get(scope, measure.id);
    return updated ?? { ...measure, ...next, version: measure.version + 1 };
  });
}
