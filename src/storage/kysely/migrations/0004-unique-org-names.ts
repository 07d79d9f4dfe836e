// One org of a name under each parent: imports that resolve departments by name can never create twins.
// An expression over coalesce(parent_id, '') makes root orgs unique too (NULLs are distinct in plain indexes).

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("orgs_unique_name_per_parent")
    .unique()
    .on("orgs")
    .expression(sql`coalesce(parent_id, ''), name`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("orgs_unique_name_per_parent").execute();
}
