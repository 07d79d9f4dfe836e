// Undoes one correction of a staged import before it is confirmed: the file kept with the import is read again as
// first uploaded (a workbook with the column mappings that stay) and the other corrections are replayed on it, each on
// the problems and measures it meant (import-correction-undo.ts). The preview is rebuilt and the undone correction
// leaves the list that is replayed for the list of undone ones (who undid it and when), so that confirming records
// both. Guarded by the version like a correction (If-Match).

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { ledgerInputSchema } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Deps } from "./deps.ts";
import { actorOf } from "./confirm-import.ts";
import { MAX_STORED_CORRECTIONS } from "./correct-import.ts";
import { correctionLog, undoneCorrectionLog } from "./import-correction-log.ts";
import { undoCorrection } from "./import-correction-undo.ts";
import { rereadStagedUpload } from "./read-staged-upload.ts";
import { openForRevision, revisedPreview, storeRevision } from "./revise-staged-import.ts";
import type { StagedImport } from "./stage-import.ts";

export interface UndoImportCorrectionOptions {
  /** The version of the staged import the list was read on (If-Match). */
  readonly expectedVersion: number;
  /** The correction to undo, by its number in the list (1-based, oldest first). */
  readonly correction: number;
  /** Where the file is written for the seconds it is read again (default: the system's temporary folder). */
  readonly scratchDir?: string;
}

export async function undoImportCorrection(
  deps: Deps,
  caller: Caller,
  id: string,
  options: UndoImportCorrectionOptions,
): Promise<StagedImport> {
  const now = deps.clock.now();
  const { pending, unit } = await openForRevision(deps, caller, id, options.expectedVersion, now);
  const log = correctionLog(pending);
  const undone = options.correction - 1;
  const record = log[undone];
  if (record === undefined)
    throw new DomainError(
      "import_correction_not_found",
      log.length === 0
        ? "该导入还没有任何修改，没有可撤销的修改"
        : `没有第${options.correction}项修改（该导入共有${log.length}项修改）`,
    );
  const undoneBefore = undoneCorrectionLog(pending);
  if (undoneBefore.length >= MAX_STORED_CORRECTIONS)
    throw new DomainError(
      "too_many_corrections",
      `一次导入最多保存${MAX_STORED_CORRECTIONS}项已撤销的修改：请放弃本次导入，改好文件后重新上传`,
    );
  const stays = log.filter((_, i) => i !== undone).map((r) => r.correction);
  const read = await rereadStagedUpload(deps, pending, unit, stays, {
    doing: "不能撤销修改",
    scratchDir: options.scratchDir,
  });
  const { input, records } = undoCorrection(read.input, log, undone);
  if (read.confirmable) parseInput(ledgerInputSchema, input, "撤销修改后的导入内容");
  const preview = await revisedPreview(deps, unit, input, read.report, true);
  const actor = actorOf(caller);
  const undoneCorrections = [
    ...undoneBefore,
    { ...record, undoneAt: now, undoneBy: { id: actor.id, name: actor.name } },
  ];
  const revision = { input, preview, confirmable: read.confirmable, corrections: records, undoneCorrections };
  return storeRevision(deps, caller, pending, revision, now);
}
