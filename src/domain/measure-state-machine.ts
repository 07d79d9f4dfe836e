// The one state machine of a measure. A department's claim (submitted) and a reviewer's verification (closed) differ.

import { DomainError } from "./domain-error.ts";
import type { MeasureKind, MeasureState } from "./measure.ts";

export const MEASURE_EVENTS = ["start", "submit", "close", "return", "resume", "reopen_stage"] as const;
/**
 * start: draft → in_progress; submit: in_progress → submitted (the department says it is done);
 * close: submitted → closed (a reviewer verified it, 销号); return: submitted → returned (rework, with a reason);
 * resume: returned → in_progress; reopen_stage: closed → in_progress, only for long-term measures, which
 * close a stage and carry on (长期坚持).
 */
export type MeasureEvent = (typeof MEASURE_EVENTS)[number];

const TRANSITIONS: Record<MeasureEvent, { from: MeasureState; to: MeasureState }> = {
  start: { from: "draft", to: "in_progress" },
  submit: { from: "in_progress", to: "submitted" },
  close: { from: "submitted", to: "closed" },
  return: { from: "submitted", to: "returned" },
  resume: { from: "returned", to: "in_progress" },
  reopen_stage: { from: "closed", to: "in_progress" },
};

const ILLEGAL_CODES: Record<MeasureEvent, string> = {
  start: "measure_not_draft",
  submit: "measure_not_in_progress",
  close: "measure_not_submitted",
  return: "measure_not_submitted",
  resume: "measure_not_returned",
  reopen_stage: "measure_not_closed",
};

const EVENT_LABELS: Record<MeasureEvent, string> = {
  start: "启动",
  submit: "报送销号申请",
  close: "审核销号",
  return: "退回",
  resume: "重新整改",
  reopen_stage: "开启下一阶段",
};

/** Whether `event` may happen to a measure of `kind` in `state`. */
export function canTransition(kind: MeasureKind, state: MeasureState, event: MeasureEvent): boolean {
  if (event === "reopen_stage" && kind !== "long_term") return false;
  return TRANSITIONS[event].from === state;
}

/** The state after `event`, or a DomainError with a stable code when the transition is illegal. */
export function transitionMeasure(kind: MeasureKind, state: MeasureState, event: MeasureEvent): MeasureState {
  if (event === "reopen_stage" && kind !== "long_term") {
    throw new DomainError("measure_not_long_term", "只有长期坚持类整改措施可以开启下一阶段");
  }
  if (TRANSITIONS[event].from !== state) {
    throw new DomainError(ILLEGAL_CODES[event], `当前状态不能${EVENT_LABELS[event]}`);
  }
  return TRANSITIONS[event].to;
}

/** The events legal for a measure now, for UIs offering only what can be done. */
export const legalEvents = (kind: MeasureKind, state: MeasureState): MeasureEvent[] =>
  MEASURE_EVENTS.filter((e) => canTransition(kind, state, e));
