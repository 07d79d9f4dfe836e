// Server-side sessions, keyed by the sha-256 of the cookie token; revoking keeps the row for the record.

import type { Kysely } from "kysely";
import type { Session, SessionRepository } from "../store.ts";
import type { Database, SessionsTable } from "./db-schema.ts";

const sessionFromRow = (r: SessionsTable): Session => ({
  id: r.id,
  userId: r.user_id,
  csrfTokenHash: r.csrf_token_hash,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  revoked: Number(r.revoked) === 1,
});

export function sessionRepository(db: Kysely<Database>): SessionRepository {
  return {
    async insert(s: Session) {
      await db
        .insertInto("sessions")
        .values({
          id: s.id,
          user_id: s.userId,
          csrf_token_hash: s.csrfTokenHash,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          revoked: s.revoked ? 1 : 0,
        })
        .execute();
    },
    async get(id: string) {
      const row = await db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
      return row && sessionFromRow(row);
    },
    async touch(id: string, lastSeenAt: string) {
      await db.updateTable("sessions").set({ last_seen_at: lastSeenAt }).where("id", "=", id).execute();
    },
    async revoke(id: string) {
      const result = await db
        .updateTable("sessions")
        .set({ revoked: 1 })
        .where("id", "=", id)
        .where("revoked", "=", 0)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revokeAllForUser(userId: string, exceptId?: string) {
      let q = db
        .updateTable("sessions")
        .set({ revoked: 1 })
        .where("user_id", "=", userId)
        .where("revoked", "=", 0);
      if (exceptId !== undefined) q = q.where("id", "!=", exceptId);
      const result = await q.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
