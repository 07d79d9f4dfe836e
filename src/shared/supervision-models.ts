// What the supervision routes answer (督办: working-day calendar, deadline profiles, warning states), as zod
// schemas: the response half of their contract, shown in the OpenAPI document under the names of
// SUPERVISION_SCHEMAS. No transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { REPORTING_CADENCES, WARNING_BASES } from "../domain/deadline-profile.ts";
import { NOT_WARNED_REASONS, WARNING_LEVELS } from "../domain/deadline-warning.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";
import { DAY_KINDS } from "../domain/working-days.ts";
import { ladderStepSchema, SUPERVISION_ACTION_SCHEMAS } from "./supervision-action-models.ts";

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
  defaultDeadlines: z
    .object({
      immediateDays: z.number().int().describe("立行立改未写时限的，按反馈后多少天判断"),
      longTermReviewMonths: z.number().int().describe("长期坚持未写阶段时限的，每隔几个月检视一次"),
    })
    .describe("未写时限的措施按类型采用的默认时限；限期整改按集中整改期截止日期"),
  version: z.number().int().describe("版本号（0：尚未设置，按默认）；修改时放在 If-Match 头中"),
  updatedAt: instant.nullable(),
  updatedBy: z.string().nullable(),
  isDefault: z.boolean().describe("true：尚未设置，按默认（20/10/0 自然日，每月报送，反馈后2个月报告）"),
  dates: z
    .object({
      feedbackDate: nullableDate,
      reportDue: nullableDate,
      concentratedEnd: nullableDate,
      immediateDefault: nullableDate.describe("立行立改未写时限的措施据以判断的日期"),
    })
    .describe("由反馈日期推算的整改报告截止日和集中整改期截止日"),
});

const holidayDataSchema = z
  .object({
    code: z.literal("holiday_data_missing"),
    years: z.array(z.number().int()),
    message: z.string().describe("中文说明：哪些年份的放假安排尚未录入，相关天数按周一至周五推算"),
  })
  .describe("按工作日计算时跨入了尚无放假安排的年份");

export const datedWarningSchema = z.object({
  level: z
    .enum(WARNING_LEVELS)
    .describe("normal 正常推进；green 绿色预警；yellow 黄色预警；red 红色预警；overdue 已逾期"),
  judgedAgainst: date.describe("据以判断的时限（延期获批后为新时限；未写时限的为按类型的默认时限）"),
  defaulted: z.boolean().describe("true：措施未写时限，按督办设置中该类型的默认时限判断"),
  originalDeadline: nullableDate.describe("延期前的原时限（未延期为 null）"),
  extended: z.boolean().describe("时限是否经批准延期"),
  basis: z.enum(WARNING_BASES).describe("剩余天数按 calendar 自然日或 working 工作日计算"),
  daysLeft: z.number().int().describe("距时限剩余天数（不含今天，含时限当天）；逾期后为0"),
  daysOverdue: z.number().int().describe("逾期天数（自然日）；未逾期为0"),
  holidayData: holidayDataSchema.nullable(),
});

export const deadlineWarningSchema = z
  .union([
    z.object({
      level: z.literal("not_warned"),
      reason: z
        .enum(NOT_WARNED_REASONS)
        .describe("closed 已销号；submitted 待审核；open_ended 长期坚持且无阶段时限；no_deadline 缺少时限"),
    }),
    datedWarningSchema,
  ])
  .describe("督办预警：按本巡察的督办设置和工作日历，在统计基准日判断");

const warnedMeasureSchema = z.object({
  measureId: z.string(),
  problemId: z.string(),
  problemSeq: z.number().int(),
  problemTitle: z.string(),
  seq: z.number().int(),
  text: z.string(),
  kind: z.enum(MEASURE_KINDS),
  state: z.enum(MEASURE_STATES),
  departmentId: z.string().nullable(),
  deadline: nullableDate,
  warning: datedWarningSchema,
  ladder: ladderStepSchema.nullable().describe("最近一次督办（督办通知、告诫或约谈）；从未督办为 null"),
});

const count = z.number().int();
const percent = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe("百分数，两位小数");

export const completionCountsSchema = z.object({
  measures: count,
  completed: count.describe("已完成的措施（已销号，或长期坚持类已完成阶段）"),
  completedOnTime: count.describe("在最初时限内完成的措施（无时限的不算逾期）"),
  extended: count.describe("时限经批准延期的措施"),
  completedWithinExtension: count.describe("超过原时限、在延期后时限内完成的措施（不计入按期完成）"),
  completedUndated: count.describe("已完成但无销号时间记录、无法判断是否按期的措施"),
  completionRate: percent.describe("完成率：已完成措施 ÷ 措施总数"),
  onTimeRate: percent.describe("按期完成率：按期完成措施 ÷ 措施总数"),
});

export const inspectionWarningsSchema = z.object({
  inspectionId: z.string(),
  asOf: date.describe("统计基准日（北京时间）"),
  thresholds: warningThresholdsSchema,
  groups: z
    .object({
      overdue: z.array(warnedMeasureSchema).describe("已逾期，逾期天数多者在前"),
      red: z.array(warnedMeasureSchema),
      yellow: z.array(warnedMeasureSchema),
      green: z.array(warnedMeasureSchema),
    })
    .describe("红、黄、绿预警按剩余天数少者在前"),
  counts: z.object({
    normal: count,
    green: count,
    yellow: count,
    red: count,
    overdue: count,
    notWarned: z.object({ closed: count, submitted: count, open_ended: count, no_deadline: count }),
  }),
  completion: completionCountsSchema,
  holidayData: holidayDataSchema.nullable(),
});

/** The schemas shown once, by these names, under components/schemas of the OpenAPI document. */
export const SUPERVISION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  CalendarOverride: calendarOverrideSchema,
  CalendarOverrideList: calendarOverrideListSchema,
  WarningThresholds: warningThresholdsSchema,
  DeadlineProfile: deadlineProfileSchema,
  DeadlineWarning: deadlineWarningSchema,
  CompletionCounts: completionCountsSchema,
  InspectionWarnings: inspectionWarningsSchema,
  ...SUPERVISION_ACTION_SCHEMAS,
};
