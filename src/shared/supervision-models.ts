// What the supervision routes answer (督办: working-day calendar, deadline profiles, warning states), as zod
// schemas: the response half of their contract, shown in the OpenAPI document under the names of
// SUPERVISION_SCHEMAS. No transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { REPORTING_CADENCES, WARNING_BASES } from "../domain/deadline-profile.ts";
import { DAY_KINDS } from "../domain/working-days.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const nullableDate = date.nullable();
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

export const warningThresholdsSchema = z.object({
  green: z.number().int().describe("剩余不超过该天数时为绿色预警"),
  yellow: z.number().int().describe("剩余不超过该天数时为黄色预警"),
  red: z.number().int().describe("剩余不超过该天数时为红色预警（0：到期当天）"),
  basis: z.enum(WARNING_BASES).describe("calendar 自然日；working 工作日"),
});

export const deadlineProfileSchema = z.object({
  inspectionId: z.string(),
  thresholds: warningThresholdsSchema,
  cadence: z.enum(REPORTING_CADENCES).describe("报送周期：monthly 每月、fortnightly 每两周、weekly 每周"),
  reportMonths: z.number().int().describe("整改情况报告在反馈后几个月内报送"),
  concentratedEnd: nullableDate.describe("设定的集中整改期截止日期；null 为反馈后两个月"),
  version: z.number().int().describe("版本号（0：尚未设置，按默认）；修改时放在 If-Match 头中"),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
  isDefault: z.boolean().describe("true：尚未设置，按默认（20/10/0 自然日，每月报送，反馈后2个月报告）"),
  dates: z
    .object({ feedbackDate: nullableDate, reportDue: nullableDate, concentratedEnd: nullableDate })
    .describe("由反馈日期推算的整改报告截止日和集中整改期截止日"),
});

/** The schemas shown once, by these names, under components/schemas of the OpenAPI document. */
export const SUPERVISION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  CalendarOverride: calendarOverrideSchema,
  CalendarOverrideList: calendarOverrideListSchema,
  WarningThresholds: warningThresholdsSchema,
  DeadlineProfile: deadlineProfileSchema,
};
