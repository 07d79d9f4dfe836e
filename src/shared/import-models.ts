// What the import routes answer: a staged import (a notice or workbook read but not yet confirmed) with its preview
// and corrections, and the confirmation's request and answer. Zod schemas of the JSON the server sends.

import { z } from "zod";
import { MEASURE_KINDS, MEASURE_STATES } from "../domain/measure.ts";
import { PROBLEM_STATUSES } from "../domain/problem.ts";
import { id, instant, nullableDate } from "./model-scalars.ts";

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

/** Who did something to a staged import. */
const person = z.object({ id, name: z.string() });

/** A correction as the staged import records it: when, by whom, and what it changed. */
const recordedCorrection = z.object({
  at: instant,
  by: person,
  summary: z.string().describe("改了什么（中文）"),
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
  corrections: z.array(recordedCorrection).describe("确认前已做的修改，按先后；确认后写入审计记录"),
  undoneCorrections: z
    .array(recordedCorrection.extend({ undoneAt: instant, undoneBy: person }))
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

export const IMPORT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  StagedImport: stagedImportSchema,
};
