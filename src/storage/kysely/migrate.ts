// Applies the one migration history (same files for SQLite and PostgreSQL).

import { Migrator, sql, type Kysely, type MigrationProvider } from "kysely";
import { MIGRATIONS } from "./migrations/index.ts";

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/**
 * Brings the schema to the newest version; returns the names of the migrations applied now. On PostgreSQL
 * the bookkeeping tables are looked up in the connection's own schema: Kysely otherwise takes a same-named
 * table in any other schema of the database for its own and skips creating it.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: "sqlite" | "postgres",
): Promise<string[]> {
  const schema =
    dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "schema_migrations",
    migrationLockTableName: "schema_migrations_lock",
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error("数据库迁移失败", { cause: error });
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
