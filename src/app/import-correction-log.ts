// The corrections recorded on a staged import: what was changed, when and by whom, kept with the import until it is
// confirmed (then written into the audit trail of the new ledger) and replayed when a workbook is read again.

import type { ImportCorrection } from "../shared/import-corrections.ts";
import type { PendingImport } from "../storage/store.ts";

/** One correction as recorded: the request's correction, who made it and when, and a Chinese sentence saying what. */
export interface CorrectionRecord {
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string };
  readonly summary: string;
  readonly correction: ImportCorrection;
}

/** The recorded corrections of a staged import, oldest first (imports staged before 0018 have none). */
export const correctionLog = (p: Pick<PendingImport, "corrections">): readonly CorrectionRecord[] =>
  Array.isArray(p.corrections) ? (p.corrections as CorrectionRecord[]) : [];
