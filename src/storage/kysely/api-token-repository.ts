// API tokens for scripts, keyed for look-up by the sha-256 of the secret; revoking keeps the row for the record.

import type { Kysely } from "kysely";
import type { ApiToken, ApiTokenRepository } from "../store.ts";
import type { ApiTokensTable, Database } from "./db-schema.ts";

const apiTokenFromRow = (r: ApiTokensTable): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  tokenHash: r.token_hash,
  readOnly: Number(r.read_only) === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export function apiTokenRepository(db: Kysely<Database>): ApiTokenRepository {
  return {
    async insert(t: ApiToken) {
      await db
        .insertInto("api_tokens")
        .values({
          id: t.id,
          user_id: t.userId,
          name: t.name,
          token_hash: t.tokenHash,
          read_only: t.readOnly ? 1 : 0,
          created_at: t.createdAt,
          expires_at: t.expiresAt,
          last_used_at: t.lastUsedAt,
          revoked_at: t.revokedAt,
        })
        .execute();
    },
    async get(id: string) {
      const row = await db.selectFrom("api_tokens").selectAll().where("id", "=", id).executeTakeFirst();
      return row && apiTokenFromRow(row);
    },
    async findByHash(tokenHash: string) {
      const row = await db
        .selectFrom("api_tokens")
        .selectAll()
        .where("token_hash", "=", tokenHash)
        .executeTakeFirst();
      return row && apiTokenFromRow(row);
    },
    async listByUser(userId: string) {
      const rows = await db
        .selectFrom("api_tokens")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute();
      return rows.map(apiTokenFromRow);
    },
    async touch(id: string, lastUsedAt: string) {
      await db.updateTable("api_tokens").set({ last_used_at: lastUsedAt }).where("id", "=", id).execute();
    },
    async revoke(id: string, at: string) {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revokeAllForUser(userId: string, at: string) {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: at })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
