// The scalars every answer model is built of (ids, calendar dates, instants, decimal text), said once so that each
// resource's models describe them alike in the OpenAPI document.

import { z } from "zod";

export const id = z.string();
export const nullableId = z.string().nullable();
/** A calendar date (deadlines and the like are dates in Asia/Shanghai). */
export const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
export const nullableDate = date.nullable();
export const instant = z.string().describe("时间，ISO 8601 UTC");
/** A decimal number as text, so that no float rounds it (money, quantities). */
export const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe("十进制数字文本（不经浮点舍入）");
