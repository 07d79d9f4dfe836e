// Public notices (migrations 0019, 0023): insert, read, the public newest-first list and withdrawal.

import type { Kysely } from "kysely";
import type { PublicNotice, PublicNoticeRepository, PublishedUnit } from "../public-notice-store.ts";
import type { Database, PublicNoticesTable } from "./db-schema.ts";
import { containsText } from "./like-pattern.ts";

const fromRow = (r: PublicNoticesTable): PublicNotice => ({
  id: r.id,
  inspectionId: r.inspection_id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  issuedOn: r.issued_on,
  layout: r.layout === "aspect" ? "aspect" : "status",
  contact: r.contact,
  docx: { sha256: r.docx_sha256, size: Number(r.docx_size), publicationId: r.docx_publication_id },
  html: { sha256: r.html_sha256, size: Number(r.html_size), publicationId: r.html_publication_id },
  publishedBy: r.published_by,
  publishedByName: r.published_by_name,
  publishedAt: r.published_at,
  withdrawal:
    r.withdrawn_at === null
      ? null
      : { at: r.withdrawn_at, by: r.withdrawn_by ?? "", reason: r.withdrawal_reason ?? "" },
  approval:
    r.request_id === null
      ? null
      : { requestId: r.request_id, by: r.approved_by ?? "", byName: r.approved_by_name ?? "" },
});

export function publicNoticeRepository(db: Kysely<Database>): PublicNoticeRepository {
  return {
    async insert(n) {
      await db
        .insertInto("public_notices")
        .values({
          id: n.id,
          inspection_id: n.inspectionId,
          unit_id: n.unitId,
          unit_name: n.unitName,
          title: n.title,
          issued_on: n.issuedOn,
          layout: n.layout,
          contact: n.contact,
          docx_sha256: n.docx.sha256,
          docx_size: n.docx.size,
          docx_publication_id: n.docx.publicationId,
          html_sha256: n.html.sha256,
          html_size: n.html.size,
          html_publication_id: n.html.publicationId,
          published_by: n.publishedBy,
          published_by_name: n.publishedByName,
          published_at: n.publishedAt,
          withdrawn_at: n.withdrawal?.at ?? null,
          withdrawn_by: n.withdrawal?.by ?? null,
          withdrawal_reason: n.withdrawal?.reason ?? null,
          request_id: n.approval?.requestId ?? null,
          approved_by: n.approval?.by ?? null,
          approved_by_name: n.approval?.byName ?? null,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom("public_notices").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async listPublished({ after, limit, filter = {} }) {
      let q = db.selectFrom("public_notices").selectAll().where("withdrawn_at", "is", null);
      if (filter.unitId !== undefined) q = q.where("unit_id", "=", filter.unitId);
      for (const word of filter.words ?? []) {
        q = q.where((eb) =>
          eb.or([containsText(eb.ref("title"), word), containsText(eb.ref("unit_name"), word)]),
        );
      }
      if (after !== null) {
        q = q.where((eb) =>
          eb.or([
            eb("published_at", "<", after.publishedAt),
            eb.and([eb("published_at", "=", after.publishedAt), eb("id", "<", after.id)]),
          ]),
        );
      }
      const rows = await q.orderBy("published_at", "desc").orderBy("id", "desc").limit(limit).execute();
      return rows.map(fromRow);
    },
    async listPublishedUnits() {
      // One row per unit and name: the name of a unit's newest notice is picked below, without a correlated
      // subquery per unit (the table has no index by unit).
      const rows = await db
        .selectFrom("public_notices")
        .where("withdrawn_at", "is", null)
        .groupBy(["unit_id", "unit_name"])
        .select((eb) => [
          "unit_id",
          "unit_name",
          eb.fn.countAll().as("notices"),
          eb.fn.max("issued_on").as("latest_issued_on"),
          eb.fn.max("published_at").as("latest_published_at"),
        ])
        .execute();
      const units = new Map<string, PublishedUnit>();
      for (const r of rows) {
        const seen = units.get(r.unit_id);
        const later = seen === undefined || r.latest_published_at > seen.latestPublishedAt;
        units.set(r.unit_id, {
          unitId: r.unit_id,
          unitName: later ? r.unit_name : seen.unitName,
          noticeCount: (seen?.noticeCount ?? 0) + Number(r.notices),
          latestIssuedOn:
            seen !== undefined && seen.latestIssuedOn > r.latest_issued_on
              ? seen.latestIssuedOn
              : r.latest_issued_on,
          latestPublishedAt: later ? r.latest_published_at : seen.latestPublishedAt,
        });
      }
      return [...units.values()];
    },
    async listByInspection(inspectionId) {
      const rows = await db
        .selectFrom("public_notices")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .orderBy("published_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(fromRow);
    },
    async withdraw(id, w) {
      const result = await db
        .updateTable("public_notices")
        .set({ withdrawn_at: w.at, withdrawn_by: w.by, withdrawal_reason: w.reason })
        .where("id", "=", id)
        .where("withdrawn_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
