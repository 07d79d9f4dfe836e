// The units on the public page (公开信息), without sign-in: those with at least one published notice not withdrawn,
// with their count and latest, for the page's unit picker. Reads only public_notices, never the ledger or orgs.

import { containsEveryWord, searchWords } from "../domain/search-words.ts";
import type { PublishedUnit } from "../storage/store.ts";
import type { Deps } from "./deps.ts";

// Pinyin order, as a reader scans a list of names (the notices themselves are listed newest first).
const byName = new Intl.Collator("zh-CN");

/**
 * At most `limit` units whose (latest) name holds every word of `q`, by name in pinyin order, and how many matched.
 * One aggregate over the published notices each time: 2,000 units × 5 notices answer in 25–40 ms on a loaded
 * 2-core machine (docs/benchmarks.md, "Public page").
 */
export async function listPublicUnits(
  deps: Deps,
  options: { readonly q?: string; readonly limit: number },
): Promise<{ items: PublishedUnit[]; total: number }> {
  const words = searchWords(options.q ?? "");
  const units = (await deps.store.publicNotices.listPublishedUnits())
    .filter((u) => containsEveryWord(u.unitName, words))
    .sort((a, b) => byName.compare(a.unitName, b.unitName) || (a.unitId < b.unitId ? -1 : 1));
  return { items: units.slice(0, options.limit), total: units.length };
}
