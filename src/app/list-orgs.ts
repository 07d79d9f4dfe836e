// The orgs the caller may see, as a flat list in tree order (parents first), a page at a time. A department
// reporter sees their department subtree; an admin everything.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { pageQuerySchema, type PageQuery } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";

export interface OrgPage {
  readonly items: readonly Org[];
  /** Pass as `cursor` for the next page; null after the last one. */
  readonly nextCursor: string | null;
}

// The cursor is the last path of the page, base64url: opaque to clients, stable while orgs are added.
const encodeCursor = (path: string): string => Buffer.from(path, "utf8").toString("base64url");

function decodeCursor(cursor: string): string {
  const path = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\/.*\/$/.test(path) || encodeCursor(path) !== cursor) {
    throw new DomainError("invalid_input", "查询参数有误：cursor 无效（请使用上一页返回的 nextCursor）", [
      { path: "cursor", code: "invalid_cursor", message: "无效的分页游标" },
    ]);
  }
  return path;
}

export async function listOrgs(deps: Deps, caller: Caller, query: PageQuery): Promise<OrgPage> {
  const { cursor, limit } = parseInput(pageQuerySchema, query, "查询参数");
  const afterPath = cursor === undefined || cursor === "" ? null : decodeCursor(cursor);
  const scope = await callerScope(deps.store, caller);
  const rows = await deps.store.orgs.page(scope, { afterPath, limit: limit + 1 });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.path) : null };
}
