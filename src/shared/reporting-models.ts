// What the reporting routes answer (进展报送周期): an inspection's periods and, for one period, the measures lacking a
// progress report by department. Zod schemas of the JSON the server sends, shown in the OpenAPI document.

import { z } from "zod";
import { REPORTING_CADENCES } from "../domain/deadline-profile.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");

export const reportingPeriodSchema = z.object({
  key: z.string().describe("报送期间：月份 YYYY-MM，或（每周、每两周）起始周 YYYY-Www"),
  label: z.string().describe("中文名称，如 2026年11月"),
  start: date.describe("首日（第一期从反馈之日起）"),
  end: date.describe("末日"),
  due: date.describe("报送截止日：期末后第N个工作日（每月5、每两周3、每周1）"),
  holidayData: z
    .object({
      code: z.literal("holiday_data_missing"),
      years: z.array(z.number().int()),
      message: z.string(),
    })
    .nullable()
    .describe("截止日跨入尚无放假安排的年份时的提示"),
});

const cycleMeasureSchema = z.object({
  measureId: z.string(),
  problemSeq: z.number().int(),
  problemTitle: z.string(),
  seq: z.number().int(),
  text: z.string(),
  state: z.enum(MEASURE_STATES),
  kind: z.enum(MEASURE_KINDS),
  deadline: date.nullable(),
});

const standing = {
  required: z.number().int().describe("应报送的整改措施数（该期开始前未销号的；长期坚持的始终应报）"),
  onTime: z.number().int().describe("截止日前已报送的"),
  late: z.number().int().describe("截止日后才报送的（另计）"),
  missing: z.number().int().describe("未报送的"),
};

export const departmentCycleSchema = z.object({
  departmentId: z.string().nullable(),
  name: z.string().describe("责任部门；未明确的记为“未明确责任部门”"),
  ...standing,
  lateMeasures: z.array(cycleMeasureSchema),
  missingMeasures: z.array(cycleMeasureSchema),
});

export const reportingCycleSchema = z.object({
  inspectionId: z.string(),
  cadence: z.enum(REPORTING_CADENCES),
  asOf: date,
  feedbackDate: date.nullable(),
  concentratedEnd: date.nullable(),
  periods: z
    .array(reportingPeriodSchema)
    .describe("自反馈之日起至集中整改期结束（或今天，取较晚者）的各报送期间"),
  chosen: z
    .object({
      period: reportingPeriodSchema,
      dueReached: z.boolean().describe("截止日是否已过（未过时未报送的仍可按期报送）"),
      ...standing,
      departments: z.array(departmentCycleSchema).describe("按责任部门，未报送多的在前"),
    })
    .nullable()
    .describe("所选报送期间（默认：最近一个已过截止日的期间）的报送情况；尚无反馈日期时为 null"),
});

export const reportingOverviewSchema = z.object({
  asOf: date,
  shortfalls: z
    .array(
      z.object({
        inspectionId: z.string(),
        unitName: z.string(),
        periodLabel: z.string(),
        due: date,
        departmentId: z.string().nullable(),
        department: z.string(),
        missing: z.number().int(),
        late: z.number().int(),
      }),
    )
    .describe("未报送或逾期报送的责任部门，未报送多的在前"),
  inspectionsRead: z.number().int(),
  inspectionsLeft: z.number().int().describe("超出读取上限、未计入的有反馈日期的巡察数"),
});

/** The schemas shown once, by these names, under components/schemas of the OpenAPI document. */
export const REPORTING_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ReportingPeriod: reportingPeriodSchema,
  ReportingCycle: reportingCycleSchema,
};
