// The supervision routes of /api/v1 (督办): the working-day calendar's overrides, an inspection's deadline profile
// and its measures' warning states. Part of the one route table (api-routes.ts spreads them in).

import { z } from "zod";
import { defineRoute } from "./api-contract.ts";
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
import { calendarDateSchema } from "./validation.ts";

const idParams = z.object({ id: z.string().min(1).max(100) });
const json = <S extends z.ZodType>(schema: S) => ({ kind: "json", status: 200, schema }) as const;

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
    answer: { kind: "empty", status: 204 },
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
      "下发督办通知（巡察办、管理员）：逾期和红色预警的整改措施、责任部门和责任人、书面回复时限（N个工作日），作为附件下载并记入审计",
    tag: "督办",
    access: "signedIn",
    params: idParams,
    body: supervisionNoticeRequestSchema,
    answer: { kind: "file", status: 200, mediaTypes: Object.values(SUPERVISION_NOTICE_MEDIA_TYPES) },
    errors: [
      "inspection_not_found",
      "nothing_to_supervise",
      "pdf_converter_missing",
      "pdf_conversion_failed",
    ],
  }),
} as const;
