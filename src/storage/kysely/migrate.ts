// Applies the one migration history (same files for SQLite and PostgreSQL).

import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import * as ledgerCore from "./migrations/0001-ledger-core.ts";
import * as publications from "./migrations/0002-publications.ts";
import * as measureTallyIndex from "./migrations/0003-measure-tally-index.ts";

const MIGRATIONS: Record<string, Migration> = {
  "0001-ledger-core": ledgerCore,
  "0002-publications": publications,
  "0003-measure-tally-index": measureTallyIndex,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

/** Brings the schema to the newest version; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: "schema_migrations", migrationLockTableName: "schema_migrations_lock" });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("数据库迁移失败", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
