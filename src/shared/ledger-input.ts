// The input that creates a whole ledger at once (import of a notice or a spreadsheet, example data, benchmarks).

import { z } from "zod";
import { INSPECTION_KINDS, REGIMES } from "../domain/inspection.ts";
import { MEASURE_KINDS } from "../domain/measure.ts";
import { MONEY_OUTCOME_KINDS, OUTCOME_KINDS, SANCTION_TYPES } from "../domain/outcome.ts";
import { DISCLOSURES, PROBLEM_SOURCES, WITHHOLDING_REASONS } from "../domain/problem.ts";
import { calendarDateSchema, optionalText, requiredText } from "./validation.ts";

/** States a measure may be recorded in when an existing ledger is brought in (its history is elsewhere). */
export const IMPORTABLE_MEASURE_STATES = ["draft", "in_progress", "submitted", "closed"] as const;

const name = requiredText(100);

export const measureInputSchema = z.object({
  text: requiredText(4000),
  kind: z.enum(MEASURE_KINDS).default("time_limited"),
  deadline: calendarDateSchema.nullish(),
  leader: name.nullish(),
  department: name.nullish(),
  person: name.nullish(),
  cooperatingDepartments: z.array(name).max(50).default([]),
  acceptanceCriteria: optionalText(2000),
  evidenceRequired: z.boolean().default(false),
  state: z.enum(IMPORTABLE_MEASURE_STATES).default("draft"),
  /** The day a measure recorded as closed was closed (an imported notice's 截至 or 成文 date); else the import's time. */
  closedOn: calendarDateSchema.nullish(),
});

export const outcomeInputSchema = z
  .object({
    kind: z.enum(OUTCOME_KINDS),
    quantity: z
      .string()
      .regex(/^\d+(\.\d{1,2})?$/, { error: "数量应为非负整数，金额最多两位小数（单位：元）" }),
    sanctionType: z.enum(SANCTION_TYPES).nullish(),
    note: optionalText(1000),
  })
  .refine((o) => MONEY_OUTCOME_KINDS.has(o.kind) || /^\d+$/.test(o.quantity), {
    error: "该类成效是数量，应为非负整数",
    path: ["quantity"],
  });

export const problemInputSchema = z.object({
  aspect: z.string().trim().min(1).nullish(),
  title: requiredText(500),
  feedbackText: z.string().max(20_000).nullish(),
  symptoms: optionalText(20_000),
  source: z.enum(PROBLEM_SOURCES).default("feedback"),
  disclosure: z.enum(DISCLOSURES).default("public"),
  withholdingReason: z.enum(WITHHOLDING_REASONS).nullish(),
  isCommon: z.boolean().default(false),
  measures: z.array(measureInputSchema).max(500).default([]),
  outcomes: z.array(outcomeInputSchema).max(500).default([]),
});

export const ledgerInputSchema = z
  .object({
    unitName: requiredText(200),
    oversightName: name.nullish(),
    inspection: z
      .object({
        regime: z.enum(REGIMES),
        kind: z.enum(INSPECTION_KINDS).default("regular"),
        roundLabel: optionalText(200),
        team: requiredText(200),
        onsiteStart: calendarDateSchema.nullish(),
        onsiteEnd: calendarDateSchema.nullish(),
        feedbackDate: calendarDateSchema.nullish(),
        isExample: z.boolean().default(false),
      })
      .refine((i) => !i.onsiteStart || !i.onsiteEnd || i.onsiteStart <= i.onsiteEnd, {
        error: "进驻结束日期不能早于开始日期",
        path: ["onsiteEnd"],
      }),
    aspects: z.array(requiredText(500)).max(100).default([]),
    problems: z.array(problemInputSchema).max(5_000),
    plan: z
      .object({
        leader: name.nullish(),
        members: z.array(name).max(100).default([]),
        meetings: z
          .array(z.object({ heldOn: calendarDateSchema.nullish(), title: requiredText(500) }))
          .max(500)
          .default([]),
        items: z
          .array(z.object({ text: requiredText(4000), deadline: calendarDateSchema.nullish() }))
          .max(500)
          .default([]),
      })
      .default({ members: [], meetings: [], items: [] }),
    /** The imported document, by a fingerprint of its content: the same one is not imported twice for a unit. */
    source: z
      .object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/, { error: "应为64位十六进制的内容指纹" }) })
      .nullish(),
    /** The unit's own words a generated notice writes back (see NoticeNarrative); counts as {{placeholders}}. */
    narrative: z
      .object({
        issuerName: optionalText(200),
        organisation: z
          .array(z.object({ heading: optionalText(200), text: z.string().trim().max(8000) }))
          .max(50)
          .default([]),
        planLead: optionalText(2000),
        contact: optionalText(4000),
      })
      .nullish(),
  })
  .superRefine((ledger, ctx) => {
    const aspects = new Set(ledger.aspects);
    ledger.problems.forEach((p, i) => {
      if (p.aspect && !aspects.has(p.aspect)) {
        ctx.addIssue({
          code: "custom",
          path: ["problems", i, "aspect"],
          message: `方面“${p.aspect}”不在本次巡察的方面列表中`,
        });
      }
      if (p.disclosure !== "withheld" && p.withholdingReason != null) {
        ctx.addIssue({
          code: "custom",
          path: ["problems", i, "withholdingReason"],
          message: "只有不公开的问题才填写不公开理由",
        });
      }
    });
  });

export type LedgerInput = z.input<typeof ledgerInputSchema>;
export type ValidLedgerInput = z.output<typeof ledgerInputSchema>;
