// The request of a supervision notice (督办通知): its 发文字号, the reply time in working days, and the file format.
// One schema for the API body, the CLI flags and the use case.

import { z } from "zod";
import { noticeLayoutOptionsSchema } from "./notice-layout-options.ts";

/** Default 书面回复时限: 5 working days after the day of issue (the count starts the next day). */
export const DEFAULT_REPLY_WORKING_DAYS = 5;

export const SUPERVISION_NOTICE_FORMATS = ["docx", "pdf", "md"] as const;

export const supervisionNoticeRequestSchema = z.object({
  /** 发文字号, normalised to 机关代字〔年份〕序号号 (e.g. 市巡办〔2026〕3号); default: the office's settings, or none. */
  docNumber: noticeLayoutOptionsSchema.shape.docNumber.describe("发文字号，如 市巡办〔2026〕3号"),
  replyWithinWorkingDays: z
    .number({ error: "书面回复时限应为1至30之间的整数（工作日）" })
    .int({ error: "书面回复时限应为1至30之间的整数（工作日）" })
    .min(1, { error: "书面回复时限应为1至30之间的整数（工作日）" })
    .max(30, { error: "书面回复时限应为1至30之间的整数（工作日）" })
    .default(DEFAULT_REPLY_WORKING_DAYS)
    .describe("书面回复时限：下发之日起N个工作日内（默认5）"),
  format: z
    .enum(SUPERVISION_NOTICE_FORMATS, { error: "格式应为 docx、pdf 或 md" })
    .default("docx")
    .describe("docx（默认）、pdf（需 LibreOffice）或 md"),
});

export type SupervisionNoticeRequest = z.input<typeof supervisionNoticeRequestSchema>;
