// Every route of /api/v1 with its request and answer schemas: the one contract the server registers its routes from,
// the OpenAPI document is generated from, and the web UI's typed client calls through. A route that is not here is
// not served (test/http/api-contract.test.ts compares this table with the routes the server has).

import { z } from "zod";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";
import { signInSchema } from "./account-input.ts";
import {
  addPersonSchema,
  changeOwnPasswordSchema,
  createApiTokenSchema,
  createOrgSchema,
  createUserRequestSchema,
  grantRequestSchema,
  pageQuerySchema,
  updateUserSchema,
} from "./admin-input.ts";
import { defineRoute, EMPTY, json } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  accountSchema,
  apiTokenSchema,
  createdApiTokenSchema,
  grantSchema,
  sessionSchema,
  userSchema,
} from "./account-models.ts";
import { auditEventSchema } from "./audit-models.ts";
import { healthSchema, pageSchema } from "./common-models.ts";
import { confirmedImportSchema, confirmImportSchema, stagedImportSchema } from "./import-models.ts";
import {
  inspectionLedgerSchema,
  inspectionPageSchema,
  inspectionsOverviewSchema,
  measureSchema,
} from "./ledger-models.ts";
import { orgSchema, personSchema } from "./org-models.ts";
import {
  closeoutHoldSchema as closeoutHoldAnswer,
  extensionSchema,
  measureCommentSchema as measureCommentAnswer,
  measureDetailSchema,
  measureStateChangedSchema,
  reportedProgressSchema,
  reviewChainViewSchema,
} from "./review-cycle-models.ts";
import {
  closeoutHoldSchema,
  extensionDecisionSchema,
  extensionRequestSchema,
  measureCommentSchema as measureCommentInput,
  measureEventSchema,
  progressReportSchema,
  responsibilitySchema,
  reviewChainSchema,
} from "./review-cycle-input.ts";
import { correctImportSchema, importCorrectionParams } from "./import-corrections.ts";
import { noticeLayoutOptionsSchema } from "./notice-layout-options.ts";
import { closureTrendSchema } from "./statistics-models.ts";
import { deadlineWarningSchema } from "./supervision-models.ts";
import { NOTIFICATION_ROUTES } from "./notification-routes.ts";
import { PUBLIC_NOTICE_ROUTES } from "./public-notice-routes.ts";
import { PUBLIC_NOTICE_REQUEST_ROUTES } from "./public-notice-request-routes.ts";
import { REPORTING_ROUTES } from "./reporting-routes.ts";
import { SUPERVISION_ROUTES } from "./supervision-routes.ts";
import { CALENDAR_IMPORT_ROUTES } from "./calendar-import-routes.ts";
import { INSPECTION_PAGE_MAX, MEASURE_PAGE_MAX } from "./page-limits.ts";
import { wholeNumberQuery } from "./whole-number-query.ts";
import { calendarDateSchema } from "./validation.ts";

const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

const asOfQuery = z.object({ asOf: calendarDateSchema.optional().describe("统计基准日，默认今天") });
const summaryQuery = asOfQuery.extend({
  round: z.string().max(100).optional().describe("轮次，如 十四届市委第八轮"),
});
const cursorText = z.string().max(400, { error: "翻页游标无效或已损坏" });
const ledgerQuery = asOfQuery.extend({
  firstMeasures: wholeNumberQuery("firstMeasures ", 1, 1000)
    .optional()
    .describe("只返回台账顺序中开头的整问题，直到至少这么多项措施（首屏）；统计仍按全台账"),
});

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const NOTICE_MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
} as const;

