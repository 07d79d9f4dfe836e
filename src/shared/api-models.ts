// What the API answers, as zod schemas: the response half of the contract (api-routes.ts pairs them with routes).
// They describe the JSON the server sends, so they carry no transforms or defaults; the web UI's typed client reads
// its types from them, and the OpenAPI document is generated from them. Tests check every answer against them.

import { z } from "zod";
import { ROLES } from "../domain/account.ts";
import { INSPECTION_KINDS, REGIMES } from "../domain/inspection.ts";
import { MEASURE_EVENTS } from "../domain/measure-state-machine.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";
import { ORG_KINDS } from "../domain/org.ts";
import { OUTCOME_KINDS, SANCTION_TYPES } from "../domain/outcome.ts";
import { DISCLOSURES, PROBLEM_SOURCES, PROBLEM_STATUSES, WITHHOLDING_REASONS } from "../domain/problem.ts";
import { EXTENSION_DECISIONS, REVIEW_DECISIONS } from "../domain/progress.ts";
import { REVIEWER_ROLES } from "../domain/review-chain.ts";
import { ERROR_REGISTRY, type ErrorCode } from "./error-registry.ts";
import { STATISTICS_SCHEMAS } from "./statistics-models.ts";
import { PUBLIC_NOTICE_SCHEMAS } from "./public-notice-models.ts";
import { PUBLIC_NOTICE_REQUEST_SCHEMAS } from "./public-notice-request-models.ts";
import { REPORTING_SCHEMAS } from "./reporting-models.ts";
import { deadlineWarningSchema, SUPERVISION_SCHEMAS } from "./supervision-models.ts";
import { ladderStepSchema } from "./supervision-action-models.ts";

const id = z.string();
const nullableId = z.string().nullable();
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("日期 YYYY-MM-DD");
const nullableDate = date.nullable();
const instant = z.string().describe("时间，ISO 8601 UTC");
const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .describe("十进制数字文本（不经浮点舍入）");
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

// Accounts.

export const userSchema = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  orgId: nullableId,
  personId: nullableId,
  disabled: z.boolean(),
  version: z.number().int(),
});

export const grantSchema = z.object({
  id,
  userId: id,
  role: z.enum(ROLES),
  orgId: nullableId,
  roleLabel: z.string().describe("角色的中文名称"),
});

export const accountSchema = z.object({ user: userSchema, grants: z.array(grantSchema) });

export const sessionSchema = accountSchema.extend({
  csrfToken: z.string().optional().describe("写请求在 X-CSRF-Token 头中带上它（以 API 令牌调用时没有）"),
});

export const apiTokenSchema = z.object({
  id,
  userId: id,
  name: z.string(),
  readOnly: z.boolean(),
  createdAt: instant,
  expiresAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});

export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe("令牌本身（zg_…），只在此时返回一次"),
});

// Orgs and people.

export const orgSchema = z.object({
  id,
  parentId: nullableId,
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  path: z.string().describe("物化路径 /根/…/本单位/"),
});

export const personSchema = z.object({ id, orgId: id, name: z.string(), post: z.string().nullable() });

// Inspections and the ledger.

export const inspectionSchema = z.object({
  id,
  regime: z.enum(REGIMES),
  kind: z.enum(INSPECTION_KINDS),
  roundLabel: z.string().nullable(),
  team: z.string(),
  oversightOrgId: nullableId,
  targetOrgId: id,
  onsiteStart: nullableDate,
  onsiteEnd: nullableDate,
  feedbackDate: nullableDate,
  reportDue: nullableDate,
  concentratedEnd: nullableDate,
  isExample: z.boolean(),
  createdAt: instant,
});

export const ledgerCountsSchema = z.object({
  problems: z.number().int(),
  completed: z.number().int(),
  inProgress: z.number().int(),
  longTerm: z.number().int(),
  measures: z.number().int(),
  closedMeasures: z.number().int(),
  overdueMeasures: z.number().int(),
  completionRate: decimal.describe("已完成问题 ÷ 问题总数的百分数，两位小数"),
});

