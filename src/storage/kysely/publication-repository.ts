// Publications (generated notices) with their redaction records and the audit checkpoint each one printed.

import type { Kysely } from "kysely";
import type { Publication, PublicationRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { inspectionVisible } from "./visibility.ts";

export function publicationRepository(db: Kysely<Database>): PublicationRepository {
  return {
    async insert(p) {
      await db
        .insertInto("publications")
        .values({
          id: p.id,
          inspection_id: p.inspectionId,
          version: p.version,
          layout: p.layout,
          format: p.format,
          sha256: p.sha256,
          withheld: JSON.stringify(p.withheld),
          approved_by: p.approvedBy,
          created_at: p.createdAt,
          checkpoint_seq: p.checkpoint?.seq ?? null,
          checkpoint_hash: p.checkpoint?.hash ?? null,
        })
        .execute();
    },
    async listByInspection(scope, inspectionId) {
      const rows = await db
        .selectFrom("publications")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(inspectionVisible(db, scope, "publications.inspection_id"))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map((r): Publication => ({
        id: r.id,
        inspectionId: r.inspection_id,
        version: r.version as Publication["version"],
        layout: r.layout as Publication["layout"],
        format: r.format as Publication["format"],
        sha256: r.sha256,
        withheld: JSON.parse(r.withheld) as Publication["withheld"],
        approvedBy: r.approved_by,
        createdAt: r.created_at,
        checkpoint:
          r.checkpoint_seq === null || r.checkpoint_hash === null
            ? null
            : { seq: Number(r.checkpoint_seq), hash: r.checkpoint_hash },
      }));
    },
    async setApprover(ids, approvedBy) {
      if (ids.length === 0) return;
      await db.updateTable("publications").set({ approved_by: approvedBy }).where("id", "in", ids).execute();
    },
    async listCheckpoints() {
      const rows = await db
        .selectFrom("publications")
        .select(["id", "checkpoint_seq", "checkpoint_hash"])
        .where("checkpoint_seq", "is not", null)
        .where("checkpoint_hash", "is not", null)
        .orderBy("checkpoint_seq")
        .orderBy("id")
        .execute();
      return rows.map((r) => ({
        publicationId: r.id,
        seq: Number(r.checkpoint_seq),
        hash: r.checkpoint_hash ?? "",
      }));
    },
  };
}
