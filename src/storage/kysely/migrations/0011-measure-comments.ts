// Comments on a measure (意见): a supervisor's (纪检监督) remark, an oversight office's question, a department's answer.
// Kept apart from reviews: a comment decides nothing. Listed per measure in the order written.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("measure_comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("author_role", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("measure_comments_measure")
    .on("measure_comments")
    .columns(["measure_id", "created_at", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("measure_comments").execute();
}
