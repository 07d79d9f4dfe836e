// Public notices written straight to the store, for tests and the bench that need many units, titles of their own
// (publishing always prints the generator's title) or a set order: each copies the files and generations of one
// notice really published, under a unit (an org made for each new name), a title and a time of its own.

import { childPath } from "../../src/domain/org.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import type { PublicNotice, Store } from "../../src/storage/store.ts";

export interface PublicNoticeRow {
  /** The unit (one org per name). */
  readonly unitName: string;
  /** The name printed on this notice, when it differs from the unit's (a unit renamed since). */
  readonly publishedName?: string;
  readonly title: string;
  /** ISO UTC. */
  readonly publishedAt: string;
  readonly issuedOn?: string;
  readonly withdrawn?: boolean;
}

let count = 0;

/** Writes `rows` in one transaction (units created once per name, reused when they exist); answers what it wrote. */
export async function addPublicNotices(
  store: Store,
  template: PublicNotice,
  rows: readonly PublicNoticeRow[],
): Promise<PublicNotice[]> {
  const units = new Map((await store.orgs.list(SCOPE_ALL, { kind: "unit" })).map((o) => [o.name, o.id]));
  const created = [...new Set(rows.map((r) => r.unitName))]
    .filter((name) => !units.has(name))
    .map((name) => {
      const id = `org-pub-${(count += 1)}`;
      units.set(name, id);
      return { id, parentId: null, kind: "unit" as const, name, path: childPath(null, id) };
    });
  const notices = rows.map((r): PublicNotice => ({
    ...template,
    id: `pn-row-${String((count += 1)).padStart(6, "0")}`,
    unitId: units.get(r.unitName)!,
    unitName: r.publishedName ?? r.unitName,
    title: r.title,
    issuedOn: r.issuedOn ?? template.issuedOn,
    publishedAt: r.publishedAt,
    withdrawal: r.withdrawn === true ? { at: r.publishedAt, by: "system", reason: "测试撤回" } : null,
  }));
  await store.transaction(async (tx) => {
    if (created.length > 0) await tx.orgs.insertMany(created);
    for (const notice of notices) await tx.publicNotices.insert(notice);
  });
  return notices;
}
