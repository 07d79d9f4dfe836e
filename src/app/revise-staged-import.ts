// What correcting a staged import and undoing one of its corrections share: the import opened for a revision (the
// caller's own, unconfirmed, at the version they read, for a unit they may still import for), the preview rebuilt
// from the revised input, and the revision stored only if nobody stored another since.

import type { Caller } from "../domain/account.ts";
import type { Org } from "../domain/org.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";
import type { PendingImport } from "../storage/store.ts";
import { alreadyConfirmed, importChanged, ownPendingImport } from "./confirm-import.ts";
import type { Deps } from "./deps.ts";
import type { CorrectionRecord, UndoneCorrectionRecord } from "./import-correction-log.ts";
import { buildImportPreview, type ImportPreview } from "./import-preview.ts";
import type { ImportReport } from "./read-import-workbook.ts";
import { importUnit, stagedPreview, stagedView, type StagedImport } from "./stage-import.ts";

/** Warnings a revision adds to the preview (replaced, never repeated, at each revision). */
export const CORRECTION_WARNING_CODES = new Set(["corrected_problem_count"]);

/** The caller's staged import and its unit, when it may be revised at `expectedVersion` (If-Match). */
export async function openForRevision(
  deps: Deps,
  caller: Caller,
  id: string,
  expectedVersion: number,
  now: string,
): Promise<{ pending: PendingImport; unit: Org }> {
  const pending = await ownPendingImport(deps.store, caller, id, now);
  if (pending.confirmedAt !== null) throw alreadyConfirmed(pending);
  if (pending.version !== expectedVersion) throw importChanged();
  // Grants may have changed since the upload.
  return { pending, unit: await importUnit(deps.store, caller, pending.unitId) };
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

/**
 * The preview of the revised `input`. `reread`: the report is a new reading of the file, whose notes lack the one on
 * an earlier import of the same file (a stored preview's report has it already).
 */
export async function revisedPreview(
  deps: Deps,
  unit: Org,
  input: LedgerInput,
  report: ImportReport,
  reread: boolean,
): Promise<ImportPreview> {
  const rebuilt = reread
    ? await stagedPreview(deps, unit, input, report)
    : buildImportPreview({ id: unit.id, name: unit.name }, input, report);
  return { ...rebuilt, warnings: [...rebuilt.warnings, ...correctionWarnings(rebuilt)] };
}

/** Stores the revision over the version read, and answers the import as the API shows it. */
export async function storeRevision(
  deps: Deps,
  caller: Caller,
  pending: PendingImport,
  revision: {
    readonly input: LedgerInput;
    readonly preview: ImportPreview;
    readonly confirmable: boolean;
    readonly corrections: readonly CorrectionRecord[];
    readonly undoneCorrections: readonly UndoneCorrectionRecord[];
  },
  now: string,
): Promise<StagedImport> {
  const { id } = pending;
  if (!(await deps.store.pendingImports.revise(id, caller.user.id, pending.version, revision, now))) {
    // Confirmed, discarded, expired or corrected by another request since it was read.
    const current = await deps.store.pendingImports.get(id);
    if (current?.confirmedAt) throw alreadyConfirmed(current);
    if (!current || current.expiresAt <= now) await ownPendingImport(deps.store, caller, id, now);
    throw importChanged();
  }
  return stagedView({ ...pending, ...revision, version: pending.version + 1 });
}
