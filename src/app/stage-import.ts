// Stages an uploaded notice (.docx/.txt/.md) or ledger workbook (.xlsx) for a unit: reads it with the bounded
// readers, dry-runs the import, and keeps the validated input with its preview until its uploader confirms or
// discards it (30 minutes, at most 5 open per user). Stores no ledger data.

import { createHash } from "node:crypto";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { requireAction, rolesOver } from "../domain/permissions.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { NOTICE_FILE_LIMITS } from "../documents/notice/read-notice-file.ts";
import { readRegularFile } from "../documents/read-regular-file.ts";
import { XLSX_LIMITS } from "../documents/xlsx/xlsx-archive.ts";
import { ledgerInputSchema, type LedgerInput } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { PendingImport, Repositories } from "../storage/store.ts";
import { callerOrgPaths, orgNotFound } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import { buildImportPreview, type ImportPreview } from "./import-preview.ts";
import { correctionLog, undoneCorrectionLog } from "./import-correction-log.ts";
import type { ImportReport } from "./read-import-workbook.ts";
import { readImportFile } from "./read-staged-upload.ts";

/** How long a staged import waits for confirmation. */
export const PENDING_IMPORT_TTL_MINUTES = 30;
/** Open (unconfirmed, unexpired) staged imports one user may have. */
export const PENDING_IMPORTS_PER_USER = 5;

export type ImportKind = PendingImport["kind"];

export interface StageImportOptions {
  /** The org the ledger belongs to: a unit the caller may import for (unit_office, oversight, admin). */
  readonly unitId: string;
  /** The file's name as uploaded: its extension decides how it is read. */
  readonly fileName: string;
  /** Where the uploaded bytes are (a temporary file of the caller's). */
  readonly path: string;
  /** Workbooks: leave invalid rows out (listed in the preview) instead of refusing to confirm. */
  readonly skipInvalid?: boolean;
}

export interface StagedImport {
  readonly id: string;
  readonly kind: ImportKind;
  readonly fileName: string;
  readonly fileSha256: string;
  /** False while the workbook has invalid rows that are not skipped. */
  readonly confirmable: boolean;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** Optimistic concurrency of corrections (If-Match). */
  readonly version: number;
  /** Corrections made so far: when, by whom, what (Chinese). */
  readonly corrections: ReadonlyArray<{ at: string; by: { id: string; name: string }; summary: string }>;
  /** Corrections made and then undone, in the order undone: also who undid each and when. */
  readonly undoneCorrections: ReadonlyArray<{
    at: string;
    by: { id: string; name: string };
    summary: string;
    undoneAt: string;
    undoneBy: { id: string; name: string };
  }>;
  readonly preview: ImportPreview;
}

const KIND_BY_EXTENSION: Readonly<Record<string, ImportKind>> = {
  ".docx": "notice",
  ".txt": "notice",
  ".md": "notice",
  ".xlsx": "ledger",
};

export const unsupportedFileType = (): DomainError =>
  new DomainError(
    "unsupported_file_type",
    "不支持的文件类型：请上传整改情况通报（.docx、.txt、.md）或整改台账（.xlsx）",
  );

/**
 * The kind of an upload from its extension, checked against its first bytes: .docx and .xlsx must be zip packages,
 * .txt and .md text (no NUL byte, unless UTF-16 with a byte order mark). An executable renamed .docx is refused.
 * Without bytes, the extension alone is checked.
 */
export function importKindOf(fileName: string, bytes?: Uint8Array): ImportKind {
  const extension = (/\.[^./\\]+$/.exec(fileName)?.[0] ?? "").toLowerCase();
  const kind = KIND_BY_EXTENSION[extension];
  if (kind === undefined) throw unsupportedFileType();
  if (bytes === undefined) return kind;
  if (kind === "ledger" || extension === ".docx") {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
      throw unsupportedFileType();
    return kind;
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 64 * 1024).includes(0)) throw unsupportedFileType();
  return kind;
}

/** The unit to import for, when the caller may import for it; else org_not_found (hidden) or forbidden. */
export async function importUnit(repos: Repositories, caller: Caller, unitId: string): Promise<Org> {
  const org = await repos.orgs.get(SCOPE_ALL, unitId);
  const paths = await callerOrgPaths(repos, caller);
  const roles = org
    ? rolesOver(
        caller,
        { unitPath: org.path, oversightPath: null, departmentPaths: [], responsiblePath: null },
        paths,
      )
    : new Set<never>();
  if (!org || roles.size === 0) throw orgNotFound();
  requireAction(roles, "ledger.import");
  if (org.kind !== "unit") {
    throw new DomainError("invalid_input", "所选单位不是被巡察单位，请选择被巡察单位", [
      { path: "unitId", code: "not_a_unit", message: "请选择被巡察单位（而不是巡察办或部门）" },
    ]);
  }
  return org;
}

