// A covering index for per-problem measure tallies: statistics over every unit read only this index.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("measures_problem_tally")
    .on("measures")
    .columns(["problem_id", "state", "kind", "deadline"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("measures_problem_tally").execute();
}
