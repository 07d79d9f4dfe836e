// An inspection's deadline profile (督办设置): warning thresholds and their basis, reporting cadence, report months,
// the end of the concentrated period. One row per inspection that changed the defaults; versioned for If-Match.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("deadline_profiles")
    .addColumn("inspection_id", "text", (c) => c.primaryKey().references("inspections.id"))
    .addColumn("green", "integer", (c) => c.notNull())
    .addColumn("yellow", "integer", (c) => c.notNull())
    .addColumn("red", "integer", (c) => c.notNull())
    .addColumn("basis", "text", (c) => c.notNull())
    .addColumn("cadence", "text", (c) => c.notNull())
    .addColumn("report_months", "integer", (c) => c.notNull())
    // YYYY-MM-DD (Asia/Shanghai); null: two months after the feedback date.
    .addColumn("concentrated_end", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addCheckConstraint("deadline_profiles_basis", sql`basis in ('calendar', 'working')`)
    .addCheckConstraint("deadline_profiles_cadence", sql`cadence in ('monthly', 'fortnightly', 'weekly')`)
    .addCheckConstraint("deadline_profiles_thresholds", sql`green >= yellow and yellow >= red and red >= 0`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("deadline_profiles").execute();
}