/** POST /api/v1/inspections/:id/notice: which notice to generate (recorded as a publication). */
export const noticeRequestSchema = z.object({
  version: z
    .enum(["internal", "public"], { error: "版本应为 internal（内部）或 public（公开）" })
    .default("internal"),
  layout: z
    .enum(["status", "aspect"], { error: "编排应为 status（按整改状态）或 aspect（按方面）" })
    .default("status"),
  format: z.enum(["docx", "md", "html", "pdf"], { error: "格式应为 docx、md、html 或 pdf" }).default("docx"),
  /** This document's 版头/版记 (发文字号, 签发人, 抄送…) and grid, over the unit's settings. */
  official: noticeLayoutOptionsSchema.optional(),
});

/** `?state=in_progress,returned`: measure states, comma-separated (the measures list and the filtered export). */
const measureStatesQuery = z
  .string()
  .transform((s) => s.split(",").filter((x) => x !== ""))
  .pipe(
    z.array(z.enum(MEASURE_STATES, { error: "状态应为 draft、in_progress、submitted、returned 或 closed" })),
  )
  .optional()
  .describe("逗号分隔的状态，如 in_progress,returned");

const overdueQuery = z.enum(["true", "false"], { error: "overdue 应为 true 或 false" }).optional();

export const API_ROUTES = {
  apiDocument: defineRoute({
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "本接口的 OpenAPI 3.1 说明（由接口契约生成）",
    tag: "系统",
    access: "public",
    answer: json(z.record(z.string(), z.unknown())),
  }),
  apiReferencePage: defineRoute({
    method: "GET",
    path: "/api/v1/docs",
    summary: "可浏览的接口参考页（离线可用）",
    tag: "系统",
    access: "public",
    answer: { kind: "file", status: 200, mediaTypes: ["text/html; charset=utf-8"] },
  }),
  apiReferenceScript: defineRoute({
    method: "GET",
    path: "/api/v1/docs/reference.js",
    summary: "接口参考页的脚本",
    tag: "系统",
    access: "public",
    answer: { kind: "file", status: 200, mediaTypes: ["text/javascript; charset=utf-8"] },
  }),
  health: defineRoute({
    method: "GET",
    path: "/api/v1/health",
    summary: "服务与数据库是否可用",
    tag: "系统",
    access: "public",
    answer: json(healthSchema),
  }),

  // Sessions and tokens.
  signIn: defineRoute({
    method: "POST",
    path: "/api/v1/session",
    summary: "登录（成功后设置会话 Cookie，并返回防伪令牌）",
    tag: "登录与令牌",
    access: "public",
    body: signInSchema,
    answer: json(sessionSchema),
    errors: ["sign_in_failed", "sign_in_locked"],
  }),
  getSession: defineRoute({
    method: "GET",
    path: "/api/v1/session",
    summary: "当前登录者、其角色授权与防伪令牌",
    tag: "登录与令牌",
    access: "signedIn",
    answer: json(sessionSchema),
  }),
  signOut: defineRoute({
    method: "DELETE",
    path: "/api/v1/session",
    summary: "退出登录",
    tag: "登录与令牌",
    access: "signedIn",
    answer: EMPTY,
  }),
  signOutEverywhere: defineRoute({
    method: "DELETE",
    path: "/api/v1/sessions",
    summary: "在所有设备上退出登录",
    tag: "登录与令牌",
    access: "signedIn",
    answer: EMPTY,
  }),
  changeOwnPassword: defineRoute({
    method: "PUT",
    path: "/api/v1/session/password",
    summary: "修改本人密码（其他会话随之失效）",
    tag: "登录与令牌",
    access: "session",
    body: changeOwnPasswordSchema,
    answer: EMPTY,
    errors: ["password_incorrect", "password_too_weak", "session_required"],
  }),
  createToken: defineRoute({
    method: "POST",
    path: "/api/v1/tokens",
    summary: "为本人创建 API 令牌（令牌只返回这一次）",
    tag: "登录与令牌",
    access: "session",
    body: createApiTokenSchema,
    answer: json(createdApiTokenSchema, 201),
    errors: ["session_required"],
  }),
  listTokens: defineRoute({
    method: "GET",
    path: "/api/v1/tokens",
    summary: "本人的 API 令牌（不含令牌本身）",
    tag: "登录与令牌",
    access: "signedIn",
    answer: json(items(apiTokenSchema)),
  }),
  revokeToken: defineRoute({
    method: "DELETE",
    path: "/api/v1/tokens/:id",
    summary: "撤销 API 令牌（本人的；管理员可撤销任何人的）",
    tag: "登录与令牌",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["token_not_found"],
  }),

  // Administration.
  listOrgs: defineRoute({
    method: "GET",
    path: "/api/v1/orgs",
    summary: "可见的单位与部门（按树的顺序，分页）",
    tag: "管理",
    access: "signedIn",
    query: pageQuerySchema,
    answer: json(pageSchema(orgSchema)),
  }),
  createOrg: defineRoute({
    method: "POST",
    path: "/api/v1/orgs",
    summary: "新建单位或部门（管理员）",
    tag: "管理",
    access: "signedIn",
    body: createOrgSchema,
    answer: json(orgSchema, 201),
    errors: ["org_not_found", "org_name_taken", "org_parent_invalid"],
  }),
  addPerson: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:id/people",
    summary: "为单位或部门登记人员（领导、责任人）",
    tag: "管理",
    access: "signedIn",
    params: idParams,
    body: addPersonSchema.omit({ orgId: true }),
    answer: json(personSchema, 201),
    errors: ["org_not_found", "person_name_taken"],
  }),
  listUsers: defineRoute({
    method: "GET",
    path: "/api/v1/users",
    summary: "全部账号及其授权（管理员）",
    tag: "管理",
    access: "signedIn",
    answer: json(items(accountSchema)),
  }),
  getUser: defineRoute({
    method: "GET",
    path: "/api/v1/users/:id",
    summary: "一个账号及其授权（ETag 为版本号）",
    tag: "管理",
    access: "signedIn",
    params: idParams,
    answer: json(accountSchema),
    errors: ["user_not_found"],
  }),
  createUser: defineRoute({
    method: "POST",
    path: "/api/v1/users",
    summary: "新建账号（管理员）",
    tag: "管理",
    access: "signedIn",
    body: createUserRequestSchema,
    answer: json(accountSchema, 201),
    errors: ["login_taken", "password_too_weak", "org_not_found", "person_not_found"],
  }),
  updateUser: defineRoute({
    method: "PATCH",
    path: "/api/v1/users/:id",
    summary: "修改账号（姓名、所属单位、关联人员、停用）",
    tag: "管理",
    access: "signedIn",
    params: idParams,
    body: updateUserSchema,
    ifMatch: true,
    answer: json(z.object({ user: userSchema })),
    errors: ["user_not_found", "user_changed", "precondition_required", "last_admin"],
  }),
  grantRole: defineRoute({
    method: "POST",
    path: "/api/v1/users/:id/grants",
    summary: "授予角色（在某单位及其下级范围内）",
    tag: "管理",
    access: "signedIn",
    params: idParams,
    body: grantRequestSchema,
    answer: json(grantSchema, 201),
    errors: ["user_not_found", "org_not_found", "grant_exists"],
  }),
  revokeGrant: defineRoute({
    method: "DELETE",
    path: "/api/v1/grants/:id",
    summary: "撤销授权",
    tag: "管理",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["grant_not_found", "last_admin"],
  }),

  // Inspections and ledgers.
  listInspections: defineRoute({
    method: "GET",
    path: "/api/v1/inspections",
    summary: "可见的巡察（分页），各带统计数字",
    tag: "巡察与台账",
    access: "signedIn",
    query: summaryQuery.extend({
      cursor: cursorText.optional(),
      limit: z.coerce.number().int().min(1).max(INSPECTION_PAGE_MAX).optional(),
    }),
    answer: json(inspectionPageSchema),
  }),
  summarizeInspections: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/summary",
    summary: "可见巡察的合计（示例数据不计入）",
    tag: "巡察与台账",
    access: "signedIn",
    query: summaryQuery,
    answer: json(inspectionsOverviewSchema),
  }),
  closureTrend: defineRoute({
    method: "GET",
    path: "/api/v1/statistics/closures",
    summary: "可见范围内每周销号的措施数（销号趋势，按北京时间周一至周日）",
    tag: "巡察与台账",
    access: "signedIn",
    query: z.object({
      weeks: wholeNumberQuery("weeks ", 1, 52).optional().describe("最近几周，默认 12"),
    }),
    answer: json(closureTrendSchema),
  }),
  getLedger: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/ledger",
    summary: "一次巡察的整改台账：方面、问题、措施、成效与统计",
    tag: "巡察与台账",
    access: "signedIn",
    params: idParams,
    query: ledgerQuery,
    answer: json(inspectionLedgerSchema),
    errors: ["inspection_not_found"],
  }),
  inspectionHistory: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/history",
    summary: "巡察的变更记录（来自审计链）",
    tag: "巡察与台账",
    access: "signedIn",
    params: idParams,
    answer: json(items(auditEventSchema)),
    errors: ["inspection_not_found"],
  }),
  getReviewChain: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/review-chain",
    summary: "对账销号的审核层级",
    tag: "巡察与台账",
    access: "signedIn",
    params: idParams,
    answer: json(reviewChainViewSchema),
    errors: ["inspection_not_found"],
  }),
  setReviewChain: defineRoute({
    method: "PUT",
    path: "/api/v1/inspections/:id/review-chain",
    summary: "设置对账销号的审核层级（如 单位领导 → 巡察办）",
    tag: "巡察与台账",
    access: "signedIn",
    params: idParams,
    body: reviewChainSchema,
    answer: json(reviewChainViewSchema),
    errors: ["inspection_not_found", "invalid_review_chain"],
  }),
  downloadLedgerXlsx: defineRoute({
    method: "GET",
    path: "/api/v1/inspections/:id/ledger.xlsx",
    summary: "下载整改台账 Excel（可按台账页的筛选条件只导出筛选出的措施及其问题）",
    tag: "文书",
    access: "signedIn",
    params: idParams,
    query: z.object({
      state: measureStatesQuery,
      kind: z
        .string()
        .transform((s) => s.split(",").filter((x) => x !== ""))
        .pipe(z.array(z.enum(MEASURE_KINDS, { error: "类型应为 immediate、time_limited 或 long_term" })))
        .optional()
        .describe("逗号分隔的措施类型，如 immediate,long_term"),
      departmentId: z.string().min(1).max(100).optional().describe("责任部门或配合部门"),
      personId: z.string().min(1).max(100).optional().describe("责任人或牵头领导"),
      overdue: overdueQuery,
      q: z
        .string()
        .max(200, { error: "搜索内容不能超过200字" })
        .optional()
        .describe("措施内容或问题标题中包含的文字"),
    }),
    answer: { kind: "file", status: 200, mediaTypes: [XLSX_MEDIA_TYPE] },
    errors: ["inspection_not_found", "org_not_found", "person_not_found"],
  }),
  generateNotice: defineRoute({
    method: "POST",
    path: "/api/v1/inspections/:id/notice",
    summary: "生成整改情况通报（内部版或公开版）并下载，同时登记为一次发布",
    tag: "文书",
    access: "signedIn",
    params: idParams,
    body: noticeRequestSchema,
    answer: { kind: "file", status: 200, mediaTypes: Object.values(NOTICE_MEDIA_TYPES) },
    errors: [
      "inspection_not_found",
      "withholding_reason_missing",
      "pdf_converter_missing",
      "pdf_conversion_failed",
    ],
  }),

  // Measures and the review cycle.
  listMeasures: defineRoute({
    method: "GET",
    path: "/api/v1/measures",
    summary: "可见的整改措施（按时限排序，分页）",
    tag: "整改措施",
    access: "signedIn",
    query: z.object({
      inspectionId: z.string().min(1).max(100).optional(),
      departmentId: z.string().min(1).max(100).optional(),
      state: measureStatesQuery,
      overdue: overdueQuery,
      cursor: cursorText.optional(),
      limit: z.coerce.number().int().min(1).max(MEASURE_PAGE_MAX).optional(),
    }),
    answer: json(pageSchema(measureSchema.extend({ warning: deadlineWarningSchema }))),
  }),
  getMeasure: defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id",
    summary: "一条整改措施：进展、佐证、审核、延期、暂缓销号，以及当前可做的操作（ETag 为版本号）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    answer: json(measureDetailSchema),
    errors: ["measure_not_found"],
  }),
  assignResponsibility: defineRoute({
    method: "PATCH",
    path: "/api/v1/measures/:id",
    summary: "分解责任（三清单）：牵头领导、责任部门、责任人、配合部门、时限、是否需佐证",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: responsibilitySchema,
    ifMatch: true,
    answer: json(z.object({ measure: measureSchema })),
    errors: ["measure_not_found", "measure_changed", "precondition_required", "deadline_locked"],
  }),
  measureHistory: defineRoute({
    method: "GET",
    path: "/api/v1/measures/:id/history",
    summary: "整改措施的变更记录（来自审计链）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    answer: json(items(auditEventSchema)),
    errors: ["measure_not_found"],
  }),
  reportProgress: defineRoute({
    method: "POST",
    path: "/api/v1/measures/:id/progress-reports",
    summary: "报送进展（JSON，或 multipart 表单附佐证材料；figures 为 JSON 数组文本）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: progressReportSchema,
    multipart: { files: "佐证材料（pdf、图片、Office 文档、ofd、zip），可多个", orJson: true },
    answer: json(reportedProgressSchema, 201),
    errors: ["measure_not_found", "measure_closed", "upload_type_not_allowed", "upload_too_large"],
  }),
  changeMeasureState: defineRoute({
    method: "POST",
    path: "/api/v1/measures/:id/events",
    summary: "流转：启动、提交审核、审核通过/销号、退回（须说明理由）、恢复、开启下一阶段",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: measureEventSchema,
    ifMatch: true,
    answer: json(measureStateChangedSchema),
    errors: [
      "measure_not_found",
      "measure_changed",
      "precondition_required",
      "not_reviewer",
      "evidence_required",
      "closeout_held",
      "measure_not_submitted",
    ],
  }),
  requestExtension: defineRoute({
    method: "POST",
    path: "/api/v1/measures/:id/extensions",
    summary: "申请延期（理由与新时限）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: extensionRequestSchema,
    answer: json(extensionSchema, 201),
    errors: ["measure_not_found", "measure_closed"],
  }),
  decideExtension: defineRoute({
    method: "POST",
    path: "/api/v1/extensions/:id/decision",
    summary: "审批延期申请（不予延期须说明理由）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: extensionDecisionSchema,
    answer: json(extensionSchema),
    errors: ["extension_not_found"],
  }),
  holdCloseout: defineRoute({
    method: "PUT",
    path: "/api/v1/measures/:id/hold",
    summary: "纪检监督暂缓销号（须说明理由）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: closeoutHoldSchema,
    answer: json(closeoutHoldAnswer),
    errors: ["measure_not_found", "measure_closed"],
  }),
  addMeasureComment: defineRoute({
    method: "POST",
    path: "/api/v1/measures/:id/comments",
    summary: "对整改措施发表意见（纪检监督、巡察办、单位、责任部门；只读账号不能）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    body: measureCommentInput,
    answer: json(measureCommentAnswer, 201),
    errors: ["measure_not_found"],
  }),
  liftCloseoutHold: defineRoute({
    method: "DELETE",
    path: "/api/v1/measures/:id/hold",
    summary: "解除暂缓销号",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["measure_not_found"],
  }),
  downloadEvidence: defineRoute({
    method: "GET",
    path: "/api/v1/evidence/:id/content",
    summary: "下载佐证材料（总是作为附件）",
    tag: "整改措施",
    access: "signedIn",
    params: idParams,
    answer: { kind: "file", status: 200, mediaTypes: ["application/octet-stream"] },
    errors: ["evidence_not_found"],
  }),

  // Imports.
  stageImport: defineRoute({
    method: "POST",
    path: "/api/v1/imports",
    summary: "上传通报（.docx/.txt/.md）或台账（.xlsx）试导入，返回预览（尚未入库）",
    tag: "导入",
    access: "signedIn",
    body: z.object({
      unitId: z.string().trim().min(1).max(100).describe("被巡察单位"),
      skipInvalid: z.enum(["true", "false"]).optional().describe("true：跳过有错误的行"),
    }),
    multipart: { files: "一个文件：通报 .docx/.txt/.md 或台账 .xlsx" },
    answer: json(stagedImportSchema, 201),
    errors: ["import_file_missing", "unit_not_found"],
  }),
  getImport: defineRoute({
    method: "GET",
    path: "/api/v1/imports/:id",
    summary: "再次查看试导入的预览（仅上传者）",
    tag: "导入",
    access: "signedIn",
    params: idParams,
    answer: json(stagedImportSchema),
    errors: ["pending_import_not_found"],
  }),
  correctImport: defineRoute({
    method: "PATCH",
    path: "/api/v1/imports/:id",
    summary:
      "确认前修改试导入：问题标题、整改状态、措施内容与责任、合并或拆分问题、台账的列对应（仅上传者；返回新的预览）",
    tag: "导入",
    access: "signedIn",
    params: idParams,
    body: correctImportSchema,
    ifMatch: true,
    answer: json(stagedImportSchema),
    errors: [
      "pending_import_not_found",
      "import_already_confirmed",
      "import_changed",
      "precondition_required",
    ],
  }),
  confirmImport: defineRoute({
    method: "POST",
    path: "/api/v1/imports/:id/confirm",
    summary: "确认导入，建立台账（只能确认一次）",
    tag: "导入",
    access: "signedIn",
    params: idParams,
    body: confirmImportSchema,
    answer: json(confirmedImportSchema, 201),
    errors: [
      "pending_import_not_found",
      "import_already_confirmed",
      "import_not_confirmable",
      "import_changed",
      "duplicate_import",
    ],
  }),
  discardImport: defineRoute({
    method: "DELETE",
    path: "/api/v1/imports/:id",
    summary: "放弃试导入",
    tag: "导入",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["pending_import_not_found"],
  }),
  undoImportCorrection: defineRoute({
    method: "DELETE",
    path: "/api/v1/imports/:id/corrections/:no",
    summary:
      "撤销试导入的一项修改（按修改列表中的序号）：其余修改在上传的原文件上重新套用，返回新的预览（仅上传者）",
    tag: "导入",
    access: "signedIn",
    params: importCorrectionParams,
    ifMatch: true,
    answer: json(stagedImportSchema),
    errors: [
      "pending_import_not_found",
      "import_already_confirmed",
      "import_changed",
      "precondition_required",
      "import_correction_not_found",
      "correction_depends",
    ],
  }),

  // Supervision (督办): the working-day calendar, deadline profiles, warning states.
  ...SUPERVISION_ROUTES,
  ...CALENDAR_IMPORT_ROUTES,
  ...REPORTING_ROUTES,

  // Public notices (公开通报): publish, withdraw, and the public read without sign-in.
  ...PUBLIC_NOTICE_ROUTES,
  ...PUBLIC_NOTICE_REQUEST_ROUTES,

  // Notifications (提醒): one's inbox and preferences, the administrator's outbox and robots.
  ...NOTIFICATION_ROUTES,
} as const;

export type ApiRoutes = typeof API_ROUTES;
export type RouteName = keyof ApiRoutes;