const outcomeTotalsSchema = z.record(z.enum(OUTCOME_KINDS), decimal).describe("各类成效的合计（资金类为元）");

export const inspectionPageSchema = z.object({
  asOf: date,
  items: z.array(z.object({ inspection: inspectionSchema, counts: ledgerCountsSchema })),
  nextCursor: z.string().nullable(),
});

export const inspectionsOverviewSchema = z.object({
  asOf: date,
  inspections: z.number().int(),
  total: ledgerCountsSchema,
  outcomeTotals: outcomeTotalsSchema,
});

export const measureSchema = z.object({
  id,
  inspectionId: id,
  problemId: id,
  seq: z.number().int(),
  text: z.string(),
  kind: z.enum(MEASURE_KINDS),
  deadline: nullableDate,
  leadLeaderId: nullableId,
  departmentId: nullableId,
  personId: nullableId,
  cooperatingDepartmentIds: z.array(id),
  acceptanceCriteria: z.string().nullable(),
  evidenceRequired: z.boolean(),
  state: z.enum(MEASURE_STATES),
  closedAt: instant.nullable(),
  version: z.number().int().describe("乐观锁版本号；修改时放在 If-Match 头中"),
  submissions: z.number().int(),
  originalDeadline: nullableDate,
});

const outcomeSchema = z.object({
  id,
  inspectionId: id,
  problemId: nullableId,
  measureId: nullableId,
  kind: z.enum(OUTCOME_KINDS),
  quantity: decimal,
  sanctionType: z.enum(SANCTION_TYPES).nullable(),
  note: z.string().nullable(),
});

export const inspectionLedgerSchema = z.object({
  inspection: inspectionSchema,
  unit: orgSchema,
  asOf: date,
  aspects: z.array(
    z.object({
      id,
      inspectionId: id,
      seq: z.number().int(),
      title: z.string(),
      counts: ledgerCountsSchema,
    }),
  ),
  problems: z.array(
    z.object({
      id,
      inspectionId: id,
      aspectId: nullableId,
      seq: z.number().int(),
      title: z.string(),
      feedbackText: z.string(),
      symptoms: z.string().nullable(),
      source: z.enum(PROBLEM_SOURCES),
      disclosure: z.enum(DISCLOSURES),
      withholdingReason: z.enum(WITHHOLDING_REASONS).nullable(),
      isCommon: z.boolean(),
      status: z.enum(PROBLEM_STATUSES),
      measures: z.array(
        measureSchema.extend({
          overdue: z.boolean(),
          warning: deadlineWarningSchema,
          // Absent, not null, for measures never supervised: the ledger answer does not grow for them.
          ladder: ladderStepSchema.optional(),
        }),
      ),
      outcomes: z.array(outcomeSchema),
    }),
  ),
  counts: ledgerCountsSchema,
  outcomeTotals: outcomeTotalsSchema,
  people: z.array(personSchema).describe("措施中的牵头领导与责任人（按姓名排序）"),
  plan: z.object({
    leadingGroup: z.object({ inspectionId: id, leader: z.string(), members: z.array(z.string()) }).optional(),
    meetings: z.array(z.object({ id, inspectionId: id, heldOn: nullableDate, title: z.string() })),
    items: z.array(
      z.object({ id, inspectionId: id, seq: z.number().int(), text: z.string(), deadline: nullableDate }),
    ),
  }),
  omitted: z
    .object({ problems: z.number().int(), measures: z.number().int() })
    .optional()
    .describe("只在按 firstMeasures 截取台账开头时出现：其后未返回的问题数与措施数（counts 仍按全台账计）"),
});

// The review cycle.

const evidenceSchema = z.object({
  id,
  progressReportId: id,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
});

const evidenceRecordSchema = evidenceSchema.extend({
  uploadedBy: nullableId,
  uploadedAt: instant.nullable(),
});

