// An inspection (巡视/巡察/审计/督察/专项检查): who inspected whom, when, and the deadlines that follow from the feedback date.

import { addMonths, type CalendarDate } from "./calendar-date.ts";

export const REGIMES = ["xunshi", "xuncha", "audit", "supervision", "special_check"] as const;
/** xunshi 巡视, xuncha 巡察, audit 审计, supervision 督察, special_check 专项检查. */
export type Regime = (typeof REGIMES)[number];
export const REGIME_LABELS: Record<Regime, string> = {
  xunshi: "巡视",
  xuncha: "巡察",
  audit: "审计",
  supervision: "督察",
  special_check: "专项检查",
};

export const INSPECTION_KINDS = ["regular", "special", "follow_up", "linked"] as const;
/** regular 常规, special 专项, follow_up 回头看, linked 联动. */
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  regular: "常规",
  special: "专项",
  follow_up: "回头看",
  linked: "联动",
};

/**
 * How long a unit has after the feedback: the rectification report (整改情况报告) is due `reportMonths`
 * after the feedback date and the concentrated rectification period (集中整改期) ends `concentratedMonths`
 * after it. The default (2 and 2 months) is the common rule for 巡视/巡察 feedback; an inspection's deadline
 * profile (deadline-profile.ts) may choose other report months and a concentrated-period end of its own.
 */
export interface FeedbackPeriods {
  readonly reportMonths: number;
  readonly concentratedMonths: number;
}
export const DEFAULT_FEEDBACK_PERIODS: FeedbackPeriods = { reportMonths: 2, concentratedMonths: 2 };

export interface Inspection {
  readonly id: string;
  readonly regime: Regime;
  readonly kind: InspectionKind;
  /** 轮次, e.g. 十四届市委第八轮. */
  readonly roundLabel: string | null;
  /** The inspecting team as written, e.g. 市委第八巡察组. */
  readonly team: string;
  /** The oversight office that runs the round (巡察办), if recorded. */
  readonly oversightOrgId: string | null;
  /** The inspected unit. */
  readonly targetOrgId: string;
  readonly onsiteStart: CalendarDate | null;
  readonly onsiteEnd: CalendarDate | null;
  readonly feedbackDate: CalendarDate | null;
  /** Derived from feedbackDate and the deadline profile; stored so lists can sort and filter on it. */
  readonly reportDue: CalendarDate | null;
  readonly concentratedEnd: CalendarDate | null;
  /** Example data shown to newcomers (示例); never counted in oversight statistics. */
  readonly isExample: boolean;
  readonly createdAt: string;
}

/** The report due date and concentrated-period end for a feedback date (both null without one). */
export function computeInspectionDeadlines(
  feedbackDate: CalendarDate | null,
  profile: FeedbackPeriods = DEFAULT_FEEDBACK_PERIODS,
): { reportDue: CalendarDate | null; concentratedEnd: CalendarDate | null } {
  if (feedbackDate === null) return { reportDue: null, concentratedEnd: null };
  return {
    reportDue: addMonths(feedbackDate, profile.reportMonths),
    concentratedEnd: addMonths(feedbackDate, profile.concentratedMonths),
  };
}
