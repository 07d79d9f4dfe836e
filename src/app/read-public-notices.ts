// The public read of published notices (公开信息), without sign-in: the newest-first list, one notice, and its files.
// A withdrawn or unknown notice answers public_notice_not_found alike, so nobody learns that it existed. Reads only
// public_notices (what was published), never the ledger.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { searchWords } from "../domain/search-words.ts";
import { requireAction } from "../domain/permissions.ts";
import type { PublicNotice, PublicNoticePosition } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import type { EvidenceDeps, OpenedContent } from "./evidence-files.ts";
import { decodeKeyPair } from "./keyset-cursor.ts";
import { inspectionAccess } from "./measure-access.ts";
import { publicNoticeNotFound } from "./withdraw-public-notice.ts";

const encodeCursor = (p: PublicNoticePosition): string =>
  Buffer.from(JSON.stringify([p.publishedAt, p.id])).toString("base64url");

const decodeCursor = (cursor: string): PublicNoticePosition => {
  const [publishedAt, id] = decodeKeyPair(
    cursor,
    (key): key is string => typeof key === "string" && key.length <= 40,
  );
  return { publishedAt, id };
};

/**
 * One page of the notices published and not withdrawn, newest first; only the unit's with `unitId`, only those whose
 * title or unit name holds every word of `q`. The cursor is a position in that order, so it pages a filtered list
 * as well (the next request repeats the filter).
 */
export async function listPublicNotices(
  deps: Deps,
  options: {
    readonly cursor?: string;
    readonly limit: number;
    readonly unitId?: string;
    readonly q?: string;
  },
): Promise<{ items: PublicNotice[]; nextCursor: string | null }> {
  const after = options.cursor === undefined ? null : decodeCursor(options.cursor);
  const words = searchWords(options.q ?? "");
  const rows = await deps.store.publicNotices.listPublished({
    after,
    limit: options.limit + 1,
    filter: {
      ...(options.unitId === undefined || options.unitId === "" ? {} : { unitId: options.unitId }),
      ...(words.length === 0 ? {} : { words }),
    },
  });
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null };
}

/** A published notice that is not withdrawn, else public_notice_not_found. */
export async function getPublicNotice(
  deps: Deps,
  options: { readonly publicNoticeId: string },
): Promise<PublicNotice> {
  const notice = await deps.store.publicNotices.get(options.publicNoticeId);
  if (notice === undefined || notice.withdrawal !== null) throw publicNoticeNotFound();
  return notice;
}

/** One of a published notice's files, with its record. */
export async function openPublicNoticeFile(
  deps: EvidenceDeps,
  options: { readonly publicNoticeId: string; readonly format: "docx" | "html" },
): Promise<{ notice: PublicNotice; sha256: string } & OpenedContent> {
  const notice = await getPublicNotice(deps, options);
  const file = notice[options.format];
  const opened = await deps.files.open(file.sha256);
  if (opened === undefined) {
    throw new DomainError("public_notice_content_missing", "公开通报的文件内容缺失，请联系系统管理员");
  }
  return { notice, sha256: file.sha256, ...opened };
}

/** Every public notice of an inspection the caller sees, withdrawn ones too (the reports page lists them). */
export async function listInspectionPublicNotices(
  deps: Deps,
  caller: Caller,
  options: { readonly inspectionId: string },
): Promise<PublicNotice[]> {
  const access = await inspectionAccess(deps.store, caller, options.inspectionId);
  requireAction(access.roles, "ledger.export");
  return deps.store.publicNotices.listByInspection(options.inspectionId);
}
