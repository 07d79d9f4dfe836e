// What a monthly progress bulletin (月度整改进展通报) shows, unit by unit: the use case gathers it from the ledger, the
// .docx/PDF builder and the .xlsx writer both print it. Plain data, no rules.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { CompletionCounts } from "../../domain/deadline-warning.ts";
import type { Regime } from "../../domain/inspection.ts";

/** A measure named in the bulletin (closed this month, overdue, or lacking a progress report). */
export interface BulletinMeasure {
  readonly problemSeq: number;
  readonly problemTitle: string;
  readonly seq: number;
  readonly text: string;
  /** 责任部门 by name; null when the ledger names none. */
  readonly department: string | null;
  readonly deadline: CalendarDate | null;
  /** The first deadline when an approved extension moved it. */
  readonly originalDeadline: CalendarDate | null;
}

export interface BulletinDepartmentReporting {
  readonly department: string;
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly lateMeasures: readonly BulletinMeasure[];
  readonly missingMeasures: readonly BulletinMeasure[];
}

/** The reporting periods of the month (those ending in it) and how the measures stood in them. */
export interface BulletinReporting {
  /** 2026年11月, or the weeks' labels joined. */
  readonly periodLabels: readonly string[];
  /** The day the standing was judged on (the bulletin's date): reports for a month are due after it ends. */
  readonly judgedOn: CalendarDate;
  /** The last due day of those periods; judgedOn before it means reports may still come in time. */
  readonly due: CalendarDate | null;
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  /** Departments with a late or missing report, those missing most first. */
  readonly departments: readonly BulletinDepartmentReporting[];
}

export interface BulletinUnit {
  readonly inspectionId: string;
  readonly unitName: string;
  readonly regime: Regime;
  readonly team: string;
  readonly feedbackDate: CalendarDate | null;
  /** Over every measure, as the ledger stood at the month's end. */
  readonly completion: CompletionCounts;
  readonly closedThisMonth: readonly BulletinMeasure[];
  readonly overdue: ReadonlyArray<BulletinMeasure & { readonly daysOverdue: number }>;
  /** Null without a feedback date (the cycle starts with it). */
  readonly reporting: BulletinReporting | null;
}

export interface BulletinContent {
  /** `YYYY-MM`, and its last day: the ledger figures are as of that day. */
  readonly month: string;
  readonly asOf: CalendarDate;
  /** 轮次 when the bulletin covers a round; null for one unit. */
  readonly round: string | null;
  readonly units: readonly BulletinUnit[];
}
