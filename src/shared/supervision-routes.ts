// The supervision routes of /api/v1 (督办): the working-day calendar's overrides, an inspection's deadline profile
// and its measures' warning states. Part of the one route table (api-routes.ts spreads them in).

import { z } from "zod";
import { defineRoute, EMPTY, json } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  calendarDayParams,
  calendarOverrideSchema as overrideInput,
  calendarRangeQuery,
} from "./calendar-input.ts";
import { deadlineProfileSchema as profileInput } from "./deadline-profile-input.ts";
import {
  calendarOverrideListSchema,
  calendarOverrideSchema,
  deadlineProfileSchema,
  inspectionWarningsSchema,
} from "./supervision-models.ts";
import { supervisionNoticeRequestSchema } from "./supervision-notice-input.ts";
import { escalationSchema, supervisionReplySchema } from "./supervision-action-input.ts";
import { supervisionActionListSchema, supervisionActionSchema } from "./supervision-action-models.ts";
import { calendarDateSchema } from "./validation.ts";

/** The media types of a supervision notice by format (the notices' own, less HTML). */
export const SUPERVISION_NOTICE_MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  md: "text/markdown; charset=utf-8",
} as const;

export const SUPERVISION_ROUTES = {
  listCalendarOverrides: defineRoute({
    method: "GET",
    path: "/api/v1/calendar/overrides",
    summary: "节假日调整（管理员）：录入的放假、调休上班日，以及已有放假安排的年份",
    tag: "督办",
    access: "signedIn",
    query: calendarRangeQuery,
    answer: json(calendarOverrideListSchema),
  }),
  setCalendarOverride: defineRoute({
    method: "PUT",
    path: "/api/v1/calendar/overrides/:day",
    summary: "录入或修改某一天的节假日调整（管理员；优先于软件包自带的放假安排）",
    tag: "督办",
    access: "signedIn",
    params: calendarDayParams,
    body: overrideInput,
    answer: json(calendarOverrideSchema),
  }),
  deleteCalendarOverride: defineRoute({
    method: "DELETE",
    path: "/api/v1/calendar/overrides/:day",
    summary: "删除某一天的节假日调整（管理员）",
    tag: "督办",
    access: "signedIn",
    params: calendarDayParams,
    answer: EMPTY,
    errors: ["calendar_override_not_found"],
  }),
  getDeadlineProfile: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/deadline-profile",
    summary: "督办设置：预警天数及计算方式、报送周期、整改报告时限、集中整改期（ETag 为版本号）",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    answer: json(deadlineProfileSchema),
    errors: ["inspection_not_found"],
  }),
  setDeadlineProfile: defineRoute({
    method: "PUT",
    path: "/api/v1/inspections/:id/deadline-profile",
    summary: '修改督办设置（单位整改办、管理员；If-Match 为读取时的版本号，首次设置为 "0"）',
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: profileInput,
    ifMatch: true,
    answer: json(deadlineProfileSchema),
    errors: [
      "inspection_not_found",
      "invalid_warning_thresholds",
      "deadline_profile_changed",
      "precondition_required",
    ],
  }),
  getInspectionWarnings: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/warnings",
    summary: "督办预警一览：已逾期、红、黄、绿预警的整改措施（分组），以及完成率、按期完成率",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    query: z.object({ asOf: calendarDateSchema.optional().describe("统计基准日，默认今天（北京时间）") }),
    answer: json(inspectionWarningsSchema),
    errors: ["inspection_not_found"],
  }),
  issueSupervisionNotice: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/supervision-notices",
    summary:
      "下发督办通知（巡察办、管理员）：逾期和红色预警的整改措施、责任部门和责任人、书面回复时限（N个工作日）；由系统编发文字号，记入督办台账和审计，作为附件下载",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: supervisionNoticeRequestSchema,
    answer: {
      kind: "file",
      status: 200,
      mediaTypes: Object.values(SUPERVISION_NOTICE_MEDIA_TYPES),
      headers: {
        "x-reply-by": "书面回复时限（YYYY-MM-DD，北京时间）",
        "x-doc-number": "发文字号（URL 编码的 UTF-8，如 %E5%B8%82… 即 市委巡察办督〔2026〕1号）",
        "x-supervision-action": "督办台账中该通知的记录编号",
        "x-holiday-data-missing":
          "仅当回复时限跨入尚无放假安排的年份时出现：这些年份（逗号分隔），此时回复时限按周一至周五推算",
      },
    },
    errors: [
      "inspection_not_found",
      "nothing_to_supervise",
      "supervision_number_taken",
      "pdf_converter_missing",
      "pdf_conversion_failed",
    ],
  }),
  listSupervisionActions: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/supervision-actions",
    summary: "督办台账：已下发的督办通知（回复情况）、告诫和约谈记录",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    answer: json(supervisionActionListSchema),
    errors: ["inspection_not_found"],
  }),
  escalateSupervision: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/supervision-actions",
    summary:
      "登记告诫或约谈（巡察办、管理员）：仅针对督办通知书面回复时限届满后仍逾期的整改措施，记入督办台账和审计",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: escalationSchema,
    answer: json(supervisionActionSchema, 201),
    errors: ["inspection_not_found", "measure_not_found", "supervision_step_missing"],
  }),
  recordSupervisionReply: defineRoute({
    method: "POST",
    path: "/api/v1/supervision-actions/:id/reply",
    summary:
      "登记单位对督办通知的书面回复（单位整改办、管理员）：收到日期、内容摘要、佐证；超过回复时限的标为逾期回复",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: supervisionReplySchema,
    answer: json(supervisionActionSchema),
    errors: ["supervision_action_not_found", "supervision_reply_not_expected", "supervision_reply_exists"],
  }),
} as const;
