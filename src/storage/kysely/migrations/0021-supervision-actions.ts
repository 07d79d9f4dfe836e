// The register of the supervision ladder's steps (issue 12 item 3): every 督办通知 issued, with the system's 发文字号
// (one sequence per issuing office and year, never given twice), its reply date and the unit's written reply; the
// 告诫 and 约谈 records; and the measures each step chased, as they stood that day.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("supervision_actions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    // The numbering series: the issuing office's id (or `team:` and the team's name) and the year of issue; seq is the
    // system's number in it. A number the issuer typed has no seq; doc_number is unique over every series.
    .addColumn("series", "text")
    .addColumn("year", "integer")
    .addColumn("seq", "integer")
    .addColumn("doc_number", "text", (c) => c.unique())
    // YYYY-MM-DD (Asia/Shanghai).
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("reply_by", "text")
    .addColumn("issuing_org_id", "text", (c) => c.references("orgs.id"))
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("actor_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sha256", "text")
    // 告诫 and 约谈: their record (JSON text, validated by the shared schema before it is written).
    .addColumn("details", "text")
    .addColumn("reply_received_on", "text")
    .addColumn("reply_summary", "text")
    .addColumn("reply_evidence", "text")
    .addColumn("reply_recorded_by", "text")
    .addColumn("reply_recorded_at", "text")
    .addCheckConstraint("supervision_actions_kind", sql`kind in ('notice', 'admonition', 'talk')`)
    .addUniqueConstraint("supervision_actions_number", ["series", "year", "seq"])
    .execute();
  await db.schema
    .createIndex("supervision_actions_inspection")
    .on("supervision_actions")
    .columns(["inspection_id", "issued_on"])
    .execute();
  // The last number given in each series; its row lock serialises concurrent issues on PostgreSQL.
  await db.schema
    .createTable("supervision_number_counters")
    .addColumn("series", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("last", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("supervision_number_counters_pk", ["series", "year"])
    .execute();
  await db.schema
    .createTable("supervision_action_measures")
    .addColumn("action_id", "text", (c) => c.notNull().references("supervision_actions.id"))
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("deadline", "text")
    .addColumn("days_overdue", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("supervision_action_measures_pk", ["action_id", "measure_id"])
    .execute();
  await db.schema
    .createIndex("supervision_action_measures_measure")
    .on("supervision_action_measures")
    .column("measure_id")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("supervision_action_measures").execute();
  await db.schema.dropTable("supervision_number_counters").execute();
  await db.schema.dropTable("supervision_actions").execute();
}
