// A supervisor's hold on a close-out (纪检监督暂缓销号): while a measure has one, its last review level cannot close it.
// Also the index that keeps the first page of inspections independent of the number of units.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("closeout_holds")
    .addColumn("measure_id", "text", (c) => c.primaryKey().references("measures.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("held_by", "text", (c) => c.notNull())
    .addColumn("held_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("inspections_list_order")
    .on("inspections")
    .columns(["feedback_date", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("inspections_list_order").execute();
  await db.schema.dropTable("closeout_holds").execute();
}
