// The reporting routes of /api/v1 (进展报送): an inspection's reporting cycle and missing reports by department, and the
// monthly progress bulletin (月度整改进展通报) of a unit or a round.
// Part of the one route table (api-routes.ts spreads them in).

import { z } from "zod";
import { defineRoute } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  BULLETIN_MEDIA_TYPES,
  bulletinRequestSchema,
  roundBulletinRequestSchema,
} from "./reporting-bulletin-input.ts";
import { reportingCycleSchema, reportingOverviewSchema } from "./reporting-models.ts";
import { completionCountsSchema } from "./supervision-models.ts";
import { calendarDateSchema } from "./validation.ts";

export const REPORTING_ROUTES = {
  getReportingCycle: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/reporting",
    summary: "进展报送情况：报送周期的各期间及截止日，所选期间各责任部门未报送、逾期报送的整改措施",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    query: z.object({
      period: z
        .string()
        .max(10)
        .optional()
        .describe("报送期间 YYYY-MM 或 YYYY-Www；默认最近一个已过截止日的期间"),
      asOf: calendarDateSchema.optional().describe("统计基准日，默认今天（北京时间）"),
    }),
    answer: { kind: "json", status: 200, schema: reportingCycleSchema },
    errors: ["inspection_not_found"],
  }),
  summarizeCompletion: defineRoute({
    method: "GET",
    path: "/api/v1/statistics/completion",
    summary: "可见范围内整改措施的完成率与按期完成率（经批准延期的另计；示例数据不计入）",
    tag: "巡察与台账",
    access: "signedIn",
    answer: {
      kind: "json",
      status: 200,
      schema: z.object({ asOf: calendarDateSchema, completion: completionCountsSchema }),
    },
  }),
  summarizeReporting: defineRoute({
    method: "GET",
    path: "/api/v1/statistics/reporting",
    summary:
      "报送情况：可见范围内各巡察最近一个已过截止日的报送期间，未报送或逾期报送进展的责任部门（最多读取50个巡察）",
    tag: "督办",
    access: "signedIn",
    answer: { kind: "json", status: 200, schema: reportingOverviewSchema },
  }),
  generateBulletin: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/bulletins",
    summary:
      "生成月度整改进展通报（单位整改办、巡察办、管理员）：截至月末的完成率、按期完成率（延期另计）、逾期，各责任部门未报送情况；docx、pdf 或 xlsx",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: bulletinRequestSchema,
    answer: { kind: "file", status: 200, mediaTypes: Object.values(BULLETIN_MEDIA_TYPES) },
    errors: ["inspection_not_found", "pdf_converter_missing", "pdf_conversion_failed"],
  }),
  generateRoundBulletin: defineRoute({
    method: "POST",
    path: "/api/v1/round-bulletins",
    summary: "生成一个轮次各被巡察单位的月度整改进展通报（所见的该轮次全部巡察）；docx、pdf 或 xlsx",
    tag: "督办",
    access: "signedIn",
    body: roundBulletinRequestSchema,
    answer: { kind: "file", status: 200, mediaTypes: Object.values(BULLETIN_MEDIA_TYPES) },
    errors: ["inspection_not_found", "pdf_converter_missing", "pdf_conversion_failed"],
  }),
} as const;
