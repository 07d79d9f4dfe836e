// The corrections recorded on a staged import: what was changed, when and by whom, kept with the import until it is
// confirmed (then written into the audit trail of the new ledger) and replayed when a workbook is read again; and the
// ones undone since, which are never replayed but stay on record with who undid them and when.

import type { ImportCorrection } from "../shared/import-corrections.ts";
import type { PendingImport } from "../storage/store.ts";

/** One correction as recorded: the request's correction, who made it and when, and a Chinese sentence saying what. */
export interface CorrectionRecord {
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string };
  readonly summary: string;
  readonly correction: ImportCorrection;
}

/** A correction made and then undone: as it stood in the list when it was undone, and who undid it and when. */
export interface UndoneCorrectionRecord extends CorrectionRecord {
  readonly undoneAt: string;
  readonly undoneBy: { readonly id: string; readonly name: string };
}

/** The recorded corrections of a staged import, oldest first (imports staged before 0018 have none). */
export const correctionLog = (p: Pick<PendingImport, "corrections">): readonly CorrectionRecord[] =>
  Array.isArray(p.corrections) ? (p.corrections as CorrectionRecord[]) : [];

/** The undone corrections of a staged import, in the order they were undone (imports staged before 0025 have none). */
export const undoneCorrectionLog = (
  p: Pick<PendingImport, "undoneCorrections">,
): readonly UndoneCorrectionRecord[] =>
  Array.isArray(p.undoneCorrections) ? (p.undoneCorrections as UndoneCorrectionRecord[]) : [];