const progressReportSchema = z.object({
  id,
  measureId: id,
  period: z.string().describe("报送期间：月 YYYY-MM 或周 YYYY-Www"),
  text: z.string(),
  figures: z.array(z.object({ label: z.string(), quantity: decimal, unit: z.string() })),
  authorId: nullableId,
  createdAt: instant,
});

export const reportedProgressSchema = z.object({
  report: progressReportSchema,
  evidence: z.array(evidenceRecordSchema),
  measureVersion: z.number().int(),
});

export const extensionSchema = z.object({
  id,
  measureId: id,
  reason: z.string(),
  newDeadline: date,
  decision: z.enum(EXTENSION_DECISIONS),
  decidedBy: nullableId,
  decidedAt: instant.nullable(),
  createdAt: instant,
  requestedBy: nullableId,
  previousDeadline: nullableDate,
  decisionNote: z.string().nullable(),
});

export const closeoutHoldSchema = z.object({
  measureId: id,
  reason: z.string(),
  heldBy: id,
  heldAt: instant,
});

const reviewStepSchema = z.object({
  level: z.number().int(),
  role: z.enum(REVIEWER_ROLES),
  isLast: z.boolean(),
});

export const MEASURE_ACTIONS = [
  ...MEASURE_EVENTS,
  "report_progress",
  "request_extension",
  "decide_extension",
  "hold_closeout",
  "lift_hold",
  "comment",
] as const;

export const measureCommentSchema = z.object({
  id,
  measureId: id,
  authorId: id,
  authorName: z.string(),
  authorRole: z.enum(ROLES).describe("写意见时所持的角色，如 supervisor（纪检监督）"),
  text: z.string(),
  createdAt: instant,
});

export const measureDetailSchema = z.object({
  measure: measureSchema,
  problem: z.object({ id, seq: z.number().int(), title: z.string() }).nullable(),
  progress: z.array(progressReportSchema.extend({ evidence: z.array(evidenceSchema) })),
  reviews: z.array(
    z.object({
      id,
      measureId: id,
      level: z.number().int(),
      decision: z.enum(REVIEW_DECISIONS),
      reason: z.string().nullable(),
      reviewerId: nullableId,
      createdAt: instant,
      round: z.number().int(),
    }),
  ),
  extensions: z.array(extensionSchema),
  hold: closeoutHoldSchema.nullable(),
  comments: z.array(measureCommentSchema),
  reviewStep: reviewStepSchema.nullable().describe("待审核时，当前应由哪一级审核"),
  warning: deadlineWarningSchema,
  ladder: ladderStepSchema.nullable(),
  allowedActions: z.array(z.enum(MEASURE_ACTIONS)).describe("当前登录者此刻可以进行的操作（供页面显示按钮）"),
});

export const measureStateChangedSchema = z.object({
  state: z.enum(MEASURE_STATES),
  version: z.number().int(),
  review: z.object({ level: z.number().int(), awaitingLevel: z.number().int().nullable() }).optional(),
});

export const reviewChainViewSchema = z.object({
  levels: z.array(z.enum(REVIEWER_ROLES)),
  isDefault: z.boolean().describe("true：未设置，按默认（单位领导一级审核）"),
});

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: instant,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  data: z.unknown(),
  requestId: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
  alg: z.enum(["sha256", "hmac-sha256"]),
});

// Imports.

