// Which document each imported ledger came from (migration 0015), so that the same notice is not imported twice.

import type { Kysely } from "kysely";
import type { ImportSourceRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";

export function importSourceRepository(db: Kysely<Database>): ImportSourceRepository {
  return {
    async record(source) {
      await db
        .insertInto("import_sources")
        .values({
          inspection_id: source.inspectionId,
          target_org_id: source.targetOrgId,
          fingerprint: source.fingerprint,
          imported_at: source.importedAt,
        })
        .execute();
    },
    async find(targetOrgId, fingerprint) {
      const row = await db
        .selectFrom("import_sources")
        .selectAll()
        .where("target_org_id", "=", targetOrgId)
        .where("fingerprint", "=", fingerprint)
        .orderBy("imported_at")
        .executeTakeFirst();
      return (
        row && {
          inspectionId: row.inspection_id,
          targetOrgId: row.target_org_id,
          fingerprint: row.fingerprint,
          importedAt: row.imported_at,
        }
      );
    },
  };
}
