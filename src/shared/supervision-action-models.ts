// What the supervision register answers (督办台账): its steps (督办通知, 告诫, 约谈) with their reply state, and a
// measure's latest step as the ledger, the measure and the warning board carry it. Response schemas, no transforms.

import { z } from "zod";
import { REPLY_STATUS_LABELS, SUPERVISION_ACTION_KINDS } from "../domain/supervision-ladder.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const instant = z.string().describe("时间，ISO 8601 UTC");
const REPLY_STATUSES = Object.keys(REPLY_STATUS_LABELS) as [keyof typeof REPLY_STATUS_LABELS];

export const ladderStepSchema = z
  .object({
    kind: z.enum(SUPERVISION_ACTION_KINDS).describe("notice 督办通知；admonition 告诫；talk 约谈"),
    actionId: z.string(),
    docNumber: z.string().nullable().describe("督办通知的发文字号"),
    on: date.describe("下发、告诫或约谈的日期"),
  })
  .describe("该措施最近一次督办（督办通知、告诫或约谈）");

export const supervisionActionSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  kind: z.enum(SUPERVISION_ACTION_KINDS).describe("notice 督办通知；admonition 告诫；talk 约谈"),
  docNumber: z.string().nullable().describe("督办通知的发文字号（系统编号，或下发时填写的）"),
  issuedOn: date.describe("下发、告诫或约谈的日期"),
  replyBy: date.nullable().describe("书面回复时限（督办通知）"),
  replyStatus: z
    .enum(REPLY_STATUSES)
    .nullable()
    .describe(
      "replied 已按时回复；replied_late 逾期回复；awaiting 待回复；overdue 逾期未回复；告诫、约谈为 null",
    ),
  issuingOrgId: z.string().nullable().describe("发文的巡察机构编号（未记录时为 null）"),
  issuer: z.string().describe("发文或实施单位"),
  actorId: z.string(),
  createdAt: instant,
  sha256: z.string().nullable().describe("督办通知文件的 SHA-256"),
  measures: z.array(
    z.object({
      measureId: z.string(),
      level: z.enum(["overdue", "red"]),
      deadline: date.nullable(),
      daysOverdue: z.number().int(),
    }),
  ),
  admonition: z
    .object({ content: z.string(), warned: z.array(z.string()) })
    .nullable()
    .describe("告诫的内容和被告诫人"),
  talk: z
    .object({
      heldOn: date,
      place: z.string(),
      talkedTo: z.array(z.string()),
      heldBy: z.array(z.string()),
      summary: z.string(),
      followUp: z.string(),
    })
    .nullable()
    .describe("约谈记录"),
  reply: z
    .object({
      receivedOn: date,
      summary: z.string(),
      evidence: z.string().nullable(),
      recordedBy: z.string(),
      recordedAt: instant,
    })
    .nullable()
    .describe("单位的书面回复（单位整改办登记）"),
});

export const supervisionActionListSchema = z.object({
  inspectionId: z.string(),
  asOf: date.describe("判断回复状态的日期（北京时间今天）"),
  items: z.array(supervisionActionSchema).describe("按日期先后"),
  awaitingReply: z.number().int().describe("尚未回复的督办通知（含逾期未回复）"),
  replyOverdue: z.number().int().describe("超过书面回复时限仍未回复的督办通知"),
});

/** The schemas shown once, by these names, under components/schemas of the OpenAPI document. */
export const SUPERVISION_ACTION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  LadderStep: ladderStepSchema,
  SupervisionAction: supervisionActionSchema,
  SupervisionActionList: supervisionActionListSchema,
};
