// The corrections of a staged import that were made and then undone (JSON, oldest undo first), each with who undid it
// and when: undoing takes a correction out of the list that is replayed, but every change stays traceable, so the
// confirmed ledger's audit event names these too.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("pending_imports")
    .addColumn("undone_corrections", "text", (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("pending_imports").dropColumn("undone_corrections").execute();
}
