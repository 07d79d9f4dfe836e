// The unit's own words around the ledger's facts (issuer's full name, organisation section, plan lead, contact), kept
// from an imported notice so that a generated notice writes them back. One row per inspection, absent when none.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notice_narratives")
    .addColumn("inspection_id", "text", (c) => c.primaryKey().references("inspections.id"))
    .addColumn("issuer_name", "text")
    // JSON array of { heading: string | null, text: string }, counts as {{placeholders}}.
    .addColumn("organisation", "text", (c) => c.notNull())
    .addColumn("plan_lead", "text")
    .addColumn("contact", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("notice_narratives").execute();
}
