// Kysely's SQLite dialect, except that a read-write transaction begins as a writer (BEGIN IMMEDIATE).
// A deferred transaction that reads first and writes later must upgrade its lock, and SQLite refuses that
// upgrade at once with SQLITE_BUSY when another process writes, without waiting the busy timeout.

import type { DatabaseConnection, Dialect, TransactionSettings } from "kysely";
import { CompiledQuery, SqliteDialect, SqliteDriver, type SqliteDialectConfig } from "kysely";

class SqliteWriterDriver extends SqliteDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings?: TransactionSettings,
  ): Promise<void> {
    // Read-only transactions (store.snapshot) stay deferred: in WAL mode they never wait for writers.
    const begin = settings?.accessMode === "read only" ? "begin deferred" : "begin immediate";
    await connection.executeQuery(CompiledQuery.raw(begin));
  }
}

export function sqliteWriterDialect(config: SqliteDialectConfig): Dialect {
  const base = new SqliteDialect(config);
  return {
    createDriver: () => new SqliteWriterDriver(config),
    createQueryCompiler: () => base.createQueryCompiler(),
    createAdapter: () => base.createAdapter(),
    createIntrospector: (db) => base.createIntrospector(db),
  };
}
