// PUT /api/v1/inspections/:id/deadline-profile: the whole profile (督办设置), shared by the server and the web UI.
// Types and choices are checked here; the order of the thresholds is the domain's rule (invalid_warning_thresholds).

import { z } from "zod";
import {
  DEFAULT_KIND_DEADLINES,
  REPORT_DUE_MONTHS,
  REPORTING_CADENCE_LABELS,
  REPORTING_CADENCES,
  WARNING_BASES,
  WARNING_BASIS_LABELS,
} from "../domain/deadline-profile.ts";
import { calendarDateSchema, labelledEnum } from "./validation.ts";

const days = z.number({ error: "应为天数（整数）" }).describe("剩余天数");

export const deadlineProfileSchema = z.object({
  thresholds: z.object({
    green: days.describe("剩余不超过该天数时为绿色预警（默认20）"),
    yellow: days.describe("剩余不超过该天数时为黄色预警（默认10）"),
    red: days.describe("剩余不超过该天数时为红色预警（默认0，即到期当天）"),
    basis: labelledEnum(WARNING_BASES, WARNING_BASIS_LABELS, "计算方式"),
  }),
  cadence: labelledEnum(REPORTING_CADENCES, REPORTING_CADENCE_LABELS, "报送周期"),
  reportMonths: z
    .number()
    .refine((n) => (REPORT_DUE_MONTHS as readonly number[]).includes(n), {
      error: "整改报告时限应为反馈后1、2、3或6个月",
    })
    .describe("整改情况报告在反馈后几个月内报送：1、2、3或6"),
  concentratedEnd: calendarDateSchema.nullable().describe("集中整改期截止日期；null 为反馈后两个月"),
  defaultDeadlines: z
    .object({
      immediateDays: z
        .number({ error: "立行立改的默认时限应为反馈后1到366天" })
        .describe("立行立改未写时限的，按反馈后多少天判断（默认30）"),
      longTermReviewMonths: z
        .number({ error: "长期坚持的阶段检视周期应为1、3、6或12个月" })
        .describe("长期坚持未写阶段时限的，每隔几个月检视一次（默认6）"),
    })
    .default(DEFAULT_KIND_DEADLINES)
    .describe("未写时限的措施按类型采用的默认时限；限期整改按集中整改期截止日期"),
});
export type DeadlineProfileInput = z.input<typeof deadlineProfileSchema>;
