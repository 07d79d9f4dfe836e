// Server-side sessions, keyed by the sha-256 of the cookie token; revoking keeps the row for the record.

import type { Kysely } from "kysely";
import type { Grant, Role } from "../../domain/account.ts";
import type { Session, SessionRepository } from "../store.ts";
import type { Database, SessionsTable } from "./db-schema.ts";
import { fixedStatement } from "./fixed-statement.ts";
import { USER_COLUMNS, userFromRow } from "./user-repository.ts";

const sessionFromRow = (r: SessionsTable): Session => ({
  id: r.id,
  userId: r.user_id,
  csrfTokenHash: r.csrf_token_hash,
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  revoked: Number(r.revoked) === 1,
});

/** The session's own columns, named apart from the account's and the grants' in the joined row. */
const SESSION_COLUMNS = [
  "sessions.id as s_id",
  "sessions.user_id as s_user_id",
  "sessions.csrf_token_hash as s_csrf_token_hash",
  "sessions.created_at as s_created_at",
  "sessions.last_seen_at as s_last_seen_at",
  "sessions.expires_at as s_expires_at",
  "sessions.revoked as s_revoked",
] as const;

/** The session joined with its account and grants: one row per grant (one without grant columns when none). */
const sessionWithAccount = fixedStatement(1, (db, id: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .leftJoin("grants", "grants.user_id", "users.id")
    .select([
      ...SESSION_COLUMNS,
      ...USER_COLUMNS.map((c) => `users.${c}` as const),
      "grants.id as g_id",
      "grants.role as g_role",
      "grants.org_id as g_org_id",
    ])
    .where("sessions.id", "=", id)
    .orderBy("grants.role")
    .orderBy("grants.org_id")
    .orderBy("grants.id"),
);

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
    async withAccount(id: string) {
      // Every signed-in request runs this before its own work (it used to be three statements: session, account,
      // grants), so it is compiled once.
      const { rows } = await sessionWithAccount(db, id);
      const first = rows[0];
      if (first === undefined) return undefined;
      const grants: Grant[] = [];
      for (const r of rows)
        if (r.g_id !== null)
          grants.push({ id: r.g_id, userId: first.id, role: r.g_role as Role, orgId: r.g_org_id });
      return {
        session: sessionFromRow({
          id: first.s_id,
          user_id: first.s_user_id,
          csrf_token_hash: first.s_csrf_token_hash,
          created_at: first.s_created_at,
          last_seen_at: first.s_last_seen_at,
          expires_at: first.s_expires_at,
          revoked: first.s_revoked,
        }),
        user: userFromRow(first),
        grants,
      };
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
