// Imports a parsed rectification notice into a new ledger (one transaction), or only checks it (dry run).

import { DomainError } from "../domain/domain-error.ts";
import type { NoticeDraft } from "../documents/notice/notice-draft.ts";
import { noticeToLedgerInput } from "../documents/notice/notice-to-ledger-input.ts";
import { ledgerInputSchema, type LedgerInput } from "../shared/ledger-input.ts";
import { parseInput } from "../shared/validation.ts";
import { createLedger, type CreatedLedger } from "./create-ledger.ts";
import { noticeFingerprint } from "./notice-fingerprint.ts";
import type { Actor, Deps } from "./deps.ts";

export interface ImportNoticeOptions {
  readonly unitName?: string;
  readonly dryRun?: boolean;
  readonly isExample?: boolean;
  /** Import even when the unit already has a ledger from the same notice (see createLedger). */
  readonly allowDuplicate?: boolean;
}

export interface ImportedNotice {
  /** Absent on a dry run. */
  readonly created?: CreatedLedger;
  /** What could not be taken over as written. */
  readonly notes: readonly string[];
}

/**
 * What importing `draft` would store, validated, without touching any database (the dry run). Refuses
 * (DomainError no_rectification_structure) a document in which no problem was recognised.
 */
export function planNoticeImport(
  draft: NoticeDraft,
  options: Omit<ImportNoticeOptions, "dryRun" | "allowDuplicate"> = {},
): { input: LedgerInput; notes: readonly string[] } {
  if (!draft.recognised || draft.problems.length === 0) {
    throw new DomainError(
      "no_rectification_structure",
      "未识别出整改情况通报的结构（没有找到任何问题），未导入任何内容",
    );
  }
  const { input: read, notes } = noticeToLedgerInput(draft, {
    ...(options.unitName !== undefined ? { unitName: options.unitName } : {}),
    ...(options.isExample !== undefined ? { isExample: options.isExample } : {}),
  });
  // The fingerprint travels with the input (also through a staged import) so that createLedger can refuse a notice
  // the unit already imported.
  const input: LedgerInput = { ...read, source: { fingerprint: noticeFingerprint(draft) } };
  parseInput(ledgerInputSchema, input, "通报内容");
  return { input, notes };
}

export async function importNotice(
  deps: Deps,
  actor: Actor,
  draft: NoticeDraft,
  options: ImportNoticeOptions = {},
): Promise<ImportedNotice> {
  const { input, notes } = planNoticeImport(draft, options);
  if (options.dryRun) return { notes };
  const created = await createLedger(deps, actor, input, { allowDuplicate: options.allowDuplicate ?? false });
  return { created, notes };
}
