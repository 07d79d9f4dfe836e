// Pending imports (migrations 0009, 0018, 0025): JSON kept as text on both databases, a workbook's bytes as base64 text;
// times are ISO-8601 UTC strings, which compare in time order.

import type { Kysely } from "kysely";
import type { PendingImport, PendingImportRepository } from "../pending-import-store.ts";
import type { Database, PendingImportsTable } from "./db-schema.ts";

const fromRow = (r: Omit<PendingImportsTable, "upload">): PendingImport => ({
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
  skipInvalid: Number(r.skip_invalid) === 1,
  version: Number(r.version),
  corrections: JSON.parse(r.corrections) as unknown,
  undoneCorrections: JSON.parse(r.undone_corrections) as unknown,
});

/** Every column but the stored upload, which only getUpload reads. */
const COLUMNS = [
  "id",
  "user_id",
  "unit_id",
  "kind",
  "file_name",
  "file_sha256",
  "input",
  "preview",
  "confirmable",
  "created_at",
  "expires_at",
  "confirmed_at",
  "inspection_id",
  "version",
  "corrections",
  "undone_corrections",
  "skip_invalid",
] as const;

export function pendingImportRepository(db: Kysely<Database>): PendingImportRepository {
  return {
    async insert(p, upload) {
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
          version: p.version,
          skip_invalid: p.skipInvalid ? 1 : 0,
          corrections: JSON.stringify(p.corrections),
          undone_corrections: JSON.stringify(p.undoneCorrections),
          upload: upload === undefined ? null : Buffer.from(upload).toString("base64"),
        })
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom("pending_imports")
        .select(COLUMNS)
        .where("id", "=", id)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    async getUpload(id) {
      const row = await db
        .selectFrom("pending_imports")
        .select("upload")
        .where("id", "=", id)
        .executeTakeFirst();
      return row?.upload == null ? undefined : new Uint8Array(Buffer.from(row.upload, "base64"));
    },
    async revise(id, userId, expectedVersion, revision, now) {
      const result = await db
        .updateTable("pending_imports")
        .set({
          input: JSON.stringify(revision.input),
          preview: JSON.stringify(revision.preview),
          confirmable: revision.confirmable ? 1 : 0,
          corrections: JSON.stringify(revision.corrections),
          undone_corrections: JSON.stringify(revision.undoneCorrections),
          version: expectedVersion + 1,
        })
        .where("id", "=", id)
        .where("user_id", "=", userId)
        .where("version", "=", expectedVersion)
        .where("confirmed_at", "is", null)
        .where("expires_at", ">", now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
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
