// What the public-notice routes take and answer (公开通报): the publish and withdraw requests, the public list and
// detail (no sign-in: only what the published notice itself says), and the unit's own view with who published and
// any withdrawal. Answer schemas have no transforms or defaults: they describe the JSON the server sends.

import { z } from "zod";
import { noticeLayoutOptionsSchema } from "./notice-layout-options.ts";
import { calendarDateSchema, requiredText } from "./validation.ts";
import { wholeNumberQuery } from "./whole-number-query.ts";

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

/** `limit` of a public list: 1 to `max`, `fallback` when left out. */
const pageLimit = (max: number, fallback: number) => wholeNumberQuery("每页条数", 1, max).default(fallback);

/** Free text: blank-separated words that must all occur, literally (`%` and `_` are plain characters), any case. */
const searchText = (what: string) =>
  z
    .string()
    .max(100, { error: "查找的文字最多 100 个字" })
    .optional()
    .describe(`按${what}查找：用空格分开的词须都出现（不区分大小写；% 和 _ 按字面查找）`);

export const publicNoticeListQuery = z.object({
  cursor: z
    .string()
    .max(400, { error: "翻页游标无效或已损坏" })
    .optional()
    .describe("上一页答复的 nextCursor（翻页时带上同样的 unitId 和 q）"),
  limit: pageLimit(100, 50),
  unitId: z
    .string()
    .max(100, { error: "单位编号无效" })
    .optional()
    .describe("只看该单位的公开通报（GET /api/v1/public/units 的 unitId）"),
  q: searchText("标题或单位名称"),
});

/** GET /api/v1/public/units: the units with public notices, by name in pinyin order. */
export const publicUnitListQuery = z.object({
  q: searchText("单位名称"),
  limit: pageLimit(500, 100),
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

/** A unit on the public page: how many notices it has there (withdrawn ones not counted) and its latest. */
export const publicUnitSchema = z.object({
  unitId: z.string(),
  unitName: z.string().describe("单位名称（其最新一份公开通报上的名称）"),
  noticeCount: z.number().int().describe("公开通报份数（不含已撤回的）"),
  latestIssuedOn: date.describe("最新一份的成文日期"),
  latestPublishedAt: instant.describe("最近一次发布的时间"),
});

export const publicUnitListSchema = z.object({
  items: z.array(publicUnitSchema).describe("按单位名称的拼音排序，最多 limit 个"),
  total: z.number().int().describe("符合条件的单位总数；大于 items 的个数时，请用 q 缩小范围"),
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
  publishedByName: z.string().describe("发布人（经审批的，为提交审批的人）"),
  approvedByName: z.string().nullable().describe("批准人；null：系统管理员直接发布"),
  withdrawal: z.object({ at: instant, reason: z.string() }).nullable(),
});

export const publishedNoticeListSchema = z.object({ items: z.array(publishedNoticeSchema) });

export const PUBLIC_NOTICE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  PublicNoticeSummary: publicNoticeSummarySchema,
  PublicNoticePage: publicNoticePageSchema,
  PublicUnit: publicUnitSchema,
  PublicUnitList: publicUnitListSchema,
  PublicNotice: publicNoticeSchema,
  PublishedNotice: publishedNoticeSchema,
  PublishedNoticeList: publishedNoticeListSchema,
};
