// The document a ledger was imported from, by a fingerprint of its content: importing the same notice twice for the
// same unit would double every total, so a second import is refused unless asked for. Only the first ledger from a
// document is recorded (a copy asked for is not), so the pair is unique: of two concurrent imports one fails.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("import_sources")
    .addColumn("inspection_id", "text", (c) => c.primaryKey().references("inspections.id"))
    .addColumn("target_org_id", "text", (c) => c.notNull())
    .addColumn("fingerprint", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("import_sources_fingerprint")
    .unique()
    .on("import_sources")
    .columns(["target_org_id", "fingerprint"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("import_sources").execute();
}
