// The public-notice routes of /api/v1 (公开通报): publishing the public version of an inspection's notice and
// withdrawing it (signed in, the notice's generators), and the public read without sign-in. Part of the one route
// table (api-routes.ts spreads them in).

import { z } from "zod";
import { defineRoute, json } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  publicNoticeListQuery,
  publicNoticePageSchema,
  publicNoticeSchema,
  publishedNoticeListSchema,
  publishedNoticeSchema,
  publishPublicNoticeSchema,
  publicUnitListQuery,
  publicUnitListSchema,
  withdrawPublicNoticeSchema,
} from "./public-notice-models.ts";

const noticeParams = z.object({ id: z.string().min(1).max(100), pid: z.string().min(1).max(100) });
const publicParams = z.object({ pid: z.string().min(1).max(100) });

export const DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const HTML_MEDIA_TYPE = "text/html; charset=utf-8";

export const PUBLIC_NOTICE_ROUTES = {
  publishPublicNotice: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/public-notices",
    summary:
      "直接发布公开版通报（仅系统管理员，其他人须提交审批；生成公开版 .docx 和网页版，在公开页面展示）",
    tag: "公开通报",
    access: "signedIn",
    params: idParams,
    body: publishPublicNoticeSchema,
    answer: json(publishedNoticeSchema, 201),
    errors: ["inspection_not_found", "withholding_reason_missing", "public_notice_approval_required"],
  }),
  listInspectionPublicNotices: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/public-notices",
    summary: "该巡察发布过的公开版通报（含已撤回的）",
    tag: "公开通报",
    access: "signedIn",
    params: idParams,
    answer: json(publishedNoticeListSchema),
    errors: ["inspection_not_found"],
  }),
  withdrawPublicNotice: defineRoute({
    method: "DELETE",
    path: "/api/v1/inspections/:id/public-notices/:pid",
    summary: "撤回公开版通报（须说明理由；撤回后公开页面不再展示）",
    tag: "公开通报",
    access: "signedIn",
    params: noticeParams,
    body: withdrawPublicNoticeSchema,
    answer: json(publishedNoticeSchema),
    errors: ["inspection_not_found", "public_notice_not_found", "public_notice_withdrawn"],
  }),
  listPublicUnits: defineRoute({
    method: "GET",
    path: "/api/v1/public/units",
    summary: "公开信息：有公开版通报的单位，各有几份、最新成文日期（无须登录，按名称拼音排序）",
    tag: "公开通报",
    access: "public",
    query: publicUnitListQuery,
    answer: json(publicUnitListSchema),
  }),
  listPublicNotices: defineRoute({
    method: "GET",
    path: "/api/v1/public/notices",
    summary: "公开信息：各单位已发布的公开版通报（无须登录，按发布时间从新到旧，分页；可按单位、按标题查找）",
    tag: "公开通报",
    access: "public",
    query: publicNoticeListQuery,
    answer: json(publicNoticePageSchema),
  }),
  getPublicNotice: defineRoute({
    method: "GET",
    path: "/api/v1/public/notices/:pid",
    summary: "公开信息：一份公开版通报及监督联系方式（无须登录）",
    tag: "公开通报",
    access: "public",
    params: publicParams,
    answer: json(publicNoticeSchema),
    errors: ["public_notice_not_found"],
  }),
  downloadPublicNoticeHtml: defineRoute({
    method: "GET",
    path: "/api/v1/public/notices/:pid/file.html",
    summary: "公开信息：公开版通报的网页版（无须登录；不含脚本）",
    tag: "公开通报",
    access: "public",
    params: publicParams,
    answer: { kind: "file", status: 200, mediaTypes: [HTML_MEDIA_TYPE] },
    errors: ["public_notice_not_found", "public_notice_content_missing"],
  }),
  downloadPublicNoticeDocx: defineRoute({
    method: "GET",
    path: "/api/v1/public/notices/:pid/file.docx",
    summary: "公开信息：下载公开版通报 .docx（无须登录）",
    tag: "公开通报",
    access: "public",
    params: publicParams,
    answer: { kind: "file", status: 200, mediaTypes: [DOCX_MEDIA_TYPE] },
    errors: ["public_notice_not_found", "public_notice_content_missing"],
  }),
} as const;
