// Approval requests of public notices (migration 0023): the pending one per inspection (kept by a unique key), the
// inspection's history, the pending ones a caller's scope shows, and the decision (only while pending).

import type { Kysely } from "kysely";
import type {
  PublicNoticeRequest,
  PublicNoticeRequestOptions,
  PublicNoticeRequestRepository,
} from "../public-notice-request-store.ts";
import type { Database, PublicNoticeRequestsTable } from "./db-schema.ts";
import { inspectionVisible } from "./visibility.ts";

const STATES = ["pending", "approved", "returned", "cancelled"] as const;

const fromRow = (r: PublicNoticeRequestsTable): PublicNoticeRequest => ({
  id: r.id,
  inspectionId: r.inspection_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  issuedOn: r.issued_on,
  layout: r.layout === "aspect" ? "aspect" : "status",
  options: JSON.parse(r.options) as PublicNoticeRequestOptions,
  contact: r.contact,
  docx: { sha256: r.docx_sha256, size: Number(r.docx_size), publicationId: r.docx_publication_id },
  html: { sha256: r.html_sha256, size: Number(r.html_size), publicationId: r.html_publication_id },
  submittedBy: r.submitted_by,
  submittedByName: r.submitted_by_name,
  submittedAt: r.submitted_at,
  state: STATES.find((s) => s === r.state) ?? "pending",
  decision:
    r.decided_at === null
      ? null
      : { at: r.decided_at, by: r.decided_by ?? "", byName: r.decided_by_name ?? "", reason: r.reason },
  publicNoticeId: r.public_notice_id,
});

export function publicNoticeRequestRepository(db: Kysely<Database>): PublicNoticeRequestRepository {
  return {
    async insertPending(r) {
      const result = await db
        .insertInto("public_notice_requests")
        .values({
          id: r.id,
          inspection_id: r.inspectionId,
          pending_inspection_id: r.inspectionId,
          unit_id: r.unitId,
          unit_name: r.unitName,
          title: r.title,
          issued_on: r.issuedOn,
          layout: r.layout,
          options: JSON.stringify(r.options),
          contact: r.contact,
          docx_sha256: r.docx.sha256,
          docx_size: r.docx.size,
          docx_publication_id: r.docx.publicationId,
          html_sha256: r.html.sha256,
          html_size: r.html.size,
          html_publication_id: r.html.publicationId,
          submitted_by: r.submittedBy,
          submitted_by_name: r.submittedByName,
          submitted_at: r.submittedAt,
          state: "pending",
          decided_by: null,
          decided_by_name: null,
          decided_at: null,
          reason: null,
          public_notice_id: null,
        })
        .onConflict((oc) => oc.column("pending_inspection_id").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async get(id) {
      const row = await db
        .selectFrom("public_notice_requests")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async listByInspection(inspectionId) {
      const rows = await db
        .selectFrom("public_notice_requests")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .orderBy("submitted_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(fromRow);
    },
    async listPending(scope, limit) {
      const rows = await db
        .selectFrom("public_notice_requests")
        .selectAll()
        .where("state", "=", "pending")
        .where(inspectionVisible(db, scope, "public_notice_requests.inspection_id"))
        .orderBy("submitted_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async decide(id, { state, decision, publicNoticeId }) {
      const result = await db
        .updateTable("public_notice_requests")
        .set({
          state,
          pending_inspection_id: null,
          decided_at: decision.at,
          decided_by: decision.by,
          decided_by_name: decision.byName,
          reason: decision.reason,
          public_notice_id: publicNoticeId,
        })
        .where("id", "=", id)
        .where("state", "=", "pending")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
