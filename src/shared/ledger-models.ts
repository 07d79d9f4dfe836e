// What the ledger routes answer (台账): inspections with their derived counts, the overview across them, and one
// inspection's whole ledger (aspects, problems, measures, outcomes, plan). Zod schemas of the JSON the server sends.

import { z } from "zod";
import { INSPECTION_KINDS, REGIMES } from "../domain/inspection.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";
import { OUTCOME_KINDS, SANCTION_TYPES } from "../domain/outcome.ts";
import { DISCLOSURES, PROBLEM_SOURCES, PROBLEM_STATUSES, WITHHOLDING_REASONS } from "../domain/problem.ts";
import { date, decimal, id, instant, nullableDate, nullableId } from "./model-scalars.ts";
import { orgSchema, personSchema } from "./org-models.ts";
import { deadlineWarningSchema } from "./supervision-models.ts";
import { ladderStepSchema } from "./supervision-action-models.ts";

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

export const LEDGER_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Inspection: inspectionSchema,
  LedgerCounts: ledgerCountsSchema,
  Measure: measureSchema,
  InspectionLedger: inspectionLedgerSchema,
};
