// Who may decide or cancel a request to publish a public notice (公开通报审批), and the refusals. Pure: the roles the
// caller holds over the inspection are passed in (permissions.ts decides them).
//
// Separation of duties: nobody decides a request they submitted — an administrator neither. An administrator who means
// to publish alone publishes directly, which the record then shows as published without approval.

import type { Role } from "./account.ts";
import { DomainError } from "./domain-error.ts";
import { mayAct, requireAction } from "./permissions.ts";

export type ApprovalState = "pending" | "approved" | "returned" | "cancelled";

/** What the rules read of a request. */
export interface ApprovalFacts {
  readonly state: ApprovalState;
  readonly submittedBy: string;
}

const STATE_WORDS: Readonly<Record<Exclude<ApprovalState, "pending">, string>> = {
  approved: "已批准发布",
  returned: "已退回",
  cancelled: "已撤回",
};

/** The request is no longer pending: the words name what became of it. */
export const requestDecided = (state: Exclude<ApprovalState, "pending">): DomainError =>
  new DomainError("public_notice_request_decided", `该公开通报审批申请${STATE_WORDS[state]}，不能再处理`);

export const mayDecideRequest = (roles: ReadonlySet<Role>, userId: string, r: ApprovalFacts): boolean =>
  r.state === "pending" && mayAct(roles, "public_notice.approve") && r.submittedBy !== userId;

/** The submitter (while they may still generate notices there), or an administrator. */
export const mayCancelRequest = (roles: ReadonlySet<Role>, userId: string, r: ApprovalFacts): boolean =>
  r.state === "pending" &&
  (roles.has("admin") || (r.submittedBy === userId && mayAct(roles, "notice.generate")));

/** Refuses a decision (approve or return) the caller may not make now; roles first, as for every action. */
export function requireDecision(roles: ReadonlySet<Role>, userId: string, r: ApprovalFacts): void {
  requireAction(roles, "public_notice.approve");
  if (r.state !== "pending") throw requestDecided(r.state);
  if (r.submittedBy === userId) {
    throw new DomainError(
      "public_notice_own_request",
      "不能审批本人提交的申请：须由单位其他领导（或系统管理员）审批",
    );
  }
}

export function requireCancel(roles: ReadonlySet<Role>, userId: string, r: ApprovalFacts): void {
  if (r.state !== "pending") throw requestDecided(r.state);
  if (!mayCancelRequest(roles, userId, r)) {
    throw new DomainError("forbidden", "只有提交人（或系统管理员）可以撤回该申请");
  }
}
