// 对账销号 as a chain of review levels per inspection (e.g. 单位领导 → 巡察办): a submitted measure is approved level by
// level within its current submission round and closes when the last level approves. Who may act at a level follows
// from the chain and the roles the caller holds over the measure, never from what the client says.

import { ROLE_LABELS, type Role } from "./account.ts";
import { DomainError } from "./domain-error.ts";

export const REVIEWER_ROLES = ["unit_office", "unit_leader", "oversight", "inspection_team"] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

/** Level 1 first; the last level closes the measure. */
export type ReviewChain = readonly ReviewerRole[];

/** Without a chain set for the inspection, the unit's leader approves and closes (one level). */
export const DEFAULT_REVIEW_CHAIN: ReviewChain = ["unit_leader"];

export const MAX_REVIEW_LEVELS = 5;

export interface ReviewStep {
  /** 1-based. */
  readonly level: number;
  readonly role: ReviewerRole;
  readonly isLast: boolean;
}

/** The level that acts next on a submitted measure, given the approvals already made in its current round. */
export function currentReviewStep(chain: ReviewChain, approvalsThisRound: number): ReviewStep {
  const index = Math.min(approvalsThisRound, chain.length - 1);
  const role = chain[index];
  if (role === undefined) throw new Error("a review chain has at least one level");
  return { level: index + 1, role, isLast: index === chain.length - 1 };
}

/** Refuses a caller who does not hold the level's role over the measure (an admin may act at any level). */
export function requireReviewer(roles: ReadonlySet<Role>, step: ReviewStep): void {
  if (roles.has("admin") || roles.has(step.role)) return;
  throw new DomainError(
    "not_reviewer",
    `当前为第${step.level}级审核，应由${ROLE_LABELS[step.role]}办理，您无权审核`,
  );
}

/** Refuses an empty, too long or repeating chain, naming the level. */
export function checkReviewChain(chain: readonly ReviewerRole[]): ReviewChain {
  if (chain.length === 0 || chain.length > MAX_REVIEW_LEVELS) {
    throw new DomainError(
      "invalid_review_chain",
      `审核流程须有1至${MAX_REVIEW_LEVELS}级，当前为${chain.length}级`,
    );
  }
  const seen = new Set<ReviewerRole>();
  chain.forEach((role, i) => {
    if (seen.has(role)) {
      throw new DomainError("invalid_review_chain", `第${i + 1}级审核的${ROLE_LABELS[role]}与前面的层级重复`);
    }
    seen.add(role);
  });
  return chain;
}
