// Answers of the statistics routes beside the inspections' totals (the dashboard's 销号趋势), as zod schemas named in
// the OpenAPI document's components. No transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");

export const closureTrendSchema = z.object({
  asOf: date,
  weeks: z.array(
    z.object({
      weekStart: date.describe("该周周一（北京时间）"),
      closed: z.number().int().describe("该周销号的措施数（含长期措施阶段性销号；导入时已完成的不计）"),
    }),
  ),
});

export const STATISTICS_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ClosureTrend: closureTrendSchema,
};
