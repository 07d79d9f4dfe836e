// Who may do what to a measure or an inspection: the roles a caller holds over a place in the org tree, and the
// roles each action needs. Pure: org paths are passed in, never looked up here.

import type { Caller, Role } from "./account.ts";
import { DomainError } from "./domain-error.ts";

/** Where a measure (or an inspection, without departments) sits in the org tree. */
export interface Place {
  /** Path of the inspected unit. */
  readonly unitPath: string;
  /** Path of the office running the inspection (巡察办 or a 巡察组 under it), if recorded. */
  readonly oversightPath: string | null;
  /** Paths of the measure's responsible and cooperating departments (empty for an inspection). */
  readonly departmentPaths: readonly string[];
  /** Path of the responsible department alone (null when none, or for an inspection). */
  readonly responsiblePath: string | null;
}

/**
 * The roles the caller holds over `place`. A grant over org X covers what is inspected in X's subtree and what X's
 * subtree runs; a department reporter's grant covers only measures of its department subtree (responsible or
 * cooperating). Admin covers everything.
 */
export function rolesOver(caller: Caller, place: Place, orgPathById: ReadonlyMap<string, string>): Set<Role> {
  const roles = new Set<Role>();
  if (caller.user.disabled) return roles;
  for (const grant of caller.grants) {
    if (grant.role === "admin") {
      roles.add("admin");
      continue;
    }
    const root = grant.orgId === null ? undefined : orgPathById.get(grant.orgId);
    if (root === undefined) continue;
    if (grant.role === "department_reporter") {
      if (place.departmentPaths.some((p) => p.startsWith(root))) roles.add(grant.role);
      continue;
    }
    if (place.unitPath.startsWith(root) || (place.oversightPath?.startsWith(root) ?? false)) {
      roles.add(grant.role);
    }
  }
  return roles;
}

export const ACTIONS = [
  "progress.report",
  "measure.work",
  "measure.assign",
  "closeout.hold",
  "measure.comment",
  "extension.request",
  "extension.decide",
  "review_chain.set",
  "deadline_profile.set",
  "ledger.import",
  "ledger.export",
  "notice.generate",
  "supervision_notice.issue",
  "supervision.reply",
  "supervision.escalate",
  "public_notice.approve",
] as const;
/**
 * progress.report: write a progress report and attach evidence; measure.work: start, submit (报送销号), resume;
 * measure.assign: set the responsible department, people, cooperating departments and a first deadline (三清单);
 * closeout.hold: a supervisor (纪检监督) stops a measure's close-out until the hold is lifted; measure.comment: write a
 * comment on a measure (everyone who works on or oversees it; a viewer only reads);
 * extension.request/decide: ask for and grant a new deadline; review_chain.set: the 对账销号 levels of an
 * inspection; deadline_profile.set: its warning thresholds, reporting cadence and dates (督办设置);
 * ledger.import/export, notice.generate: documents in and out; supervision_notice.issue: the inspection office (or an
 * admin) sends the unit a 督办通知 — never the unit to itself; supervision.reply: the unit office records the unit's
 * written reply to it; supervision.escalate: the inspection office records a 告诫 or 约谈; public_notice.approve: the
 * unit's leader signs off a public notice the office submitted (公开通报审批). Reviews follow the review chain.
 */
export type Action = (typeof ACTIONS)[number];

const ROLES_FOR: Readonly<Record<Action, readonly Role[]>> = {
  "progress.report": ["admin", "unit_office", "department_reporter"],
  "measure.work": ["admin", "unit_office", "department_reporter"],
  "measure.assign": ["admin", "unit_office"],
  "closeout.hold": ["admin", "supervisor"],
  "measure.comment": [
    "admin",
    "supervisor",
    "oversight",
    "inspection_team",
    "unit_leader",
    "unit_office",
    "department_reporter",
  ],
  "extension.request": ["admin", "unit_office", "department_reporter"],
  "extension.decide": ["admin", "unit_leader", "oversight"],
  "review_chain.set": ["admin", "unit_office", "oversight"],
  // The inspection office sets how the unit is chased; the unit does not set its own warning bands or report date.
  "deadline_profile.set": ["admin", "oversight"],
  "ledger.import": ["admin", "unit_office", "oversight"],
  "ledger.export": ["admin", "unit_office", "unit_leader", "oversight", "inspection_team", "supervisor"],
  "notice.generate": ["admin", "unit_office", "oversight"],
  "supervision_notice.issue": ["admin", "oversight"],
  "supervision.reply": ["admin", "unit_office"],
  "supervision.escalate": ["admin", "oversight"],
  // The unit's leader signs what the unit publishes; those who generate notices ask (docs/public-notices.md).
  "public_notice.approve": ["admin", "unit_leader"],
};

const ACTION_LABELS: Readonly<Record<Action, string>> = {
  "progress.report": "报送整改进展",
  "measure.work": "办理该整改措施",
  "measure.assign": "分配整改责任",
  "closeout.hold": "暂缓或恢复销号",
  "measure.comment": "发表意见",
  "extension.request": "申请延期",
  "extension.decide": "审批延期",
  "review_chain.set": "设置审核流程",
  "deadline_profile.set": "设置督办预警和报送要求",
  "ledger.import": "导入台账",
  "ledger.export": "导出台账",
  "notice.generate": "生成通报",
  "supervision_notice.issue": "下发督办通知",
  "supervision.reply": "登记督办通知的书面回复",
  "supervision.escalate": "告诫或约谈",
  "public_notice.approve": "审批公开通报",
};

export const mayAct = (roles: ReadonlySet<Role>, action: Action): boolean =>
  ROLES_FOR[action].some((r) => roles.has(r));

/** Refuses an action the roles do not allow. Callers check visibility first, so what is hidden stays 404. */
export function requireAction(roles: ReadonlySet<Role>, action: Action): void {
  if (!mayAct(roles, action)) {
    throw new DomainError("forbidden", `您没有权限${ACTION_LABELS[action]}`);
  }
}

/** The role a comment is written in: the one that gives it most weight among those the caller holds over the place. */
export function commentRole(roles: ReadonlySet<Role>): Role | undefined {
  const byWeight: readonly Role[] = [...ROLES_FOR["measure.comment"].filter((r) => r !== "admin"), "admin"];
  return byWeight.find((r) => roles.has(r));
}
