// What the supervision routes answer (督办: working-day calendar, deadline profiles, warning states), as zod
// schemas: the response half of their contract, shown in the OpenAPI document under the names of
// SUPERVISION_SCHEMAS. No transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { DAY_KINDS } from "../domain/working-days.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const instant = z.string().describe("时间，ISO 8601 UTC");

export const calendarOverrideSchema = z.object({
  day: date,
  kind: z.enum(DAY_KINDS).describe("working 上班；holiday 放假"),
  name: z.string().describe("节日名称或说明"),
  createdAt: instant,
  createdBy: z.string().describe("录入者的账号编号"),
});

export const calendarOverrideListSchema = z.object({
  items: z.array(calendarOverrideSchema),
  coveredYears: z
    .array(z.number().int())
    .describe("已有节假日安排的年份（软件包自带的，加上录入了调整的年份）；其他年份暂按周一至周五推算"),
});

/** The schemas shown once, by these names, under components/schemas of the OpenAPI document. */
export const SUPERVISION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  CalendarOverride: calendarOverrideSchema,
  CalendarOverrideList: calendarOverrideListSchema,
};
