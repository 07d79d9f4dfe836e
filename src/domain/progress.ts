// What happens to a measure over time: progress reports with evidence, reviews, extension requests.

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

export interface ProgressReport {
  readonly id: string;
  readonly measureId: string;
  /** Reporting period `YYYY-MM` (monthly cycle). */
  readonly period: string;
  readonly text: string;
  readonly authorId: string | null;
  /** ISO UTC. */
  readonly createdAt: string;
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
}
