// Imports waiting for confirmation: the parsed, validated ledger input and its preview, kept in the database (not in
// a node's memory) so that any app node behind a load balancer can confirm what another one staged.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("pending_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("file_sha256", "text", (c) => c.notNull())
    // JSON: the LedgerInput to create, and the preview shown to the user.
    .addColumn("input", "text", (c) => c.notNull())
    .addColumn("preview", "text", (c) => c.notNull())
    .addColumn("confirmable", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("inspection_id", "text")
    .execute();
  await db.schema
    .createIndex("pending_imports_user")
    .on("pending_imports")
    .columns(["user_id", "expires_at"])
    .execute();
  await db.schema.createIndex("pending_imports_expiry").on("pending_imports").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("pending_imports").execute();
}
