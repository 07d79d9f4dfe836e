// The corrections a person makes to a staged import before confirming it (PATCH /api/v1/imports/:id): set a problem's
// title or status, a measure's fields, merge or split problems, and for a workbook map a column to another field.
// Problems and measures are named by their numbers in the preview (1-based, as the page shows them).

import { z } from "zod";
import { PROBLEM_STATUSES, PROBLEM_STATUS_LABELS } from "../domain/problem.ts";
import { calendarDateSchema, labelledEnum, requiredText } from "./validation.ts";

const numberOf = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .int({ error: `${what}应为整数` })
    .min(1, { error: `${what}从1开始` })
    .max(5000, { error: `${what}过大` });

const problemNo = numberOf("问题序号");
const measureNo = numberOf("措施序号");
const name = z.string().trim().max(100, { error: "不能超过100个字符" });
/** An empty name clears the field. */
const clearableName = name.nullable().transform((v) => (v === "" ? null : v));

export const problemTitleSchema = requiredText(500);
export const problemStatusSchema = labelledEnum(PROBLEM_STATUSES, PROBLEM_STATUS_LABELS, "整改状态");

/** A measure's fields a person may correct; at least one. Empty names and null clear a field. */
export const measureFieldsSchema = z
  .object({
    text: requiredText(4000).optional(),
    deadline: calendarDateSchema.nullable().optional(),
    leader: clearableName.optional(),
    department: clearableName.optional(),
    person: clearableName.optional(),
  })
  .refine((m) => Object.values(m).some((v) => v !== undefined), { error: "请至少修改一项内容" });

export const importCorrectionSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("setProblemTitle"), problem: problemNo, title: problemTitleSchema }),
    z.object({ op: z.literal("setProblemStatus"), problem: problemNo, status: problemStatusSchema }),
    z.object({
      op: z.literal("setMeasure"),
      problem: problemNo,
      measure: measureNo,
      fields: measureFieldsSchema,
    }),
    z
      .object({ op: z.literal("mergeProblems"), into: problemNo, from: problemNo })
      .refine((m) => m.into !== m.from, { error: "不能把问题合并到它自己", path: ["from"] }),
    z.object({
      op: z.literal("splitProblem"),
      problem: problemNo,
      measures: z
        .array(measureNo)
        .min(1, { error: "请选择要拆出的措施" })
        .max(500)
        .refine((ms) => new Set(ms).size === ms.length, { error: "措施序号有重复" }),
      title: problemTitleSchema,
    }),
    z.object({
      op: z.literal("mapColumn"),
      header: requiredText(200).describe("工作簿中的列名（表头文字）"),
      field: requiredText(50).describe("台账字段：英文名（deadline）或中文表头（整改时限）"),
    }),
  ],
  {
    error:
      "修改类型应为 setProblemTitle、setProblemStatus、setMeasure、mergeProblems、splitProblem 或 mapColumn",
  },
);

export type ImportCorrection = z.output<typeof importCorrectionSchema>;
/** A correction as a client sends it (names may be "" to clear them). */
export type ImportCorrectionInput = z.input<typeof importCorrectionSchema>;

/** PATCH /api/v1/imports/:id: corrections applied in order, each to the draft the previous ones left. */
export const correctImportSchema = z.object({
  corrections: z.array(importCorrectionSchema).min(1, { error: "请至少给出一项修改" }).max(100),
});

/** DELETE /api/v1/imports/:id/corrections/:no: the correction to undo, by its number in the list (1-based). */
export const importCorrectionParams = z.object({
  id: z.string().min(1).max(100),
  no: z.coerce
    .number({ error: "修改序号应为数字" })
    .int({ error: "修改序号应为整数" })
    .min(1, { error: "修改序号从1开始" })
    .max(500, { error: "修改序号过大" })
    .describe("要撤销的修改在修改列表中的序号（从1开始）"),
});
