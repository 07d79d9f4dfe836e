// What any route may answer beside its own resource: the one error body, a keyset page's envelope, and the health
// check's answer. Zod schemas of the JSON the server sends (no transforms or defaults), shown in the OpenAPI document.

import { z } from "zod";
import { ERROR_REGISTRY, type ErrorCode } from "./error-registry.ts";
import { instant } from "./model-scalars.ts";

/** A page of a keyset-paged list. */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("下一页游标；null 为最后一页"),
  });

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_REGISTRY) as [ErrorCode, ...ErrorCode[]]),
    message: z.string().describe("中文说明，可直接展示给用户"),
    fields: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .describe("逐项指出的输入问题"),
  }),
});

export const healthSchema = z.object({
  status: z.literal("ok"),
  database: z.enum(["sqlite", "postgres"]),
  time: instant,
});

export const COMMON_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Error: errorBodySchema,
};
