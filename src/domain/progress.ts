// What happens to a measure over time: progress reports with evidence, reviews, extension requests.

import type { Role } from "./account.ts";
import type { CalendarDate } from "./calendar-date.ts";

/** A file proving progress (佐证材料). The content is stored once by its sha-256. */
export interface Evidence {
  readonly id: string;
  readonly progressReportId: string;
  /** Lower-case hex sha-256 of the content. */
  readonly sha256: string;
  readonly name: string;
  /** Bytes. */
  readonly size: number;
  readonly mediaType: string;
}

/** A counted result of one report, e.g. 追回资金 12.5 万元, 建立制度 3 项. */
export interface ProgressFigure {
  readonly label: string;
  /** Decimal text, exact (no float rounding). */
  readonly quantity: string;
  readonly unit: string;
}

export interface ProgressReport {
  readonly id: string;
  readonly measureId: string;
  /** Reporting period: a month `YYYY-MM` (the default cycle) or an ISO week `YYYY-Www` (weekly cycles). */
  readonly period: string;
  readonly text: string;
  readonly figures: readonly ProgressFigure[];
  /** The reporting person (the account's linked person; the account itself is in the audit event). */
  readonly authorId: string | null;
  /** ISO UTC. */
  readonly createdAt: string;
}

const MONTH_PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK_PERIOD = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** True for a month `YYYY-MM` or an ISO week `YYYY-Www` between 2000 and 2099. */
export function isReportingPeriod(period: string): boolean {
  const year = MONTH_PERIOD.exec(period)?.[1] ?? WEEK_PERIOD.exec(period)?.[1];
  return year !== undefined && year >= "2000" && year <= "2099";
}

export const REVIEW_DECISIONS = ["approve", "return"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface Review {
  readonly id: string;
  readonly measureId: string;
  /** 1 = department head, 2 = rectification office, 3 = unit leader…; the last level closes. */
  readonly level: number;
  readonly decision: ReviewDecision;
  /** Required when returning. */
  readonly reason: string | null;
  readonly reviewerId: string | null;
  readonly createdAt: string;
  /** The measure's submission this review belongs to (Measure.submissions when it was made). */
  readonly round: number;
}

/** 纪检监督暂缓销号: a supervisor stops the close-out of a measure until the hold is lifted. */
export interface CloseoutHold {
  readonly measureId: string;
  readonly reason: string;
  /** The supervisor's account id. */
  readonly heldBy: string;
  readonly heldAt: string;
}

/**
 * A comment on a measure (意见): a supervisor's remark, an office's question, a department's answer. It decides
 * nothing (reviews and holds do); the author's name and role are kept as they were when it was written.
 */
export interface MeasureComment {
  readonly id: string;
  readonly measureId: string;
  /** The account that wrote it. */
  readonly authorId: string;
  readonly authorName: string;
  /** The role the author held over the measure that gives the comment its weight, e.g. supervisor. */
  readonly authorRole: Role;
  readonly text: string;
  readonly createdAt: string;
}

export const EXTENSION_DECISIONS = ["pending", "approved", "rejected"] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];

export interface ExtensionRequest {
  readonly id: string;
  readonly measureId: string;
  readonly reason: string;
  readonly newDeadline: CalendarDate;
  readonly decision: ExtensionDecision;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
  readonly createdAt: string;
  readonly requestedBy: string | null;
  /** The measure's deadline when the request was made. */
  readonly previousDeadline: string | null;
  /** Why it was decided so (required when rejected). */
  readonly decisionNote: string | null;
}
