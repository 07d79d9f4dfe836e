// Moves a measure through its state machine (start, submit, close, return, resume, next stage), with review and audit.

import { DomainError } from "../domain/domain-error.ts";
import type { MeasureState } from "../domain/measure.ts";
import { MEASURE_EVENTS, transitionMeasure, type MeasureEvent } from "../domain/measure-state-machine.ts";
import type { Scope } from "../domain/scope.ts";
import { z } from "zod";
import { parseInput } from "../shared/validation.ts";
import type { Actor, Deps } from "./deps.ts";

const changeSchema = z
  .object({
    measureId: z.string().min(1),
    event: z.enum(MEASURE_EVENTS),
    /** The version the caller saw; a stale one is refused instead of overwriting someone else's change. */
    expectedVersion: z.number().int().positive(),
    reason: z.string().trim().max(2000).nullish(),
    reviewLevel: z.number().int().min(1).max(9).default(1),
  })
  .refine((c) => c.event !== "return" || (c.reason ?? "") !== "", {
    error: "退回时必须填写理由",
    path: ["reason"],
  });

export type MeasureStateChange = z.input<typeof changeSchema>;

export async function changeMeasureState(
  deps: Deps,
  actor: Actor,
  scope: Scope,
  input: MeasureStateChange,
): Promise<{ state: MeasureState; version: number }> {
  const change = parseInput(changeSchema, input, "状态变更");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const measure = await tx.measures.get(scope, change.measureId);
    if (!measure) throw new DomainError("measure_not_found", "未找到该整改措施（或无权操作）");
    if (measure.version !== change.expectedVersion) {
      throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
    }
    const state = transitionMeasure(measure.kind, measure.state, change.event);
    // A measure that must be proven cannot be claimed done, nor closed, without any evidence (佐证材料).
    if (measure.evidenceRequired && (change.event === "submit" || change.event === "close")) {
      const reports = await tx.progress.listByMeasure(scope, measure.id);
      if (!reports.some((r) => r.evidence.length > 0)) {
        throw new DomainError(
          "evidence_required",
          "该整改措施要求上传佐证材料，请先在进展报送中上传后再提交",
        );
      }
    }
    const closedAt = state === "closed" ? now : measure.closedAt;
    if (!(await tx.measures.updateState(measure.id, measure.version, { state, closedAt }))) {
      throw new DomainError("measure_changed", "该整改措施已被他人修改，请刷新后重试");
    }
    if (isReview(change.event)) {
      await tx.progress.insertReview({
        id: deps.ids.next("rev"),
        measureId: measure.id,
        level: change.reviewLevel,
        decision: change.event === "close" ? "approve" : "return",
        reason: change.reason ?? null,
        reviewerId: null,
        createdAt: now,
      });
    }
    await tx.audit.append({
      at: now,
      actor: actor.id,
      action: `measure.${change.event}`,
      entity: "measure",
      entityId: measure.id,
      data: { from: measure.state, to: state, reason: change.reason ?? null },
    });
    return { state, version: measure.version + 1 };
  });
}

const isReview = (event: MeasureEvent): boolean => event === "close" || event === "return";
