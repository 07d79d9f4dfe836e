// The request of a monthly progress bulletin (月度整改进展通报): the month, the file format and the 发文字号; for a round,
// the round's label too. One schema for the API bodies, the CLI flags and the use case.

import { z } from "zod";
import { noticeLayoutOptionsSchema } from "./notice-layout-options.ts";

export const BULLETIN_FORMATS = ["docx", "pdf", "xlsx"] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

/** The media types of a bulletin by format. */
export const BULLETIN_MEDIA_TYPES: Record<BulletinFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const MONTH_ERROR = "月份应写作 YYYY-MM，如 2026-11";

export const bulletinRequestSchema = z.object({
  month: z
    .string({ error: MONTH_ERROR })
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/, { error: MONTH_ERROR })
    .describe("通报的月份 YYYY-MM；台账数据截至该月最后一天"),
  format: z
    .enum(BULLETIN_FORMATS, { error: "格式应为 docx、pdf 或 xlsx" })
    .default("docx")
    .describe("docx（默认）、pdf（需 LibreOffice）或 xlsx"),
  docNumber: noticeLayoutOptionsSchema.shape.docNumber.describe("发文字号，如 市巡办〔2026〕12号"),
});
export type BulletinRequest = z.input<typeof bulletinRequestSchema>;

export const roundBulletinRequestSchema = bulletinRequestSchema.extend({
  round: z
    .string({ error: "请填写轮次，如 十四届市委第八轮" })
    .trim()
    .min(1, { error: "请填写轮次，如 十四届市委第八轮" })
    .max(200)
    .describe("轮次，与巡察的“轮次”一致"),
});
export type RoundBulletinRequest = z.input<typeof roundBulletinRequestSchema>;
