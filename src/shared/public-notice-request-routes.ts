// The approval routes of public notices (公开通报审批): the office submits, the unit's leader approves (which publishes
// the submitted files) or returns, the submitter cancels; the inspection's requests, those awaiting the caller, and a
// request's files for the preview. Part of the one route table (api-routes.ts spreads them in).

import { z } from "zod";
import { defineRoute, json } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  publicNoticeRequestListSchema,
  publicNoticeRequestSchema,
  returnPublicNoticeRequestSchema,
  submitPublicNoticeRequestSchema,
} from "./public-notice-request-models.ts";
import { DOCX_MEDIA_TYPE, HTML_MEDIA_TYPE } from "./public-notice-routes.ts";

const requestParams = z.object({ id: z.string().min(1).max(100), rid: z.string().min(1).max(100) });
const TAG = "公开通报";
const REQUEST_ERRORS = ["inspection_not_found", "public_notice_request_not_found"] as const;
const DECISION_ERRORS = [
  ...REQUEST_ERRORS,
  "public_notice_request_decided",
  "public_notice_own_request",
] as const;

export const PUBLIC_NOTICE_REQUEST_ROUTES = {
  submitPublicNoticeRequest: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/public-notice-requests",
    summary: "提交公开通报审批（现在生成公开版 .docx 和网页版，由单位领导审阅后批准发布或退回）",
    tag: TAG,
    access: "signedIn",
    params: idParams,
    body: submitPublicNoticeRequestSchema,
    answer: json(publicNoticeRequestSchema, 201),
    errors: ["inspection_not_found", "withholding_reason_missing", "public_notice_request_pending"],
  }),
  listPublicNoticeRequests: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/public-notice-requests",
    summary: "该巡察的公开通报审批申请（含已批准、已退回、已撤回的），从新到旧",
    tag: TAG,
    access: "signedIn",
    params: idParams,
    answer: json(publicNoticeRequestListSchema),
    errors: ["inspection_not_found"],
  }),
  listRequestsAwaitingDecision: defineRoute({
    method: "GET",
    path: "/api/v1/public-notice-requests",
    summary: "待我审批的公开通报（当前登录者可以批准或退回的申请，从早到晚）",
    tag: TAG,
    access: "signedIn",
    answer: json(publicNoticeRequestListSchema),
  }),
  approvePublicNoticeRequest: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/public-notice-requests/:rid/approve",
    summary: "批准发布：提交时生成的文件原样发布到公开信息页面，记录批准人",
    tag: TAG,
    access: "signedIn",
    params: requestParams,
    answer: json(publicNoticeRequestSchema),
    errors: [...DECISION_ERRORS, "public_notice_content_missing"],
  }),
  returnPublicNoticeRequest: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/public-notice-requests/:rid/return",
    summary: "退回公开通报审批申请（须说明理由）",
    tag: TAG,
    access: "signedIn",
    params: requestParams,
    body: returnPublicNoticeRequestSchema,
    answer: json(publicNoticeRequestSchema),
    errors: [...DECISION_ERRORS],
  }),
  cancelPublicNoticeRequest: defineRoute({
    method: "DELETE",
    path: "/api/v1/inspections/:id/public-notice-requests/:rid",
    summary: "撤回公开通报审批申请（提交人或系统管理员，仅限待审批的）",
    tag: TAG,
    access: "signedIn",
    params: requestParams,
    answer: json(publicNoticeRequestSchema),
    errors: [...REQUEST_ERRORS, "public_notice_request_decided"],
  }),
  downloadPublicNoticeRequestHtml: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/public-notice-requests/:rid/file.html",
    summary: "审批预览：提交时生成的公开版网页（不含脚本）",
    tag: TAG,
    access: "signedIn",
    params: requestParams,
    answer: { kind: "file", status: 200, mediaTypes: [HTML_MEDIA_TYPE] },
    errors: [...REQUEST_ERRORS, "public_notice_content_missing"],
  }),
  downloadPublicNoticeRequestDocx: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/public-notice-requests/:rid/file.docx",
    summary: "审批预览：下载提交时生成的公开版 .docx",
    tag: TAG,
    access: "signedIn",
    params: requestParams,
    answer: { kind: "file", status: 200, mediaTypes: [DOCX_MEDIA_TYPE] },
    errors: [...REQUEST_ERRORS, "public_notice_content_missing"],
  }),
} as const;
