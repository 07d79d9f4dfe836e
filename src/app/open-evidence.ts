// Opens an evidence file for download: the row only within the caller's scope (else "not found", so nobody learns
// that it exists), then its content from the files port.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { StoredEvidence } from "../storage/store.ts";
import { callerScope } from "./account-access.ts";
import type { EvidenceDeps, OpenedContent } from "./evidence-files.ts";

export const evidenceNotFound = (): DomainError =>
  new DomainError("evidence_not_found", "未找到该佐证材料（或无权查看）");

/** The evidence row and its content; the caller must see the measure its progress report belongs to. */
export async function openEvidence(
  deps: EvidenceDeps,
  caller: Caller,
  options: { readonly evidenceId: string },
): Promise<{ evidence: StoredEvidence } & OpenedContent> {
  const scope = await callerScope(deps.store, caller);
  const evidence = await deps.store.evidence.get(scope, options.evidenceId);
  if (evidence === undefined) throw evidenceNotFound();
  const opened = await deps.files.open(evidence.sha256);
  if (opened === undefined) {
    throw new DomainError(
      "evidence_content_missing",
      `佐证材料“${evidence.name}”的文件内容缺失，请联系系统管理员`,
    );
  }
  return { evidence, ...opened };
}
