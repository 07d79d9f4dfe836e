// The multi-user cycle: review chains per inspection, review rounds, progress figures, extension bookkeeping,
// evidence uploader, and API tokens for scripts (stored as sha-256 of the token, like sessions).

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // Ordered levels of 对账销号 per inspection; each level is held by a role (unit_leader, oversight…).
  await db.schema
    .createTable("review_levels")
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("review_levels_pk", ["inspection_id", "level"])
    .execute();
  // Each submission starts a review round; approvals count only within the measure's current round.
  await db.schema
    .alterTable("measures")
    .addColumn("submissions", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // The deadline first set, kept when an extension moves `deadline` (null until the first approved extension).
  await db.schema.alterTable("measures").addColumn("original_deadline", "text").execute();
  await db.schema
    .alterTable("reviews")
    .addColumn("round", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // Counted results of one report (e.g. 追回资金 12.5 万元) as JSON [{label, quantity, unit}].
  await db.schema
    .alterTable("progress_reports")
    .addColumn("figures", "text", (c) => c.notNull().defaultTo(sql`'[]'`))
    .execute();
  await db.schema.alterTable("extension_requests").addColumn("requested_by", "text").execute();
  await db.schema.alterTable("extension_requests").addColumn("previous_deadline", "text").execute();
  await db.schema.alterTable("extension_requests").addColumn("decision_note", "text").execute();
  await db.schema.alterTable("evidence").addColumn("uploaded_by", "text").execute();
  await db.schema.alterTable("evidence").addColumn("uploaded_at", "text").execute();
  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("name", "text", (c) => c.notNull())
    /** sha-256 (hex) of the secret; the secret is shown once at creation. */
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    /** 1 = may only read (GET/HEAD), whatever the user's roles allow. */
    .addColumn("read_only", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("api_tokens").execute();
  await db.schema.alterTable("evidence").dropColumn("uploaded_at").execute();
  await db.schema.alterTable("evidence").dropColumn("uploaded_by").execute();
  await db.schema.alterTable("extension_requests").dropColumn("decision_note").execute();
  await db.schema.alterTable("extension_requests").dropColumn("previous_deadline").execute();
  await db.schema.alterTable("extension_requests").dropColumn("requested_by").execute();
  await db.schema.alterTable("progress_reports").dropColumn("figures").execute();
  await db.schema.alterTable("reviews").dropColumn("round").execute();
  await db.schema.alterTable("measures").dropColumn("original_deadline").execute();
  await db.schema.alterTable("measures").dropColumn("submissions").execute();
  await db.schema.dropTable("review_levels").execute();
}
