// Reads an import's file into the ledger input it would create: a notice (.docx/.txt/.md) with the notice parser, a
// workbook (.xlsx) with the workbook reader and its column mappings. Used when staging (the uploaded temporary file)
// and again from the bytes kept with the staged import (a workbook read with other mappings; any file read as first
// uploaded to undo a correction). Reads only: stores nothing.

import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { parseNotice } from "../documents/notice/parse-notice.ts";
import { readNoticeFile } from "../documents/notice/read-notice-file.ts";
import { readScratchFile } from "../documents/read-scratch-file.ts";
import { parseColumnMap } from "../documents/xlsx/ledger-columns.ts";
import type { ImportCorrection } from "../shared/import-corrections.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";
import type { PendingImport } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { planNoticeImport } from "./import-notice.ts";
import { readImportWorkbook, type ImportReport } from "./read-import-workbook.ts";

/** A file as read: the input it would create, what the reader found, and whether it may be confirmed. */
export interface ReadImport {
  readonly input: LedgerInput;
  readonly report: ImportReport;
  /** False while a workbook has invalid rows that are not skipped; a notice always may be. */
  readonly confirmable: boolean;
}

/** The column map of every mapColumn among `corrections` (the later one wins for a header). */
export const columnMapOf = (corrections: readonly ImportCorrection[]) =>
  parseColumnMap(corrections.flatMap((c) => (c.op === "mapColumn" ? [`${c.header}=${c.field}`] : [])));

/** Reads the file at `path` as a notice or, with the column mappings among `corrections`, a workbook. */
export async function readImportFile(
  path: string,
  kind: PendingImport["kind"],
  unit: Org,
  options: {
    readonly skipInvalid: boolean;
    readonly fileName: string;
    readonly corrections?: readonly ImportCorrection[];
  },
): Promise<ReadImport> {
  if (kind === "ledger") {
    return readImportWorkbook(path, unit, {
      skipInvalid: options.skipInvalid,
      // Findings name the uploaded file, not a copy read again.
      fileName: options.fileName,
      ...(options.corrections === undefined ? {} : { map: columnMapOf(options.corrections) }),
    });
  }
  const file = await readNoticeFile(path);
  const draft = parseNotice(file.text, { unitName: unit.name });
  const planned = planNoticeImport(draft, { unitName: unit.name });
  return {
    input: planned.input,
    report: {
      warnings: [...file.warnings, ...draft.warnings],
      notes: planned.notes,
      stated: { ...draft.stated },
      errors: [],
      columns: [],
      fieldChoices: [],
    },
    confirmable: true,
  };
}

/**
 * The staged import's file read again from its stored bytes, a workbook with the column mappings among
 * `corrections`. Imports staged before their bytes were kept (a notice before undo existed) are refused: `doing`
 * says what could not be done (不能撤销修改).
 */
export async function rereadStagedUpload(
  deps: Pick<Deps, "store">,
  pending: PendingImport,
  unit: Org,
  corrections: readonly ImportCorrection[],
  options: { readonly doing: string; readonly scratchDir?: string | undefined },
): Promise<ReadImport> {
  const bytes = await deps.store.pendingImports.getUpload(pending.id);
  if (bytes === undefined)
    throw new DomainError(
      "invalid_input",
      `该导入未保存上传的文件，${options.doing}：请放弃本次导入后重新上传`,
    );
  // The reader goes by the extension: the copy keeps the uploaded one.
  const extension = /\.[^./\\]+$/.exec(pending.fileName)?.[0]?.toLowerCase() ?? "";
  return readScratchFile(
    bytes,
    `upload${extension}`,
    (path) =>
      readImportFile(path, pending.kind, unit, {
        skipInvalid: pending.skipInvalid,
        fileName: pending.fileName,
        corrections,
      }),
    options.scratchDir,
  );
}
