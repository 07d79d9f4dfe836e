// Confirms a staged import: creates its ledger in one transaction with the claim on the staged import, so that it
// is created once whatever the number of clicks or app nodes. Also shows and discards staged imports. Only the
// user who staged an import sees it; for everybody else it does not exist.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { PendingImport, Repositories, Store } from "../storage/store.ts";
import { createLedger, type CreatedLedger } from "./create-ledger.ts";
import { auditByActor } from "./audit-by.ts";
import type { Actor, Deps } from "./deps.ts";
import { correctionLog, undoneCorrectionLog } from "./import-correction-log.ts";
import { importUnit, stagedView, type StagedImport } from "./stage-import.ts";

export const pendingImportNotFound = (): DomainError =>
  new DomainError("pending_import_not_found", "未找到该待确认的导入（可能已过期、已放弃，或不是您上传的）");

export /** A staged import corrected since the caller read it (a stale If-Match or version). */
const importChanged = (): DomainError =>
  new DomainError("import_changed", "该导入的预览已被修改（可能在另一个窗口中），请刷新预览后再修改或确认");

export const alreadyConfirmed = (p: PendingImport): DomainError =>
  new DomainError(
    "import_already_confirmed",
    `该导入已确认过，台账已创建${p.inspectionId ? `（巡察编号 ${p.inspectionId}）` : ""}，不能重复导入`,
  );

const notConfirmable = (): DomainError =>
  new DomainError(
    "import_not_confirmable",
    "该导入的工作簿有错误行，不能确认：请修改后重新上传，或选择跳过错误行（skipInvalid）后重新上传",
  );

/** The caller's own staged import that has not expired at `now`; else pending_import_not_found. */
export async function ownPendingImport(
  repos: Repositories,
  caller: Caller,
  id: string,
  now: string,
): Promise<PendingImport> {
  const pending = await repos.pendingImports.get(id);
  if (!pending || pending.userId !== caller.user.id || pending.expiresAt <= now)
    throw pendingImportNotFound();
  return pending;
}

/** The same store, bound to an open transaction: use cases called with it join that transaction. */
const joined = (store: Store, tx: Repositories): Store => ({
  ...tx,
  dialect: store.dialect,
  transaction: (work) => work(tx),
  snapshot: (work) => work(tx),
  close: () => Promise.resolve(),
});

export const actorOf = (caller: Caller): Actor => ({
  id: caller.user.id,
  name: caller.user.displayName,
  ...(caller.requestId === undefined ? {} : { requestId: caller.requestId }),
});

export async function getStagedImport(deps: Deps, caller: Caller, id: string): Promise<StagedImport> {
  return stagedView(await ownPendingImport(deps.store, caller, id, deps.clock.now()));
}

export interface ConfirmedImport extends CreatedLedger {
  readonly importId: string;
}

/**
 * Creates the ledger of the caller's staged import. Refused when it is not theirs or expired (404), already
 * confirmed, not confirmable or corrected since the version confirmed (409), or when they may no longer import for
 * its unit (403/404).
 */
export async function confirmImport(
  deps: Deps,
  caller: Caller,
  id: string,
  options: {
    readonly allowDuplicate?: boolean;
    /** The version of the preview the caller confirms; another one stored since is refused (import_changed). */
    readonly expectedVersion?: number;
  } = {},
): Promise<ConfirmedImport> {
  const now = deps.clock.now();
  const pending = await ownPendingImport(deps.store, caller, id, now);
  if (pending.confirmedAt !== null) throw alreadyConfirmed(pending);
  if (!pending.confirmable) throw notConfirmable();
  // Grants may have changed since the upload.
  await importUnit(deps.store, caller, pending.unitId);
  const actor = actorOf(caller);
  const created = await deps.store.transaction(async (tx) => {
    // The claim locks the row: a concurrent confirmation waits here, then finds it claimed.
    if (!(await tx.pendingImports.claim(id, caller.user.id, now))) {
      const current = await tx.pendingImports.get(id);
      throw current?.confirmedAt ? alreadyConfirmed(current) : pendingImportNotFound();
    }
    // Read again under the claim: a correction stored after the first read is what the person saw last.
    const claimed = (await tx.pendingImports.get(id)) ?? pending;
    // Throwing here undoes the claim with the rest of the transaction.
    if (options.expectedVersion !== undefined && claimed.version !== options.expectedVersion)
      throw importChanged();
    // A correction stored since the first read may have made it unconfirmable (a column mapped so that rows fail).
    if (!claimed.confirmable) throw notConfirmable();
    const ledger = await createLedger({ ...deps, store: joined(deps.store, tx) }, actor, claimed.input, {
      unitId: pending.unitId,
      allowDuplicate: options.allowDuplicate ?? false,
    });
    await tx.pendingImports.setInspection(id, ledger.inspectionId);
    await tx.audit.append({
      at: now,
      ...auditByActor(actor),
      action: "ledger.import",
      entity: "inspection",
      entityId: ledger.inspectionId,
      data: {
        importId: id,
        kind: pending.kind,
        fileName: pending.fileName,
        fileSha256: pending.fileSha256,
        // What the person changed in the preview before confirming: who, when, what.
        corrections: correctionLog(claimed).map(({ at, by, summary, correction }) => ({
          at,
          by,
          summary,
          correction,
        })),
        // What the person changed and then undid (never replayed, still part of the record), in the order undone.
        undoneCorrections: undoneCorrectionLog(claimed).map(
          ({ at, by, summary, correction, undoneAt, undoneBy }) => ({
            at,
            by,
            summary,
            correction,
            undoneAt,
            undoneBy,
          }),
        ),
      },
    });
    return ledger;
  });
  return { ...created, importId: id };
}

/** Discards the caller's staged import; a confirmed one stays (409), another user's is not found. */
export async function discardImport(deps: Deps, caller: Caller, id: string): Promise<void> {
  const pending = await ownPendingImport(deps.store, caller, id, deps.clock.now());
  if (pending.confirmedAt !== null) throw alreadyConfirmed(pending);
  if (!(await deps.store.pendingImports.discard(id, caller.user.id))) throw pendingImportNotFound();
}
