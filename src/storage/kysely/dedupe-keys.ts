// Which dedupe keys a table already holds, asked in chunks of 500 (under both databases' parameter limits).

import type { Kysely } from "kysely";
import type { Database } from "./db-schema.ts";

export async function existingDedupeKeys(
  db: Kysely<Database>,
  table: "notifications" | "notification_deliveries",
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom(table)
      .select("dedupe_key")
      .where("dedupe_key", "in", keys.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.dedupe_key);
  }
  return found;
}