/** Runs a reader, naming the uploaded file instead of its temporary copy in any refusal. */
async function reading<T>(path: string, fileName: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof DomainError && e.message.includes(path)) {
      const renamed = new DomainError(e.code, e.message.split(path).join(fileName), e.fields);
      throw Object.assign(renamed, { cause: e });
    }
    throw e;
  }
}

const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export async function stageImport(
  deps: Deps,
  caller: Caller,
  options: StageImportOptions,
): Promise<StagedImport> {
  const { store } = deps;
  const now = deps.clock.now();
  const unit = await importUnit(store, caller, options.unitId);
  await store.pendingImports.deleteExpired(now);
  if ((await store.pendingImports.countOpen(caller.user.id, now)) >= PENDING_IMPORTS_PER_USER) {
    throw new DomainError(
      "too_many_pending_imports",
      `您已有${PENDING_IMPORTS_PER_USER}个待确认的导入，请先确认或放弃其中的导入（未确认的导入${PENDING_IMPORT_TTL_MINUTES}分钟后自动作废）`,
    );
  }
  const { path, fileName } = options;
  // The extension alone first, so that the size limit is the reader's own; then the bytes must agree with it.
  const maxBytes =
    importKindOf(fileName) === "ledger" ? XLSX_LIMITS.maxFileBytes : NOTICE_FILE_LIMITS.maxFileBytes;
  const bytes = await reading(path, fileName, () => readRegularFile(path, maxBytes));
  const kind = importKindOf(fileName, bytes);
  const fileSha256 = createHash("sha256").update(bytes).digest("hex");

  const { input, report, confirmable } = await reading(path, fileName, () =>
    readImportFile(path, kind, unit, { skipInvalid: options.skipInvalid ?? false, fileName }),
  );
  if (confirmable) parseInput(ledgerInputSchema, input, "导入内容");
  const preview = await stagedPreview(deps, unit, input, report);

  const staged: PendingImport = {
    id: deps.ids.next("imp"),
    userId: caller.user.id,
    unitId: unit.id,
    kind,
    fileName,
    fileSha256,
    input,
    preview,
    confirmable,
    createdAt: now,
    expiresAt: addMinutes(now, PENDING_IMPORT_TTL_MINUTES),
    confirmedAt: null,
    inspectionId: null,
    skipInvalid: options.skipInvalid ?? false,
    version: 1,
    corrections: [],
    undoneCorrections: [],
  };
  // The bytes are kept so that a workbook can be read again with another column mapping (correct-import.ts) and any
  // file as first read to undo a correction (undo-import-correction.ts).
  await store.pendingImports.insert(staged, bytes);
  return stagedView(staged);
}

/**
 * The preview of `input` with what the reader found, and a note when the unit already has a ledger from the same
 * document.
 */
export async function stagedPreview(
  deps: Deps,
  unit: Pick<Org, "id" | "name">,
  input: LedgerInput,
  report: ImportReport,
): Promise<ImportPreview> {
  const earlier = input.source && (await deps.store.importSources.find(unit.id, input.source.fingerprint));
  const notes = earlier
    ? [
        ...report.notes,
        `该文件与本单位已导入的台账（${earlier.inspectionId}）内容相同：确认时须选择“仍然导入”才会再建一份台账`,
      ]
    : report.notes;
  return buildImportPreview({ id: unit.id, name: unit.name }, input, { ...report, notes });
}

/** What the API shows of a staged import. */
export const stagedView = (p: PendingImport): StagedImport => ({
  id: p.id,
  kind: p.kind,
  fileName: p.fileName,
  fileSha256: p.fileSha256,
  confirmable: p.confirmable,
  createdAt: p.createdAt,
  expiresAt: p.expiresAt,
  version: p.version,
  corrections: correctionLog(p).map(({ at, by, summary }) => ({ at, by, summary })),
  undoneCorrections: undoneCorrectionLog(p).map(({ at, by, summary, undoneAt, undoneBy }) => ({
    at,
    by,
    summary,
    undoneAt,
    undoneBy,
  })),
  preview: p.preview as ImportPreview,
});
