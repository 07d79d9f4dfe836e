// A rectification measure (整改措施): what the unit commits to do for one problem, who answers for it, by when.

import type { CalendarDate } from "./calendar-date.ts";

export const MEASURE_KINDS = ["immediate", "time_limited", "long_term"] as const;
/** immediate 立行立改, time_limited 限期整改, long_term 长期坚持. */
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  immediate: "立行立改",
  time_limited: "限期整改",
  long_term: "长期坚持",
};

export const MEASURE_STATES = ["draft", "in_progress", "submitted", "returned", "closed"] as const;
/** See measure-state-machine.ts for the transitions. */
export type MeasureState = (typeof MEASURE_STATES)[number];
export const MEASURE_STATE_LABELS: Record<MeasureState, string> = {
  draft: "待启动",
  in_progress: "推进中",
  submitted: "待审核",
  returned: "已退回",
  closed: "已销号",
};

export interface Measure {
  readonly id: string;
  readonly inspectionId: string;
  readonly problemId: string;
  /** 1-based order within the problem. */
  readonly seq: number;
  readonly text: string;
  readonly kind: MeasureKind;
  /** Last day allowed (整改时限); null for open-ended long-term measures. */
  readonly deadline: CalendarDate | null;
  /** 牵头领导 (a person). */
  readonly leadLeaderId: string | null;
  /** 责任部门 (an org of kind department or unit). */
  readonly departmentId: string | null;
  /** 责任人 (a person). */
  readonly personId: string | null;
  /** 配合部门. */
  readonly cooperatingDepartmentIds: readonly string[];
  /** 验收标准/完成标志. */
  readonly acceptanceCriteria: string | null;
  readonly evidenceRequired: boolean;
  readonly state: MeasureState;
  /** When the current (or last) stage was closed; ISO UTC. */
  readonly closedAt: string | null;
  /** Optimistic-lock counter, bumped on every write. */
  readonly version: number;
  /** How many times it was submitted for review; each submission opens a new review round. */
  readonly submissions: number;
  /** The deadline first set, once an approved extension has moved `deadline`; else null. */
  readonly originalDeadline: CalendarDate | null;
}

/** A measure counts as still open (could be overdue) until it is closed. */
export const isOpenState = (state: MeasureState): boolean => state !== "closed";
