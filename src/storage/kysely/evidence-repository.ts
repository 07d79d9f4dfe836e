// Evidence rows (佐证材料) of progress reports, read only through the visibility of their measure.

import type { Kysely } from "kysely";
import type { EvidenceRepository } from "../evidence-store.ts";
import type { Database } from "./db-schema.ts";
import { chunkRows } from "./scope-filter.ts";
import { measureVisible } from "./visibility.ts";

export function evidenceRepository(db: Kysely<Database>): EvidenceRepository {
  return {
    async get(scope, id) {
      const row = await db
        .selectFrom("evidence as e")
        .innerJoin("progress_reports as r", "r.id", "e.progress_report_id")
        .innerJoin("measures as m", "m.id", "r.measure_id")
        .selectAll("e")
        .select("m.id as measure_id")
        .where("e.id", "=", id)
        .where(measureVisible(db, scope, { id: "m.id", inspectionId: "m.inspection_id" }))
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        id: row.id,
        progressReportId: row.progress_report_id,
        measureId: row.measure_id,
        sha256: row.sha256,
        name: row.name,
        size: Number(row.size),
        mediaType: row.media_type,
        uploadedBy: row.uploaded_by,
        uploadedAt: row.uploaded_at,
      };
    },
    async insertMany(evidence) {
      for (const chunk of chunkRows(evidence, 8)) {
        await db
          .insertInto("evidence")
          .values(
            chunk.map((e) => ({
              id: e.id,
              progress_report_id: e.progressReportId,
              sha256: e.sha256,
              name: e.name,
              size: e.size,
              media_type: e.mediaType,
              uploaded_by: e.uploadedBy,
              uploaded_at: e.uploadedAt,
            })),
          )
          .execute();
      }
    },
  };
}
