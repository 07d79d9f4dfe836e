// Public notices (公开通报): the public version of a notice that the unit chose to publish, with its rendered files
// (content-addressed, behind the files port like evidence), the contact block, who published it, and its withdrawal.
// `publications` stays the record of every generation; a row here is what the public page shows.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("public_notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("orgs.id"))
    // As published: a later rename of the unit does not change what was published under its name.
    .addColumn("unit_name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // YYYY-MM-DD (成文日期).
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("layout", "text", (c) => c.notNull())
    // The public-supervision block printed at the end of the body (监督联系方式); null when the notice has none.
    .addColumn("contact", "text")
    .addColumn("docx_sha256", "text", (c) => c.notNull())
    .addColumn("docx_size", "integer", (c) => c.notNull())
    .addColumn("docx_publication_id", "text", (c) => c.notNull().references("publications.id"))
    .addColumn("html_sha256", "text", (c) => c.notNull())
    .addColumn("html_size", "integer", (c) => c.notNull())
    .addColumn("html_publication_id", "text", (c) => c.notNull().references("publications.id"))
    .addColumn("published_by", "text", (c) => c.notNull())
    .addColumn("published_by_name", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawn_by", "text")
    .addColumn("withdrawal_reason", "text")
    .execute();
  // The public list: newest first among those not withdrawn.
  await db.schema
    .createIndex("public_notices_listing")
    .on("public_notices")
    .columns(["published_at", "id"])
    .execute();
  await db.schema
    .createIndex("public_notices_inspection")
    .on("public_notices")
    .column("inspection_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("public_notices").execute();
}
