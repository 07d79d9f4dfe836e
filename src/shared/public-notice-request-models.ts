// What the approval routes of public notices take and answer (公开通报审批): the submission (the publish request's own
// options), the leader's return with its reason, and a request as the caller sees it — the notice generated at
// submission with its files, its state and decision, and what the caller may do to it now. Answer schemas have no
// transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { publishPublicNoticeSchema } from "./public-notice-models.ts";
import { requiredText } from "./validation.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const instant = z.string().describe("时间，ISO 8601 UTC");

export const REQUEST_STATES = ["pending", "approved", "returned", "cancelled"] as const;

/** POST …/public-notice-requests: the same choices as publishing directly; the notice is generated at submission. */
export const submitPublicNoticeRequestSchema = publishPublicNoticeSchema;

/** POST …/public-notice-requests/:rid/return: why the leader sends it back (the submitter reads it). */
export const returnPublicNoticeRequestSchema = z.object({
  reason: requiredText(500).describe("退回理由"),
});

const fileSchema = z.object({
  size: z.number().int(),
  sha256: z.string().describe("文件内容的 SHA-256（批准后发布的正是这份文件）"),
  path: z.string(),
});

export const publicNoticeRequestSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  unitName: z.string().describe("被巡察单位（提交时的名称）"),
  title: z.string(),
  issuedOn: date.describe("成文日期"),
  layout: z.enum(["status", "aspect"]),
  contact: z.string().nullable().describe("监督联系方式"),
  options: z
    .object({
      layout: z.enum(["status", "aspect"]),
      issuedOn: date,
      official: z
        .record(z.string(), z.unknown())
        .nullable()
        .describe("本次填写的版头版记（其余按本单位设置）"),
    })
    .describe("提交时的选项"),
  files: z.object({ docx: fileSchema, html: fileSchema }).describe("提交时生成的公开版（预览即发布内容）"),
  submittedByName: z.string(),
  submittedAt: instant,
  state: z
    .enum(REQUEST_STATES)
    .describe("pending 待审批；approved 已批准发布；returned 已退回；cancelled 已撤回"),
  decision: z
    .object({ at: instant, byName: z.string(), reason: z.string().nullable() })
    .nullable()
    .describe("批准、退回或撤回：何人、何时、理由"),
  publicNoticeId: z.string().nullable().describe("批准后发布的公开通报"),
  mayDecide: z.boolean().describe("当前登录者此刻可以批准或退回"),
  mayCancel: z.boolean().describe("当前登录者此刻可以撤回申请"),
});

export const publicNoticeRequestListSchema = z.object({ items: z.array(publicNoticeRequestSchema) });

export const PUBLIC_NOTICE_REQUEST_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  PublicNoticeRequest: publicNoticeRequestSchema,
  PublicNoticeRequestList: publicNoticeRequestListSchema,
};
