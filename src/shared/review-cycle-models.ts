// What the review-cycle routes answer (进展报送、延期、审核销号): a measure's detail with its progress, evidence,
// reviews, extensions, hold and comments, and what each step answers. Zod schemas of the JSON the server sends.

import { z } from "zod";
import { ROLES } from "../domain/account.ts";
import { MEASURE_EVENTS } from "../domain/measure-state-machine.ts";
import { MEASURE_STATES } from "../domain/measure.ts";
import { EXTENSION_DECISIONS, REVIEW_DECISIONS } from "../domain/progress.ts";
import { REVIEWER_ROLES } from "../domain/review-chain.ts";
import { measureSchema } from "./ledger-models.ts";
import { date, decimal, id, instant, nullableDate, nullableId } from "./model-scalars.ts";
import { deadlineWarningSchema } from "./supervision-models.ts";
import { ladderStepSchema } from "./supervision-action-models.ts";

const evidenceSchema = z.object({
  id,
  progressReportId: id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});

const evidenceRecordSchema = evidenceSchema.extend({
  uploadedBy: nullableId,
  uploadedAt: instant.nullable(),
});

const progressReportSchema = z.object({
  id,
  measureId: id,
  period: z.string().describe("报送期间：月 YYYY-MM 或周 YYYY-Www"),
  text: z.string(),
  figures: z.array(z.object({ label: z.string(), quantity: decimal, unit: z.string() })),
  authorId: nullableId,
  createdAt: instant,
});

export const reportedProgressSchema = z.object({
  report: progressReportSchema,
  evidence: z.array(evidenceRecordSchema),
  measureVersion: z.number().int(),
});

export const extensionSchema = z.object({
  id,
  measureId: id,
  reason: z.string(),
  newDeadline: date,
  decision: z.enum(EXTENSION_DECISIONS),
  decidedBy: nullableId,
  decidedAt: instant.nullable(),
  createdAt: instant,
  requestedBy: nullableId,
  previousDeadline: nullableDate,
  decisionNote: z.string().nullable(),
});

export const closeoutHoldSchema = z.object({
  measureId: id,
  reason: z.string(),
  heldBy: id,
  heldAt: instant,
});

const reviewStepSchema = z.object({
  level: z.number().int(),
  role: z.enum(REVIEWER_ROLES),
  isLast: z.boolean(),
});

export const MEASURE_ACTIONS = [
  ...MEASURE_EVENTS,
  "report_progress",
  "request_extension",
  "decide_extension",
  "hold_closeout",
  "lift_hold",
  "comment",
] as const;

export const measureCommentSchema = z.object({
  id,
  measureId: id,
  authorId: id,
  authorName: z.string(),
  authorRole: z.enum(ROLES).describe("写意见时所持的角色，如 supervisor（纪检监督）"),
  text: z.string(),
  createdAt: instant,
});

export const measureDetailSchema = z.object({
  measure: measureSchema,
  problem: z.object({ id, seq: z.number().int(), title: z.string() }).nullable(),
  progress: z.array(progressReportSchema.extend({ evidence: z.array(evidenceSchema) })),
  reviews: z.array(
    z.object({
      id,
      measureId: id,
      level: z.number().int(),
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string().nullable(),
      reviewerId: nullableId,
      createdAt: instant,
      round: z.number().int(),
    }),
  ),
  extensions: z.array(extensionSchema),
  hold: closeoutHoldSchema.nullable(),
  comments: z.array(measureCommentSchema),
  reviewStep: reviewStepSchema.nullable().describe("待审核时，当前应由哪一级审核"),
  warning: deadlineWarningSchema,
  ladder: ladderStepSchema.nullable(),
  allowedActions: z.array(z.enum(MEASURE_ACTIONS)).describe("当前登录者此刻可以进行的操作（供页面显示按钮）"),
});

export const measureStateChangedSchema = z.object({
  state: z.enum(MEASURE_STATES),
  version: z.number().int(),
  review: z.object({ level: z.number().int(), awaitingLevel: z.number().int().nullable() }).optional(),
});

export const reviewChainViewSchema = z.object({
  levels: z.array(z.enum(REVIEWER_ROLES)),
  isDefault: z.boolean().describe("true：未设置，按默认（单位领导一级审核）"),
});

export const REVIEW_CYCLE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Evidence: evidenceSchema,
  Extension: extensionSchema,
  CloseoutHold: closeoutHoldSchema,
  MeasureComment: measureCommentSchema,
  MeasureDetail: measureDetailSchema,
};
