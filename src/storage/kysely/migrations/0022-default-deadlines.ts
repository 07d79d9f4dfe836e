// Default deadlines per measure kind in the deadline profile (issue 12 item 2): a 立行立改 measure without a deadline is
// judged this many days after the feedback; a 长期坚持 one at a stage review every N months. Null on the rows written
// before: the defaults (30 days, 6 months) apply. Validated by the domain (deadlineSettingsProblems): SQLite cannot add
// a CHECK to an existing table, and one history serves both databases.

import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("deadline_profiles").addColumn("immediate_days", "integer").execute();
  await db.schema.alterTable("deadline_profiles").addColumn("long_term_review_months", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("deadline_profiles").dropColumn("long_term_review_months").execute();
  await db.schema.alterTable("deadline_profiles").dropColumn("immediate_days").execute();
}
