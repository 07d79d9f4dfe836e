// Requests of the review cycle (progress reports, state changes, extensions, review chains), shared by the server, the
// CLI and the web UI. Field messages are Chinese through parseInput.

import { z } from "zod";
import { MEASURE_EVENTS } from "../domain/measure-state-machine.ts";
import { isReportingPeriod } from "../domain/progress.ts";
import { ROLE_LABELS } from "../domain/account.ts";
import { REVIEWER_ROLES } from "../domain/review-chain.ts";
import { calendarDateSchema, labelledEnum, optionalText, requiredText } from "./validation.ts";

export const progressFigureSchema = z.object({
  label: requiredText(50),
  quantity: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,4})?$/, { error: "数量应为不超过四位小数的非负数，如 12.5" }),
  unit: requiredText(10),
});

export const progressReportSchema = z.object({
  period: z
    .string({ error: "必须填写报送期间" })
    .trim()
    .refine(isReportingPeriod, { error: "报送期间应为月份 YYYY-MM 或周 YYYY-Www，如 2021-05" }),
  text: requiredText(5000),
  figures: z.array(progressFigureSchema).max(20).default([]),
});
export type ProgressReportInput = z.input<typeof progressReportSchema>;

export const measureEventSchema = z
  .object({
    event: z.enum(MEASURE_EVENTS, { error: "操作应为 start、submit、close、return、resume 或 reopen_stage" }),
    reason: optionalText(2000),
  })
  .refine((c) => c.event !== "return" || (c.reason ?? "") !== "", {
    error: "退回时必须填写理由",
    path: ["reason"],
  });

export const extensionRequestSchema = z.object({
  reason: requiredText(2000),
  newDeadline: calendarDateSchema,
});
export type ExtensionRequestInput = z.input<typeof extensionRequestSchema>;

export const extensionDecisionSchema = z
  .object({
    decision: z.enum(["approved", "rejected"], { error: "审批结果应为 approved 或 rejected" }),
    note: optionalText(2000),
  })
  .refine((d) => d.decision !== "rejected" || (d.note ?? "") !== "", {
    error: "不予延期时必须说明理由",
    path: ["note"],
  });
export type ExtensionDecisionInput = z.input<typeof extensionDecisionSchema>;

export const reviewChainSchema = z.object({
  levels: z
    .array(labelledEnum(REVIEWER_ROLES, ROLE_LABELS, "审核层级"))
    .min(1)
    .max(5),
});
export type ReviewChainInput = z.input<typeof reviewChainSchema>;

const orgOrPersonId = z.string().min(1).max(100).nullable();

export const responsibilitySchema = z.object({
  leadLeaderId: orgOrPersonId.optional(),
  departmentId: orgOrPersonId.optional(),
  personId: orgOrPersonId.optional(),
  cooperatingDepartmentIds: z.array(z.string().min(1).max(100)).max(20).optional(),
  deadline: calendarDateSchema.nullable().optional(),
  evidenceRequired: z.boolean().optional(),
});
export type ResponsibilityInput = z.input<typeof responsibilitySchema>;

/** PUT /api/v1/measures/:id/hold: why the close-out is held (纪检监督暂缓销号). */
export const closeoutHoldSchema = z.object({ reason: requiredText(2000) });
export type CloseoutHoldInput = z.input<typeof closeoutHoldSchema>;

/** POST /api/v1/measures/:id/comments. */
export const measureCommentSchema = z.object({ text: requiredText(2000) });
export type MeasureCommentInput = z.input<typeof measureCommentSchema>;
