// The keyed audit chain: which algorithm chained each event (legacy rows stay plain sha-256), and the chain
// checkpoint each generated notice printed, so that a rewrite after publication is provable.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("audit_events")
    .addColumn("alg", "text", (c) => c.notNull().defaultTo("sha256"))
    .execute();
  await db.schema.alterTable("publications").addColumn("checkpoint_seq", "bigint").execute();
  await db.schema.alterTable("publications").addColumn("checkpoint_hash", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("publications").dropColumn("checkpoint_hash").execute();
  await db.schema.alterTable("publications").dropColumn("checkpoint_seq").execute();
  await db.schema.alterTable("audit_events").dropColumn("alg").execute();
}
