// Moves a measure through its state machine as a signed-in caller: start, submit (报送销号), resume, next stage are
// the responsible department's or the unit office's work; close and return are reviews, made level by level along
// the inspection's review chain (对账销号), each by the role that holds the level. Every change is audited.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { MeasureState } from "../domain/measure.ts";
import { MEASURE_EVENTS, transitionMeasure, type MeasureEvent } from "../domain/measure-state-machine.ts";
import { requireAction } from "../domain/permissions.ts";
import {
  currentReviewStep,
  DEFAULT_REVIEW_CHAIN,
  requireReviewer,
  type ReviewStep,
} from "../domain/review-chain.ts";
import { z } from "zod";
import { parseInput } from "../shared/validation.ts";
import type { Repositories } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { measureAccess, type MeasureAccess } from "./measure-access.ts";
import { auditBy } from "./audit-by.ts";

const changeSchema = z
  .object({
    measureId: z.string().min(1),
    event: z.enum(MEASURE_EVENTS),
    /** The version the caller saw; a stale one is refused instead of overwriting someone else's change. */
    expectedVersion: z.number().int().positive(),
    reason: z.string().trim().max(2000).nullish(),
  })
  .refine((c) => c.event !== "return" || (c.reason ?? "") !== "", {
    error: "退回时必须填写理由",
    path: ["reason"],
  });

export type MeasureStateChange = z.input<typeof changeSchema>;

export interface MeasureStateChanged {
  readonly state: MeasureState;
  readonly version: number;
  /** For a review: the level that acted, and whether the measure now waits for the next level. */
  readonly review?: { readonly level: number; readonly awaitingLevel: number | null };
}

const measureChanged = (): DomainError =>
  new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");

/** The level acting next on a submitted measure: the approvals already made in its current round decide it. */
export async function reviewStepOf(tx: Repositories, access: MeasureAccess): Promise<ReviewStep> {
  const chain = (await tx.progress.reviewChain(access.inspection.id)) ?? DEFAULT_REVIEW_CHAIN;
  const reviews = await tx.progress.listReviews(access.scope, access.measure.id);
  const approvals = reviews.filter(
    (r) => r.round === access.measure.submissions && r.decision === "approve",
  ).length;
  return currentReviewStep(chain, approvals);
}

export async function changeMeasureState(
  deps: Deps,
  caller: Caller,
  input: MeasureStateChange,
): Promise<MeasureStateChanged> {
  const change = parseInput(changeSchema, input, "状态变更");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const access = await measureAccess(tx, caller, change.measureId);
    const { measure } = access;
    if (measure.version !== change.expectedVersion) throw measureChanged();
    const review = isReview(change.event);
    const step = review ? await reviewStepOf(tx, access) : null;
    if (step) requireReviewer(access.roles, step);
    else requireAction(access.roles, "measure.work");
    let state = transitionMeasure(measure.kind, measure.state, change.event);
    // An approval below the last level records the review and waits for the next level.
    const awaitingNext = step !== null && change.event === "close" && !step.isLast;
    if (step?.isLast && change.event === "close") {
      const hold = await tx.progress.getHold(measure.id);
      if (hold) throw new DomainError("closeout_held", `纪检监督已暂缓该整改措施销号：${hold.reason}`);
    }
    if (awaitingNext) state = measure.state;
    // A measure that must be proven cannot be claimed done, nor closed, without any evidence (佐证材料).
    if (measure.evidenceRequired && (change.event === "submit" || change.event === "close")) {
      const reports = await tx.progress.listByMeasure(access.scope, measure.id);
      if (!reports.some((r) => r.evidence.length > 0)) {
        throw new DomainError(
          "evidence_required",
          "该整改措施要求上传佐证材料，请先在进展报送中上传后再提交",
        );
      }
    }
    const closedAt = state === "closed" ? now : measure.closedAt;
    const submissions = change.event === "submit" ? measure.submissions + 1 : measure.submissions;
    if (!(await tx.measures.updateState(measure.id, measure.version, { state, closedAt, submissions }))) {
      throw measureChanged();
    }
    if (step) {
      await tx.progress.insertReview({
        id: deps.ids.next("rev"),
        measureId: measure.id,
        level: step.level,
        decision: change.event === "close" ? "approve" : "return",
        reason: change.reason ?? null,
        // Reviews name a person (the ledger prints them); the account is in the audit event.
        reviewerId: caller.user.personId,
        createdAt: now,
        round: measure.submissions,
      });
    }
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: awaitingNext ? "measure.approve_level" : `measure.${change.event}`,
      entity: "measure",
      entityId: measure.id,
      data: {
        from: measure.state,
        to: state,
        reason: change.reason ?? null,
        ...(step ? { level: step.level, role: step.role } : {}),
      },
    });
    return {
      state,
      version: measure.version + 1,
      ...(step ? { review: { level: step.level, awaitingLevel: awaitingNext ? step.level + 1 : null } } : {}),
    };
  });
}

const isReview = (event: MeasureEvent): boolean => event === "close" || event === "return";
