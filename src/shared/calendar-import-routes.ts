// The route that enters a year's holiday arrangement at once (导入节假日安排). Part of the one route table
// (api-routes.ts spreads it in); the one-day overrides are in supervision-routes.ts.

import { defineRoute, json } from "./api-contract.ts";
import { calendarNoticeImportResultSchema, calendarNoticeImportSchema } from "./calendar-import-models.ts";

export const CALENDAR_IMPORT_ROUTES = {
  importCalendarNotice: defineRoute({
    method: "POST",
    path: "/api/v1/calendar/overrides/import",
    summary: "导入一年的节假日安排（管理员）：粘贴国务院办公厅的通知或日期表格，全部识别才录入",
    tag: "督办",
    access: "signedIn",
    body: calendarNoticeImportSchema,
    answer: json(calendarNoticeImportResultSchema),
    errors: ["invalid_holiday_notice"],
  }),
} as const;
