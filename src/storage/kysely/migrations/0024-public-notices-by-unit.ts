// One unit's public notices, newest first (公开信息 filtered by unit, issue 11): without an index the query walks the
// newest-first list until it has found that unit's rows, so its time grows with the whole table (`npm run bench --
// public`: 10.4 ms at 10,000 rows and 19.7 ms at 50,000 on SQLite, 1.2–2.1 ms with this index on both databases).

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("public_notices_unit")
    .on("public_notices")
    .columns(["unit_id", "published_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("public_notices_unit").execute();
}
