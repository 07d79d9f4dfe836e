// Publications: every generated notice is recorded with what was left out of it and why (redaction record).

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("publications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("version", "text", (c) => c.notNull())
    .addColumn("layout", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("withheld", "text", (c) => c.notNull()) // JSON [{problemId, title, reason}]
    .addColumn("approved_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("publications_inspection")
    .on("publications")
    .columns(["inspection_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("publications").execute();
}
