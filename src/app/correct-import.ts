// Corrects a staged import before it is confirmed: the uploader changes problem titles and statuses, measures, merges
// or splits problems, or (for a workbook) maps a column to another field, which reads the stored upload again. The
// preview is rebuilt and the corrections are recorded (who, when, what) for the audit trail of the confirmed ledger.
// Guarded by the staged import's version (If-Match): a correction made on a stale preview is refused.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { headerOf, normalizeHeader } from "../documents/xlsx/ledger-columns.ts";
import type { ImportCorrection } from "../shared/import-corrections.ts";
import { ledgerInputSchema, type LedgerInput } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { PendingImport } from "../storage/store.ts";
import { actorOf } from "./confirm-import.ts";
import type { Deps } from "./deps.ts";
import { correctionLog, undoneCorrectionLog, type CorrectionRecord } from "./import-correction-log.ts";
import { applyCorrection, correctionRefused, type ContentCorrection } from "./import-corrections.ts";
import type { ImportPreview } from "./import-preview.ts";
import { type ImportReport, WORKBOOK_FIELD_CHOICES } from "./read-import-workbook.ts";
import { columnMapOf, rereadStagedUpload, type ReadImport } from "./read-staged-upload.ts";
import {
  CORRECTION_WARNING_CODES,
  openForRevision,
  revisedPreview,
  storeRevision,
} from "./revise-staged-import.ts";
import type { StagedImport } from "./stage-import.ts";

export interface CorrectImportOptions {
  /** The version of the staged import the corrections were made on (If-Match). */
  readonly expectedVersion: number;
  /** Applied in order, each to the draft the previous ones left; all or none are stored. */
  readonly corrections: readonly ImportCorrection[];
  /** Where a workbook is written for the seconds it is read again (default: the system's temporary folder). */
  readonly scratchDir?: string;
}

/**
 * The corrections a staged import keeps in all (each request may add up to 100): a reading of the workbook replays
 * them, and the confirmed ledger's audit event copies them.
 */
export const MAX_STORED_CORRECTIONS = 500;

/** What the reader found, as the stored preview keeps it (previews staged before 0018 have no columns). */
function storedReport(stored: unknown): ImportReport {
  const preview = stored as ImportPreview & Partial<Pick<ImportPreview, "columns" | "fieldChoices">>;
  return {
    warnings: preview.warnings.filter((w) => !CORRECTION_WARNING_CODES.has(w.code)),
    notes: preview.notes,
    stated: preview.stated,
    errors: preview.errors,
    columns: preview.columns ?? [],
    fieldChoices: preview.fieldChoices ?? [],
  };
}

/** A mapColumn checked against the workbook's columns and the fields a column may hold. */
function checkMapping(
  c: Extract<ImportCorrection, { op: "mapColumn" }>,
  index: number,
  report: ImportReport,
) {
  if (!report.columns.some((col) => normalizeHeader(col.header) === normalizeHeader(c.header)))
    throw correctionRefused(index, "header", "unknown_column", `工作簿中没有名为“${c.header}”的列`);
  try {
    columnMapOf([c]);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== "invalid_column_map") throw e;
    throw correctionRefused(
      index,
      "field",
      "unknown_field",
      `“${c.field}”不是台账字段，应为以下之一：${WORKBOOK_FIELD_CHOICES.map((f) => f.label).join("、")}`,
    );
  }
}

/** The workbook read again with every mapping so far, and the earlier content corrections applied again in order. */
async function rereadWorkbook(
  deps: Deps,
  pending: PendingImport,
  unit: Org,
  corrections: readonly ImportCorrection[],
  scratchDir: string | undefined,
): Promise<ReadImport> {
  const read = await rereadStagedUpload(deps, pending, unit, corrections, {
    doing: "不能修改列的对应",
    scratchDir,
  });
  let input = read.input;
  for (const c of corrections) {
    if (c.op === "mapColumn") continue;
    try {
      input = applyCorrection(input, c, 0).input;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const reason = e.fields?.[0]?.message ?? e.message;
      throw new DomainError(
        "invalid_input",
        `按新的列对应重新读取工作簿后，先前的修改无法再套用（${reason}）：请放弃本次导入后重新上传`,
        e.fields,
      );
    }
  }
  return { ...read, input };
}

export async function correctImport(
  deps: Deps,
  caller: Caller,
  id: string,
  options: CorrectImportOptions,
): Promise<StagedImport> {
  const now = deps.clock.now();
  const { pending, unit } = await openForRevision(deps, caller, id, options.expectedVersion, now);
  const actor = actorOf(caller);
  const log = correctionLog(pending);
  if (log.length + options.corrections.length > MAX_STORED_CORRECTIONS)
    throw new DomainError(
      "too_many_corrections",
      `一次导入最多保存${MAX_STORED_CORRECTIONS}项修改（已有${log.length}项，本次${options.corrections.length}项）：请放弃本次导入，改好文件后重新上传`,
    );
  const done: ImportCorrection[] = log.map((r) => r.correction);
  const records: CorrectionRecord[] = [];
  let draft: ReadImport = {
    input: pending.input as LedgerInput,
    report: storedReport(pending.preview),
    confirmable: pending.confirmable,
  };
  // Column mappings first, all in one reading of the stored workbook (with the earlier content corrections replayed),
  // then the content corrections in order: the same draft as one reading per mapping, at the cost of one.
  const mappings = options.corrections.flatMap((c, index) => (c.op === "mapColumn" ? [{ c, index }] : []));
  const summaries = new Map<number, string>();
  for (const { c, index } of mappings) {
    if (pending.kind !== "ledger")
      throw correctionRefused(
        index,
        "op",
        "not_a_workbook",
        "只有整改台账（.xlsx）可以修改列的对应，通报没有列",
      );
    checkMapping(c, index, draft.report);
    const [field] = columnMapOf([c]).values();
    const label =
      WORKBOOK_FIELD_CHOICES.find((f) => f.field === field)?.label ?? (field ? headerOf(field) : c.field);
    summaries.set(index, `把列“${c.header}”读作“${label}”`);
  }
  const reread = mappings.length > 0;
  if (reread)
    draft = await rereadWorkbook(
      deps,
      pending,
      unit,
      [...done, ...mappings.map((m) => m.c)],
      options.scratchDir,
    );
  for (const [index, correction] of options.corrections.entries()) {
    let summary = summaries.get(index);
    if (correction.op !== "mapColumn") {
      const applied = applyCorrection(draft.input, correction satisfies ContentCorrection, index);
      draft = { ...draft, input: applied.input };
      summary = applied.summary;
    }
    records.push({ at: now, by: { id: actor.id, name: actor.name }, summary: summary ?? "", correction });
  }
  if (draft.confirmable) parseInput(ledgerInputSchema, draft.input, "修改后的导入内容");
  const preview = await revisedPreview(deps, unit, draft.input, draft.report, reread);
  const corrections = [...log, ...records];
  const revision = {
    input: draft.input,
    preview,
    confirmable: draft.confirmable,
    corrections,
    undoneCorrections: undoneCorrectionLog(pending),
  };
  return storeRevision(deps, caller, pending, revision, now);
}
