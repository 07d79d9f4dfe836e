// The ledger core schema. One history for SQLite and PostgreSQL: portable types only (text, integer, bigint).

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("orgs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("parent_id", "text", (c) => c.references("orgs.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('oversight', 'unit', 'department')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("path", "text", (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex("orgs_parent_name").on("orgs").columns(["parent_id", "name"]).execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("post", "text")
    .execute();
  await db.schema.createIndex("people_org_name").on("people").columns(["org_id", "name"]).execute();

  await db.schema
    .createTable("inspections")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("regime", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("round_label", "text")
    .addColumn("team", "text", (c) => c.notNull())
    .addColumn("oversight_org_id", "text", (c) => c.references("orgs.id"))
    .addColumn("target_org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("onsite_start", "text")
    .addColumn("onsite_end", "text")
    .addColumn("feedback_date", "text")
    .addColumn("report_due", "text")
    .addColumn("concentrated_end", "text")
    .addColumn("is_example", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("inspections_target").on("inspections").column("target_org_id").execute();
  await db.schema.createIndex("inspections_round").on("inspections").columns(["round_label", "id"]).execute();

  await db.schema
    .createTable("aspects")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addUniqueConstraint("aspects_id_inspection", ["id", "inspection_id"])
    .execute();
  await db.schema.createIndex("aspects_inspection").on("aspects").columns(["inspection_id", "seq"]).execute();

  // Composite keys (id, inspection_id) let the database itself refuse cross-inspection references.
  await db.schema
    .createTable("problems")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("aspect_id", "text")
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("feedback_text", "text", (c) => c.notNull())
    .addColumn("symptoms", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("disclosure", "text", (c) => c.notNull())
    .addColumn("withholding_reason", "text")
    .addColumn("is_common", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("problems_id_inspection", ["id", "inspection_id"])
    .addForeignKeyConstraint("problems_aspect_same_inspection", ["aspect_id", "inspection_id"], "aspects", [
      "id",
      "inspection_id",
    ])
    .execute();
  await db.schema
    .createIndex("problems_inspection")
    .on("problems")
    .columns(["inspection_id", "seq"])
    .execute();

  await db.schema
    .createTable("measures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("problem_id", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("deadline", "text")
    .addColumn("lead_leader_id", "text", (c) => c.references("people.id"))
    .addColumn("department_id", "text", (c) => c.references("orgs.id"))
    .addColumn("person_id", "text", (c) => c.references("people.id"))
    .addColumn("acceptance_criteria", "text")
    .addColumn("evidence_required", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addForeignKeyConstraint(
      "measures_problem_same_inspection",
      ["problem_id", "inspection_id"],
      "problems",
      ["id", "inspection_id"],
    )
    .execute();
  await db.schema.createIndex("measures_problem").on("measures").columns(["problem_id", "seq"]).execute();
  await db.schema.createIndex("measures_inspection").on("measures").column("inspection_id").execute();
  await db.schema
    .createIndex("measures_department_state_deadline")
    .on("measures")
    .columns(["department_id", "state", "deadline"])
    .execute();
  await db.schema
    .createIndex("measures_state_deadline")
    .on("measures")
    .columns(["state", "deadline"])
    .execute();

  await db.schema
    .createTable("measure_cooperators")
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addPrimaryKeyConstraint("measure_cooperators_pk", ["measure_id", "org_id"])
    .execute();

  await db.schema
    .createTable("progress_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("progress_reports_measure")
    .on("progress_reports")
    .columns(["measure_id", "created_at"])
    .execute();

  await db.schema
    .createTable("evidence")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("progress_report_id", "text", (c) => c.notNull().references("progress_reports.id"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("evidence_report").on("evidence").column("progress_report_id").execute();

  await db.schema
    .createTable("reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("reviewer_id", "text", (c) => c.references("people.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("reviews_measure")
    .on("reviews")
    .columns(["measure_id", "created_at"])
    .execute();

  await db.schema
    .createTable("extension_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("measure_id", "text", (c) => c.notNull().references("measures.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("new_deadline", "text", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull())
    .addColumn("decided_by", "text", (c) => c.references("people.id"))
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("extension_requests_measure")
    .on("extension_requests")
    .column("measure_id")
    .execute();

  await db.schema
    .createTable("outcomes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("problem_id", "text")
    .addColumn("measure_id", "text", (c) => c.references("measures.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("quantity", "text", (c) => c.notNull())
    .addColumn("sanction_type", "text")
    .addColumn("note", "text")
    .addForeignKeyConstraint(
      "outcomes_problem_same_inspection",
      ["problem_id", "inspection_id"],
      "problems",
      ["id", "inspection_id"],
    )
    .execute();
  await db.schema.createIndex("outcomes_inspection").on("outcomes").column("inspection_id").execute();

  await db.schema
    .createTable("leading_groups")
    .addColumn("inspection_id", "text", (c) => c.primaryKey().references("inspections.id"))
    .addColumn("leader", "text", (c) => c.notNull())
    .addColumn("members", "text", (c) => c.notNull()) // JSON array of names
    .execute();

  await db.schema
    .createTable("plan_meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("held_on", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("plan_meetings_inspection")
    .on("plan_meetings")
    .column("inspection_id")
    .execute();

  await db.schema
    .createTable("plan_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("deadline", "text")
    .execute();
  await db.schema
    .createIndex("plan_items_inspection")
    .on("plan_items")
    .columns(["inspection_id", "seq"])
    .execute();

  // Append-only, hash-chained trail of every write. audit_head serialises appends (row lock / write lock).
  await db.schema
    .createTable("audit_events")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("audit_events_entity")
    .on("audit_events")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "bigint", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${"0".repeat(64)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_head",
    "audit_events",
    "plan_items",
    "plan_meetings",
    "leading_groups",
    "outcomes",
    "extension_requests",
    "reviews",
    "evidence",
    "progress_reports",
    "measure_cooperators",
    "measures",
    "problems",
    "aspects",
    "inspections",
    "people",
    "orgs",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
