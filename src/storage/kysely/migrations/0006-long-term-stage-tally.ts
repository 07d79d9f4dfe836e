// The covering index of per-problem tallies also holds closed_at: a long-term measure that closed a stage and
// works on the next one (closed_at kept, state open again) counts as carried on, not as open, and the
// statistics over every unit still read only this index.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("measures_problem_tally").execute();
  await db.schema
    .createIndex("measures_problem_tally")
    .on("measures")
    .columns(["problem_id", "state", "kind", "deadline", "closed_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("measures_problem_tally").execute();
  await db.schema
    .createIndex("measures_problem_tally")
    .on("measures")
    .columns(["problem_id", "state", "kind", "deadline"])
    .execute();
}
