// Applies the one migration history (same files for SQLite and PostgreSQL), each migration atomically.
// Kysely's own migrator runs SQLite migrations outside any transaction (its adapter reports no transactional
// DDL), so a kill -9 mid-way left a half-built schema that no later start could repair; hence this runner.

import { sql, type Kysely, type Migration, type Transaction } from "kysely";
import { StorageUnavailableError } from "../storage-errors.ts";
import { MIGRATIONS } from "./migrations/index.ts";

/** How long a starter waits for another process's migration on SQLite (a big index can take a while). */
const SQLITE_MIGRATION_WAIT_MS = 10 * 60_000;

/**
 * Brings the schema to the newest version; returns the names of the migrations applied now.
 *
 * Each migration runs in its own transaction together with its bookkeeping row, under a lock that
 * concurrent starters wait for (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock
 * per schema). An interrupted migration therefore leaves the previous schema intact, and a starter that
 * waited finds the work done. The bookkeeping table is the one Kysely's migrator kept, so existing
 * databases upgrade in place.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: "sqlite" | "postgres",
  migrations: Readonly<Record<string, Migration>> = MIGRATIONS,
): Promise<string[]> {
  const restoreWait = dialect === "sqlite" ? await lengthenSqliteWait(db) : null;
  try {
    const applied: string[] = [];
    for (const [name, migration] of Object.entries(migrations)) {
      const ran = await db.transaction().execute(async (trx) => {
        await takeMigrationLock(trx, dialect);
        const done = await appliedMigrations(trx);
        refuseNewerDatabase(done, migrations);
        if (done.has(name)) return false;
        await migration.up(trx);
        await sql`insert into schema_migrations (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
          trx,
        );
        return true;
      });
      if (ran) applied.push(name);
    }
    return applied;
  } finally {
    await restoreWait?.();
  }
}

/** SQLite: the transaction already began as a writer. PostgreSQL: one advisory lock per schema. */
async function takeMigrationLock(trx: Transaction<unknown>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect === "postgres") {
    await sql`select pg_advisory_xact_lock(hashtext('zhenggai.migrate.' || current_schema()))`.execute(trx);
  }
}

async function appliedMigrations(trx: Transaction<unknown>): Promise<Set<string>> {
  // Same shape as Kysely's table; created in the connection's own schema on PostgreSQL.
  await sql`create table if not exists schema_migrations (
    name varchar(255) not null primary key,
    timestamp varchar(255) not null
  )`.execute(trx);
  const rows = await sql<{ name: string }>`select name from schema_migrations`.execute(trx);
  return new Set(rows.rows.map((r) => r.name));
}

/** A database migrated by a newer zhenggai must not be run by an older one: its schema is unknown here. */
function refuseNewerDatabase(
  done: ReadonlySet<string>,
  migrations: Readonly<Record<string, Migration>>,
): void {
  const unknown = [...done].filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new StorageUnavailableError(
      `数据库结构版本比本程序新（${unknown.join("、")}），请升级 zhenggai 后再使用这个数据库`,
    );
  }
}

/** Waits longer for the write lock while migrating; returns how to restore the usual busy timeout. */
async function lengthenSqliteWait(db: Kysely<unknown>): Promise<() => Promise<void>> {
  const current = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  const previous = Number(current.rows[0]?.timeout ?? 0);
  await sql.raw(`pragma busy_timeout = ${SQLITE_MIGRATION_WAIT_MS}`).execute(db);
  return async () => {
    await sql.raw(`pragma busy_timeout = ${previous}`).execute(db);
  };
}
