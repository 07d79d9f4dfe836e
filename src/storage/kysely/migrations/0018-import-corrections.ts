// Corrections of a staged import before it is confirmed: a version for optimistic concurrency, the corrections made
// so far (JSON, for the audit trail of the confirmed ledger), and a workbook's uploaded bytes (base64 text, the same on
// both databases) with its skipInvalid choice, so that a changed column mapping can read it again on whichever app
// node the request reaches.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("pending_imports")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("pending_imports")
    .addColumn("corrections", "text", (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
  await db.schema
    .alterTable("pending_imports")
    .addColumn("skip_invalid", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("pending_imports").addColumn("upload", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ["upload", "skip_invalid", "corrections", "version"])
    await db.schema.alterTable("pending_imports").dropColumn(column).execute();
}
