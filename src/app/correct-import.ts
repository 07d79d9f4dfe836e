// Corrects a staged import before it is confirmed: the uploader changes problem titles and statuses, measures, merges
// or splits problems, or (for a workbook) maps a column to another field, which reads the stored upload again. The
// preview is rebuilt and the corrections are recorded (who, when, what) for the audit trail of the confirmed ledger.
// Guarded by the staged import's version (If-Match): a correction made on a stale preview is refused.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { readScratchFile } from "../documents/read-scratch-file.ts";
import { headerOf, normalizeHeader, parseColumnMap } from "../documents/xlsx/ledger-columns.ts";
import type { ImportCorrection } from "../shared/import-corrections.ts";
import { ledgerInputSchema, type LedgerInput } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { PendingImport } from "../storage/store.ts";
import { actorOf, alreadyConfirmed, importChanged, ownPendingImport } from "./confirm-import.ts";
import type { Deps } from "./deps.ts";
import { correctionLog, type CorrectionRecord } from "./import-correction-log.ts";
import { applyCorrection, correctionRefused, type ContentCorrection } from "./import-corrections.ts";
import { buildImportPreview, type ImportPreview } from "./import-preview.ts";
import { readImportWorkbook, type ImportReport, WORKBOOK_FIELD_CHOICES } from "./read-import-workbook.ts";
import { importUnit, stagedPreview, stagedView, type StagedImport } from "./stage-import.ts";

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

/** Warnings this use case adds to a corrected preview (replaced, never repeated, at each correction). */
const CORRECTION_WARNING_CODES = new Set(["corrected_problem_count"]);

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

/** The column map of every mapColumn so far (the later one wins for a header). */
function columnMapOf(corrections: readonly ImportCorrection[]) {
  return parseColumnMap(corrections.flatMap((c) => (c.op === "mapColumn" ? [`${c.header}=${c.field}`] : [])));
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

interface Draft {
  input: LedgerInput;
  report: ImportReport;
  confirmable: boolean;
}

/** The workbook read again with every mapping so far, and the earlier content corrections applied again in order. */
async function rereadWorkbook(
  deps: Deps,
  pending: PendingImport,
  unit: Org,
  corrections: readonly ImportCorrection[],
  scratchDir: string | undefined,
): Promise<Draft> {
  const bytes = await deps.store.pendingImports.getUpload(pending.id);
  if (bytes === undefined)
    throw new DomainError("invalid_input", "该导入未保存上传的工作簿，不能修改列的对应：请重新上传后再修改");
  const read = await readScratchFile(
    bytes,
    "upload.xlsx",
    (path) =>
      readImportWorkbook(path, unit, {
        skipInvalid: pending.skipInvalid,
        map: columnMapOf(corrections),
        // Findings name the uploaded file, not the copy read again.
        fileName: pending.fileName,
      }),
    scratchDir,
  );
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
  return { input, report: read.report, confirmable: read.confirmable };
}

/** After corrections, what the notice stated of itself may no longer match what will be imported. */
function correctionWarnings(preview: ImportPreview): ImportPreview["warnings"] {
  const stated = preview.stated["problems"];
  return typeof stated === "number" && stated !== preview.counts.problems
    ? [
        {
          code: "corrected_problem_count",
          message: `通报称${stated}个问题，修改后为${preview.counts.problems}个问题`,
        },
      ]
    : [];
}

export async function correctImport(
  deps: Deps,
  caller: Caller,
  id: string,
  options: CorrectImportOptions,
): Promise<StagedImport> {
  const now = deps.clock.now();
  const pending = await ownPendingImport(deps.store, caller, id, now);
  if (pending.confirmedAt !== null) throw alreadyConfirmed(pending);
  if (pending.version !== options.expectedVersion) throw importChanged();
  // Grants may have changed since the upload.
  const unit = await importUnit(deps.store, caller, pending.unitId);
  const actor = actorOf(caller);
  const log = correctionLog(pending);
  if (log.length + options.corrections.length > MAX_STORED_CORRECTIONS)
    throw new DomainError(
      "too_many_corrections",
      `一次导入最多保存${MAX_STORED_CORRECTIONS}项修改（已有${log.length}项，本次${options.corrections.length}项）：请放弃本次导入，改好文件后重新上传`,
    );
  const done: ImportCorrection[] = log.map((r) => r.correction);
  const records: CorrectionRecord[] = [];
  let draft: Draft = {
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
  const rebuilt = reread
    ? await stagedPreview(deps, unit, draft.input, draft.report)
    : buildImportPreview({ id: unit.id, name: unit.name }, draft.input, draft.report);
  const preview = { ...rebuilt, warnings: [...rebuilt.warnings, ...correctionWarnings(rebuilt)] };
  const corrections = [...log, ...records];
  const revision = { input: draft.input, preview, confirmable: draft.confirmable, corrections };
  if (!(await deps.store.pendingImports.revise(id, caller.user.id, pending.version, revision, now))) {
    // Confirmed, discarded, expired or corrected by another request since it was read.
    const current = await deps.store.pendingImports.get(id);
    if (current?.confirmedAt) throw alreadyConfirmed(current);
    if (!current || current.expiresAt <= now) await ownPendingImport(deps.store, caller, id, now);
    throw importChanged();
  }
  return stagedView({ ...pending, ...revision, version: pending.version + 1 });
}
