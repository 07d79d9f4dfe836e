// The administrator's working-day overrides (节假日调整): one row per day, working or holiday, winning over the
// holiday package, so that next year's State Council notice can be entered before the package has it.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("calendar_overrides")
    // YYYY-MM-DD, an Asia/Shanghai calendar day; text compares in date order on both databases.
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addCheckConstraint("calendar_overrides_kind", sql`kind in ('working', 'holiday')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("calendar_overrides").execute();
}
