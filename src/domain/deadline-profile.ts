// An inspection's deadline profile (督办设置): warning thresholds and their basis, reporting cadence, when the
// rectification report is due and when the concentrated period ends. Pure: defaults, validation, derived dates.

import { addDays, addMonths, isCalendarDate, type CalendarDate } from "./calendar-date.ts";
import {
  DEFAULT_WARNING_THRESHOLDS,
  warningThresholdsProblem,
  type KindDeadlines,
  type WarningThresholds,
} from "./deadline-warning.ts";
import { computeInspectionDeadlines } from "./inspection.ts";

export const REPORTING_CADENCES = ["monthly", "fortnightly", "weekly"] as const;
/** How often every open measure needs a progress report: 每月 (default), 每两周, 每周. */
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];
export const REPORTING_CADENCE_LABELS: Record<ReportingCadence, string> = {
  monthly: "每月",
  fortnightly: "每两周",
  weekly: "每周",
};

/** Months after the feedback at which the rectification report (整改情况报告) is due: issue 12 offers 1/2/3/6. */
export const REPORT_DUE_MONTHS = [1, 2, 3, 6] as const;

export const WARNING_BASES = ["calendar", "working"] as const;
export const WARNING_BASIS_LABELS: Record<WarningThresholds["basis"], string> = {
  calendar: "自然日",
  working: "工作日",
};

/** Stage reviews of a long-term measure (长期坚持) without a date of its own: every 1, 3, 6 or 12 months. */
export const LONG_TERM_REVIEW_MONTHS = [1, 3, 6, 12] as const;

/**
 * The deadline a measure is judged against when the ledger gives it none, by kind: 立行立改 this many calendar days
 * after the feedback; 限期整改 the end of the concentrated period; 长期坚持 a stage review every N months after the
 * feedback (the next one from today). A measure's own deadline always wins.
 */
export interface DefaultDeadlines {
  readonly immediateDays: number;
  readonly longTermReviewMonths: number;
}

export const DEFAULT_KIND_DEADLINES: DefaultDeadlines = { immediateDays: 30, longTermReviewMonths: 6 };

/** What an inspection office sets for one inspection; every field has a default. */
export interface DeadlineSettings {
  readonly thresholds: WarningThresholds;
  readonly cadence: ReportingCadence;
  /** The report is due this many months after the feedback date. */
  readonly reportMonths: number;
  /** End of the concentrated rectification period (集中整改期); null: two months after the feedback date. */
  readonly concentratedEnd: CalendarDate | null;
  readonly defaultDeadlines: DefaultDeadlines;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  thresholds: DEFAULT_WARNING_THRESHOLDS,
  cadence: "monthly",
  reportMonths: 2,
  concentratedEnd: null,
  defaultDeadlines: DEFAULT_KIND_DEADLINES,
};

/** The profile as stored: the settings, who set them and when, and a version for If-Match (0: never set). */
export interface DeadlineProfile extends DeadlineSettings {
  readonly inspectionId: string;
  readonly version: number;
  /** ISO UTC; null while the defaults apply. */
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

/** The defaults of an inspection that has no stored profile. */
export const defaultDeadlineProfile = (inspectionId: string): DeadlineProfile => ({
  inspectionId,
  ...DEFAULT_DEADLINE_SETTINGS,
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

/** The two dates of the inspection that follow from its feedback date and the settings (null without feedback). */
export function profileDates(
  feedbackDate: CalendarDate | null,
  settings: Pick<DeadlineSettings, "reportMonths" | "concentratedEnd">,
): { reportDue: CalendarDate | null; concentratedEnd: CalendarDate | null } {
  const derived = computeInspectionDeadlines(feedbackDate, {
    reportMonths: settings.reportMonths,
    concentratedMonths: 2,
  });
  return {
    reportDue: derived.reportDue,
    concentratedEnd: settings.concentratedEnd ?? derived.concentratedEnd,
  };
}

/** The kind defaults as dates for the warning ladder (null without a feedback date: nothing to count from). */
export function kindDeadlines(
  feedbackDate: CalendarDate | null,
  settings: Pick<DeadlineSettings, "reportMonths" | "concentratedEnd" | "defaultDeadlines">,
): KindDeadlines | null {
  if (feedbackDate === null) return null;
  return {
    immediate: addDays(feedbackDate, settings.defaultDeadlines.immediateDays),
    limited: profileDates(feedbackDate, settings).concentratedEnd ?? addMonths(feedbackDate, 2),
    longTerm: { from: feedbackDate, everyMonths: settings.defaultDeadlines.longTermReviewMonths },
  };
}

/**
 * What is wrong with the settings, field by field (Chinese, safe to show); empty when they can be used. The
 * thresholds follow warningThresholdsProblem (green ≥ yellow ≥ red ≥ 0, whole days), at most 366 days.
 */
export function deadlineSettingsProblems(
  settings: DeadlineSettings,
  feedbackDate: CalendarDate | null,
): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const t = settings.thresholds;
  const thresholds = warningThresholdsProblem(t);
  if (thresholds !== null) problems.push({ path: "thresholds", message: thresholds });
  else if (t.green > 366) problems.push({ path: "thresholds.green", message: "预警天数不能超过366天" });
  if (!(REPORT_DUE_MONTHS as readonly number[]).includes(settings.reportMonths)) {
    problems.push({ path: "reportMonths", message: "整改报告时限应为反馈后1、2、3或6个月" });
  }
  const end = settings.concentratedEnd;
  if (end !== null && !isCalendarDate(end)) {
    problems.push({ path: "concentratedEnd", message: "集中整改期截止日期不是有效的日期" });
  } else if (end !== null && feedbackDate !== null && end < feedbackDate) {
    problems.push({ path: "concentratedEnd", message: "集中整改期截止日期不能早于反馈日期" });
  }
  const d = settings.defaultDeadlines;
  if (!Number.isInteger(d.immediateDays) || d.immediateDays < 1 || d.immediateDays > 366) {
    problems.push({
      path: "defaultDeadlines.immediateDays",
      message: "立行立改的默认时限应为反馈后1到366天",
    });
  }
  if (!(LONG_TERM_REVIEW_MONTHS as readonly number[]).includes(d.longTermReviewMonths)) {
    problems.push({
      path: "defaultDeadlines.longTermReviewMonths",
      message: "长期坚持的阶段检视周期应为1、3、6或12个月",
    });
  }
  return problems;
}
