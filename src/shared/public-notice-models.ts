// What the public-notice routes take and answer (公开通报): the publish and withdraw requests, the public list and
// detail (no sign-in: only what the published notice itself says), and the unit's own view with who published and
// any withdrawal. Answer schemas have no transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { noticeLayoutOptionsSchema } from "./notice-layout-options.ts";
import { calendarDateSchema, requiredText } from "./validation.ts";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const instant = z.string().describe("时间，ISO 8601 UTC");

/** POST …/public-notices: the public version is generated now, from the ledger as it is. */
export const publishPublicNoticeSchema = z.object({
  layout: z
    .enum(["status", "aspect"], { error: "编排应为 status（按整改状态）或 aspect（按方面）" })
    .default("status"),
  issuedOn: calendarDateSchema.optional().describe("成文日期，默认今天"),
  /** This document's 版头/版记 and grid, over the unit's settings. */
  official: noticeLayoutOptionsSchema.optional(),
});

/** DELETE …/public-notices/:pid: why it is withdrawn (kept in the audit trail). */
export const withdrawPublicNoticeSchema = z.object({
  reason: requiredText(500).describe("撤回理由"),
});

export const publicNoticeListQuery = z.object({
  cursor: z
    .string()
    .max(400, { error: "翻页游标无效或已损坏" })
    .optional()
    .describe("上一页答复的 nextCursor"),
  limit: z.coerce
    .number({ error: "每页条数应为 1 到 100 的整数" })
    .int({ error: "每页条数应为 1 到 100 的整数" })
    .min(1, { error: "每页条数应为 1 到 100 的整数" })
    .max(100, { error: "每页条数应为 1 到 100 的整数" })
    .default(50),
});

/** One published notice in the public list. */
export const publicNoticeSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string().describe("被巡察单位（发布时的名称）"),
  title: z.string(),
  issuedOn: date,
  publishedAt: instant,
});

export const publicNoticePageSchema = z.object({
  items: z.array(publicNoticeSummarySchema),
  nextCursor: z.string().nullable().describe("下一页的游标；null 表示没有更多"),
});

/** A published notice as the public sees it: what the notice says, and its files. */
export const publicNoticeSchema = publicNoticeSummarySchema.extend({
  contact: z.string().nullable().describe("监督联系方式（通报正文末尾的公开监督段落）"),
  files: z.object({
    docx: z.object({ size: z.number().int(), path: z.string() }),
    html: z.object({ size: z.number().int(), path: z.string() }),
  }),
});

/** The unit's view of a public notice it published: who, when, and the withdrawal. */
export const publishedNoticeSchema = publicNoticeSchema.extend({
  inspectionId: z.string(),
  layout: z.enum(["status", "aspect"]),
  publishedByName: z.string(),
  withdrawal: z.object({ at: instant, reason: z.string() }).nullable(),
});

export const publishedNoticeListSchema = z.object({ items: z.array(publishedNoticeSchema) });

export const PUBLIC_NOTICE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  PublicNoticeSummary: publicNoticeSummarySchema,
  PublicNoticePage: publicNoticePageSchema,
  PublicNotice: publicNoticeSchema,
  PublishedNotice: publishedNoticeSchema,
  PublishedNoticeList: publishedNoticeListSchema,
};
