// Notifications (issue 12, items 6–7): the in-app inbox, the outbox of deliveries, per-person preferences, the
// organisations' robots, and the scheduler's lease and run records. Dedupe keys are UNIQUE so that a restart or a
// second node inserting the same event again is ignored by the database itself.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("recipient_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("inspection_id", "text", (c) => c.references("inspections.id"))
    .addColumn("measure_id", "text", (c) => c.references("measures.id"))
    .addColumn("level", "text")
    .addColumn("dedupe_key", "text", (c) => c.notNull().unique())
    .addColumn("via_digest", "integer", (c) => c.notNull())
    // YYYY-MM-DD of the digest that carried the item out; null until then (or for immediate items).
    .addColumn("digest_day", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema
    .createIndex("notifications_recipient")
    .on("notifications")
    .columns(["recipient_id", "created_at", "id"])
    .execute();
  await db.schema
    .createIndex("notifications_undigested")
    .on("notifications")
    .columns(["via_digest", "digest_day", "recipient_id"])
    .execute();

  await db.schema
    .createTable("notification_targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("secret", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .addUniqueConstraint("notification_targets_org_kind", ["org_id", "kind"])
    .addCheckConstraint("notification_targets_kind", sql`kind in ('dingtalk', 'wecom', 'feishu', 'webhook')`)
    .execute();

  await db.schema
    .createTable("notification_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("notification_id", "text", (c) => c.references("notifications.id"))
    .addColumn("digest_day", "text")
    .addColumn("recipient_id", "text", (c) => c.references("users.id"))
    .addColumn("target_id", "text", (c) => c.references("notification_targets.id").onDelete("set null"))
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("link", "text")
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("claimed_by", "text")
    .addColumn("claimed_until", "text")
    .addColumn("last_error", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addUniqueConstraint("notification_deliveries_dedupe", ["channel", "dedupe_key"])
    .addCheckConstraint("notification_deliveries_state", sql`state in ('pending', 'sent', 'failed', 'dead')`)
    .execute();
  await db.schema
    .createIndex("notification_deliveries_due")
    .on("notification_deliveries")
    .columns(["state", "next_attempt_at"])
    .execute();

  await db.schema
    .createTable("notification_preferences")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("email_enabled", "integer", (c) => c.notNull())
    .addColumn("email", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("notification_preferences_mode", sql`mode in ('immediate', 'daily_digest')`)
    .execute();

  await db.schema
    .createTable("scheduler_leases")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("scheduler_runs")
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("period_key", "text", (c) => c.notNull())
    .addColumn("holder", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("summary", "text")
    .addPrimaryKeyConstraint("scheduler_runs_pk", ["job", "period_key"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "scheduler_runs",
    "scheduler_leases",
    "notification_preferences",
    "notification_deliveries",
    "notification_targets",
    "notifications",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
