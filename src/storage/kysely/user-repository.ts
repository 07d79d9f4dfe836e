// Users: accounts, scoped reads through their org's path, and the sign-in facts (hash, lockout) kept apart.

import { sql, type Kysely } from "kysely";
import type { User } from "../../domain/account.ts";
import type { Scope } from "../../domain/scope.ts";
import type { UserChange, UserRepository } from "../store.ts";
import type { Database, UsersTable } from "./db-schema.ts";
import { pathInScope } from "./scope-filter.ts";

/** The columns of `User` (the hash and lockout facts stay out). */
export const USER_COLUMNS = [
  "id",
  "login",
  "display_name",
  "org_id",
  "person_id",
  "disabled",
  "version",
] as const;

export type UserRow = Pick<UsersTable, (typeof USER_COLUMNS)[number]>;

export const userFromRow = (r: UserRow): User => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  orgId: r.org_id,
  personId: r.person_id,
  disabled: Number(r.disabled) === 1,
  version: Number(r.version),
});

export function userRepository(db: Kysely<Database>): UserRepository {
  // Users without an org (system accounts) are visible only in the unrestricted scope.
  const scoped = (scope: Scope) =>
    db
      .selectFrom("users")
      .leftJoin("orgs", "orgs.id", "users.org_id")
      .select(USER_COLUMNS.map((c) => `users.${c}` as const))
      .where(scope.kind === "all" ? sql<boolean>`1 = 1` : pathInScope(scope, "orgs.path"));
  return {
    async insert(user: User, passwordHash: string, createdAt: string) {
      await db
        .insertInto("users")
        .values({
          id: user.id,
          login: user.login.toLowerCase(),
          display_name: user.displayName,
          org_id: user.orgId,
          person_id: user.personId,
          password_hash: passwordHash,
          disabled: user.disabled ? 1 : 0,
          failed_logins: 0,
          locked_until: null,
          version: user.version,
          created_at: createdAt,
        })
        .execute();
    },
    async get(scope: Scope, id: string) {
      const row = await scoped(scope).where("users.id", "=", id).executeTakeFirst();
      return row && userFromRow(row);
    },
    async findByLogin(login: string) {
      const row = await db
        .selectFrom("users")
        .select([...USER_COLUMNS])
        .where("login", "=", login.toLowerCase())
        .executeTakeFirst();
      return row && userFromRow(row);
    },
    async list(scope: Scope) {
      return (await scoped(scope).orderBy("users.login").execute()).map(userFromRow);
    },
    async count() {
      const row = await db
        .selectFrom("users")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async credentials(userId: string) {
      const row = await db
        .selectFrom("users")
        .select(["id", "password_hash", "failed_logins", "locked_until"])
        .where("id", "=", userId)
        .executeTakeFirst();
      return (
        row && {
          userId: row.id,
          passwordHash: row.password_hash,
          failedLogins: Number(row.failed_logins),
          lockedUntil: row.locked_until,
        }
      );
    },
    async setPasswordHash(id: string, expectedVersion: number, passwordHash: string) {
      const result = await db
        .updateTable("users")
        .set({
          password_hash: passwordHash,
          version: expectedVersion + 1,
          failed_logins: 0,
          locked_until: null,
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async countSignInAttempt(id: string) {
      // One statement: concurrent attempts each get their own number (RETURNING: SQLite ≥ 3.35, PostgreSQL).
      const row = await db
        .updateTable("users")
        .set({ failed_logins: sql<number>`failed_logins + 1` })
        .where("id", "=", id)
        .returning("failed_logins")
        .executeTakeFirst();
      return Number(row?.failed_logins ?? 0);
    },
    async lockLogin(id: string, lockUntil: string) {
      await db.updateTable("users").set({ locked_until: lockUntil }).where("id", "=", id).execute();
    },
    async endLock(id: string, lockedUntil: string) {
      await db
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null })
        .where("id", "=", id)
        .where("locked_until", "=", lockedUntil)
        .execute();
    },
    async clearFailedLogins(id: string) {
      await db
        .updateTable("users")
        .set({ failed_logins: 0, locked_until: null })
        .where("id", "=", id)
        .execute();
    },
    async update(id: string, expectedVersion: number, change: UserChange) {
      const result = await db
        .updateTable("users")
        .set({
          display_name: change.displayName,
          org_id: change.orgId,
          person_id: change.personId,
          disabled: change.disabled ? 1 : 0,
          version: expectedVersion + 1,
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