const importPreviewSchema = z.object({
  unit: z.object({ id, name: z.string() }),
  inspection: z.object({
    regime: z.string(),
    team: z.string(),
    roundLabel: z.string().nullable(),
    onsiteStart: nullableDate,
    onsiteEnd: nullableDate,
    feedbackDate: nullableDate,
  }),
  counts: z.object({
    aspects: z.number().int(),
    problems: z.number().int(),
    measures: z.number().int(),
    byStatus: z.record(z.enum(PROBLEM_STATUSES), z.number().int()),
  }),
  aspects: z.array(z.string()),
  problems: z.array(
    z.object({
      no: z.number().int(),
      aspect: z.string().nullable(),
      title: z.string(),
      status: z.enum(PROBLEM_STATUSES),
      measures: z.array(
        z.object({
          text: z.string(),
          kind: z.enum(MEASURE_KINDS),
          status: z.enum(MEASURE_STATES),
          deadline: nullableDate,
          department: z.string().nullable(),
          leader: z.string().nullable(),
          person: z.string().nullable(),
        }),
      ),
    }),
  ),
  columns: z
    .array(
      z.object({
        sheet: z.string(),
        column: z.string().describe("列字母"),
        header: z.string(),
        field: z.string().nullable().describe("读作的台账字段；null：未读取"),
        reading: z.string().describe("读作什么（中文）"),
      }),
    )
    .describe("工作簿各列读作的字段（通报为空）；可用 mapColumn 修改"),
  fieldChoices: z
    .array(z.object({ field: z.string(), label: z.string() }))
    .describe("mapColumn 可选的台账字段（通报为空）"),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), line: z.number().int().optional() })),
  notes: z.array(z.string()),
  stated: z
    .record(z.string(), z.union([z.number(), z.string()]))
    .describe("通报自述的数字（方面、问题、措施数等）"),
  errors: z.array(
    z.object({
      file: z.string().describe("文件名（上传时的名称）"),
      sheet: z.string(),
      row: z.number().int().nullable(),
      column: z.string().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});

export const stagedImportSchema = z.object({
  id,
  kind: z.enum(["notice", "ledger"]),
  fileName: z.string(),
  fileSha256: z.string(),
  confirmable: z.boolean(),
  createdAt: instant,
  expiresAt: instant,
  version: z.number().int().describe("乐观锁版本号；修改（PATCH）时放在 If-Match 头中"),
  corrections: z
    .array(
      z.object({
        at: instant,
        by: z.object({ id, name: z.string() }),
        summary: z.string().describe("改了什么（中文）"),
      }),
    )
    .describe("确认前已做的修改，按先后；确认后写入审计记录"),
  undoneCorrections: z
    .array(
      z.object({
        at: instant,
        by: z.object({ id, name: z.string() }),
        summary: z.string().describe("改了什么（中文）"),
        undoneAt: instant,
        undoneBy: z.object({ id, name: z.string() }),
      }),
    )
    .describe("做过又撤销的修改，按撤销先后；不再生效，确认后也写入审计记录"),
  preview: importPreviewSchema,
});

/** Confirming may ask for a second ledger from a document the unit already imported (else duplicate_import). */
export const confirmImportSchema = z
  .object({
    allowDuplicate: z.boolean().default(false).describe("true：单位已导入过内容相同的文件时，仍再建一份台账"),
    version: z
      .number()
      .int()
      .optional()
      .describe("所确认的预览的版本号：与当前版本不同（其间又有修改）则不确认（409 import_changed）"),
  })
  .default({ allowDuplicate: false });

export const confirmedImportSchema = z.object({
  importId: id,
  inspectionId: id,
  unitId: id,
  problems: z.number().int(),
  measures: z.number().int(),
});

/** The schemas shown once, by these names, under components/schemas in the OpenAPI document and referred to elsewhere. */
export const NAMED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Error: errorBodySchema,
  User: userSchema,
  Grant: grantSchema,
  Account: accountSchema,
  Session: sessionSchema,
  ApiToken: apiTokenSchema,
  Org: orgSchema,
  Person: personSchema,
  Inspection: inspectionSchema,
  LedgerCounts: ledgerCountsSchema,
  Measure: measureSchema,
  InspectionLedger: inspectionLedgerSchema,
  Evidence: evidenceSchema,
  Extension: extensionSchema,
  CloseoutHold: closeoutHoldSchema,
  MeasureComment: measureCommentSchema,
  MeasureDetail: measureDetailSchema,
  AuditEvent: auditEventSchema,
  StagedImport: stagedImportSchema,
  ...SUPERVISION_SCHEMAS,
  ...REPORTING_SCHEMAS,
  ...PUBLIC_NOTICE_SCHEMAS,
  ...PUBLIC_NOTICE_REQUEST_SCHEMAS,
  ...STATISTICS_SCHEMAS,
};
