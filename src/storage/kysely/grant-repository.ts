// Role grants: which role a user holds over which org subtree (admin grants cover everything, org null).

import type { Kysely } from "kysely";
import type { Grant, Role } from "../../domain/account.ts";
import type { GrantRepository } from "../store.ts";
import type { Database, GrantsTable } from "./db-schema.ts";

const grantFromRow = (r: GrantsTable): Grant => ({
  id: r.id,
  userId: r.user_id,
  role: r.role as Role,
  orgId: r.org_id,
});

export function grantRepository(db: Kysely<Database>): GrantRepository {
  return {
    async insert(grant: Grant, createdAt: string) {
      await db
        .insertInto("grants")
        .values({
          id: grant.id,
          user_id: grant.userId,
          role: grant.role,
          org_id: grant.orgId,
          created_at: createdAt,
        })
        .execute();
    },
    async get(id: string) {
      const row = await db.selectFrom("grants").selectAll().where("id", "=", id).executeTakeFirst();
      return row && grantFromRow(row);
    },
    async listByUser(userId: string) {
      const rows = await db
        .selectFrom("grants")
        .selectAll()
        .where("user_id", "=", userId)
        .orderBy("role")
        .orderBy("org_id")
        .orderBy("id")
        .execute();
      return rows.map(grantFromRow);
    },
    async delete(id: string) {
      const result = await db.deleteFrom("grants").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async countByRole(role: Role) {
      const row = await db
        .selectFrom("grants")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("role", "=", role)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async countEnabledHolders(role: Role) {
      const row = await db
        .selectFrom("grants")
        .innerJoin("users", "users.id", "grants.user_id")
        .select((eb) => eb.fn.count<number | string>("grants.user_id").distinct().as("n"))
        .where("grants.role", "=", role)
        .where("users.disabled", "=", 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
