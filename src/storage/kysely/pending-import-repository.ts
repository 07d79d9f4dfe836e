// Pending imports (migration 0009): JSON kept as text on both databases; times are ISO-8601 UTC strings, which
// compare in time order.

import type { Kysely } from "kysely";
import type { PendingImport, PendingImportRepository } from "../pending-import-store.ts";
import type { Database, PendingImportsTable } from "./db-schema.ts";

const fromRow = (r: PendingImportsTable): PendingImport => ({
  id: r.id,
  userId: r.user_id,
  unitId: r.unit_id,
  kind: r.kind === "ledger" ? "ledger" : "notice",
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  input: JSON.parse(r.input) as unknown,
  preview: JSON.parse(r.preview) as unknown,
  confirmable: Number(r.confirmable) === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  confirmedAt: r.confirmed_at,
  inspectionId: r.inspection_id,
});

export function pendingImportRepository(db: Kysely<Database>): PendingImportRepository {
  return {
    async insert(p) {
      await db
        .insertInto("pending_imports")
        .values({
          id: p.id,
          user_id: p.userId,
          unit_id: p.unitId,
          kind: p.kind,
          file_name: p.fileName,
          file_sha256: p.fileSha256,
          input: JSON.stringify(p.input),
          preview: JSON.stringify(p.preview),
          confirmable: p.confirmable ? 1 : 0,
          created_at: p.createdAt,
          expires_at: p.expiresAt,
          confirmed_at: p.confirmedAt,
          inspection_id: p.inspectionId,
        })
        .execute();
    },
    async get(id) {
      const row = await db.selectFrom("pending_imports").selectAll().where("id", "=", id).executeTakeFirst();
      return row && fromRow(row);
    },
    async countOpen(userId, now) {
      const row = await db
        .selectFrom("pending_imports")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("user_id", "=", userId)
        .where("confirmed_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async claim(id, userId, now) {
      const result = await db
        .updateTable("pending_imports")
        .set({ confirmed_at: now })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("confirmed_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async setInspection(id, inspectionId) {
      await db
        .updateTable("pending_imports")
        .set({ inspection_id: inspectionId })
        .where("id", "=", id)
        .execute();
    },
    async discard(id, userId) {
      const result = await db
        .deleteFrom("pending_imports")
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("confirmed_at", "is", null)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom("pending_imports").where("expires_at", "<=", now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
