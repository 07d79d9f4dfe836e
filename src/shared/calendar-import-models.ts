// 导入节假日安排 (POST /api/v1/calendar/overrides/import): the request — the notice's text, the year when the text
// does not say it, dry run — and the answer, shared by the server, the CLI and the web UI.

import { z } from "zod";
import { DAY_KINDS } from "../domain/working-days.ts";
import { calendarOverrideSchema } from "./supervision-models.ts";

/** A State Council notice is about 1,500 characters; a whole table of a year's days stays far below this. */
export const CALENDAR_NOTICE_MAX_CHARS = 20_000;

export const calendarNoticeImportSchema = z.object({
  text: z
    .string({ error: "请粘贴国务院办公厅的节假日安排通知，或每行“日期 放假/上班 名称”的表格" })
    .trim()
    .min(1, { error: "请粘贴国务院办公厅的节假日安排通知，或每行“日期 放假/上班 名称”的表格" })
    .max(CALENDAR_NOTICE_MAX_CHARS, { error: `节假日安排不能超过${CALENDAR_NOTICE_MAX_CHARS}个字符` })
    .describe("通知全文，或每行“2027-02-06 放假 春节”的表格"),
  year: z
    .number({ error: "年份应为 2000 到 2100 之间的整数" })
    .int({ error: "年份应为 2000 到 2100 之间的整数" })
    .min(2000, { error: "年份应为 2000 到 2100 之间的整数" })
    .max(2100, { error: "年份应为 2000 到 2100 之间的整数" })
    .optional()
    .describe("通知所属年份；通知标题中写明的可不填"),
  dryRun: z.boolean().default(false).describe("true：只识别并答复将录入的日期，不保存"),
});
export type CalendarNoticeImportInput = z.input<typeof calendarNoticeImportSchema>;

const kindAndName = z.object({ kind: z.enum(DAY_KINDS), name: z.string() });

export const calendarNoticeImportResultSchema = z.object({
  year: z.number().int().nullable().describe("通知所属年份"),
  dryRun: z.boolean(),
  items: z
    .array(
      kindAndName.extend({
        day: z.string().describe("日期 YYYY-MM-DD"),
        before: kindAndName.nullable().describe("该日原有的调整；null：原来没有"),
      }),
    )
    .describe("通知中的每一天：放假或调休上班"),
  created: z.number().int().describe("新录入的天数"),
  replaced: z.number().int().describe("替换原有调整的天数"),
  notMentioned: z.array(calendarOverrideSchema).describe("该年已有、通知未提及的调整（保留不动）"),
  coveredYears: z.array(z.number().int()).describe("已有节假日安排的年份"),
});
