// Approval before publishing (公开通报审批): the office's request with the exact options and the files generated at
// submission (content-addressed, behind the files port), its state and the decision; at most one pending request per
// inspection, kept by the database. A published notice names the request it came from and its approver.

import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("public_notice_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("inspection_id", "text", (c) => c.notNull().references("inspections.id"))
    // The inspection's id while the request is pending, null after it: UNIQUE makes a second pending request of the
    // same inspection fail in the database, however two submissions interleave (nulls never collide).
    .addColumn("pending_inspection_id", "text", (c) => c.unique())
    .addColumn("unit_id", "text", (c) => c.notNull().references("orgs.id"))
    .addColumn("unit_name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    // YYYY-MM-DD (成文日期).
    .addColumn("issued_on", "text", (c) => c.notNull())
    .addColumn("layout", "text", (c) => c.notNull())
    // The request as submitted (layout, issuedOn, official): JSON text, validated by the shared schema before.
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("docx_sha256", "text", (c) => c.notNull())
    .addColumn("docx_size", "integer", (c) => c.notNull())
    .addColumn("docx_publication_id", "text", (c) => c.notNull().references("publications.id"))
    .addColumn("html_sha256", "text", (c) => c.notNull())
    .addColumn("html_size", "integer", (c) => c.notNull())
    .addColumn("html_publication_id", "text", (c) => c.notNull().references("publications.id"))
    .addColumn("submitted_by", "text", (c) => c.notNull())
    .addColumn("submitted_by_name", "text", (c) => c.notNull())
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("decided_by", "text")
    .addColumn("decided_by_name", "text")
    .addColumn("decided_at", "text")
    // Why it was returned (required) or cancelled (optional).
    .addColumn("reason", "text")
    .addColumn("public_notice_id", "text", (c) => c.references("public_notices.id"))
    .addCheckConstraint(
      "public_notice_requests_state",
      sql`state in ('pending', 'approved', 'returned', 'cancelled')`,
    )
    .addCheckConstraint(
      "public_notice_requests_pending",
      sql`(state = 'pending' and pending_inspection_id = inspection_id) or (state <> 'pending' and pending_inspection_id is null)`,
    )
    .execute();
  await db.schema
    .createIndex("public_notice_requests_inspection")
    .on("public_notice_requests")
    .columns(["inspection_id", "submitted_at"])
    .execute();
  // Null for a notice an administrator published directly, and for those published before approvals existed.
  await db.schema
    .alterTable("public_notices")
    .addColumn("request_id", "text", (c) => c.references("public_notice_requests.id"))
    .execute();
  await db.schema.alterTable("public_notices").addColumn("approved_by", "text").execute();
  await db.schema.alterTable("public_notices").addColumn("approved_by_name", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("public_notices").dropColumn("approved_by_name").execute();
  await db.schema.alterTable("public_notices").dropColumn("approved_by").execute();
  await db.schema.alterTable("public_notices").dropColumn("request_id").execute();
  await db.schema.dropTable("public_notice_requests").execute();
}
