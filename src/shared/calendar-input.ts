// Requests of the working-day calendar's administration (节假日调整), shared by the server, the CLI and the web UI.

import { z } from "zod";
import { DAY_KINDS } from "../domain/working-days.ts";
import { calendarDateSchema, labelledEnum, requiredText } from "./validation.ts";

export const DAY_KIND_LABELS = { working: "上班", holiday: "放假" } as const;

/** PUT /api/v1/calendar/overrides/:day — what the day is, and why (the notice's holiday name or a note). */
export const calendarOverrideSchema = z.object({
  kind: labelledEnum(DAY_KINDS, DAY_KIND_LABELS, "类型"),
  name: requiredText(50).describe("节日名称或说明，如 春节、国庆节调休"),
});
export type CalendarOverrideInput = z.input<typeof calendarOverrideSchema>;

export const calendarDayParams = z.object({
  day: calendarDateSchema.describe("日期 YYYY-MM-DD（北京时间）"),
});

export const calendarRangeQuery = z.object({
  from: calendarDateSchema.optional().describe("起始日期（含）"),
  to: calendarDateSchema.optional().describe("截止日期（含）"),
});
