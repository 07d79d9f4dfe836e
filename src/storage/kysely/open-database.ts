// Opens a Kysely instance on SQLite (better-sqlite3: WAL, foreign keys, busy timeout) or PostgreSQL (pg pool).

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { StorageUnavailableError } from "../storage-errors.ts";
import type { Database } from "./db-schema.ts";
import { namingStatements } from "./named-statements.ts";
import { sqliteWriterDialect } from "./sqlite-writer-dialect.ts";
import { withStatementCache } from "./statement-cache.ts";

/**
 * Where the data lives. `lockTimeoutMs` bounds waiting for a lock or a connection (default LOCK_TIMEOUT_MS).
 * Plain data of the same shape as config.ts's target, which is passed here as it is (storage does not import config).
 */
export type DatabaseTarget =
  | { readonly kind: "sqlite"; readonly file: string; readonly lockTimeoutMs?: number }
  | { readonly kind: "postgres"; readonly url: string; readonly lockTimeoutMs?: number };

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: "sqlite" | "postgres";
  /**
   * PostgreSQL: from now on, statements are prepared once per connection (named-statements.ts); call it after
   * migrations. SQLite prepares once anyway (statement-cache.ts): nothing to do.
   */
  readonly prepareStatements: () => void;
}

/** How long a write waits for a lock (SQLite) or a connection (PostgreSQL) before failing clearly. */
export const LOCK_TIMEOUT_MS = 5_000;

export async function openDatabase(target: DatabaseTarget): Promise<OpenedDatabase> {
  const timeout = target.lockTimeoutMs ?? LOCK_TIMEOUT_MS;
  return target.kind === "sqlite" ? openSqlite(target.file, timeout) : openPostgres(target.url, timeout);
}

function openSqlite(file: string, timeout: number): OpenedDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  let native: BetterSqlite3.Database;
  try {
    native = new BetterSqlite3(file, { timeout });
    native.pragma("journal_mode = WAL");
    native.pragma("foreign_keys = ON");
    native.pragma("synchronous = NORMAL");
  } catch (cause) {
    throw new StorageUnavailableError(`无法打开数据库文件 ${file}：${(cause as Error).message}`, cause);
  }
  const db = new Kysely<Database>({ dialect: sqliteWriterDialect({ database: withStatementCache(native) }) });
  return { db, dialect: "sqlite", prepareStatements: () => undefined };
}

async function openPostgres(url: string, timeout: number): Promise<OpenedDatabase> {
  // pg returns int8 as string; counts and seqs fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeout,
    statement_timeout: 60_000,
    lock_timeout: timeout,
  });
  pool.on("error", () => undefined); // an idle client's error must not crash the process; the next query reports it
  const naming = namingStatements(pool);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: naming }) });
  try {
    await sql`select 1`.execute(db);
  } catch (cause) {
    await db.destroy();
    throw new StorageUnavailableError(`无法连接 PostgreSQL 数据库：${(cause as Error).message}`, cause);
  }
  return { db, dialect: "postgres", prepareStatements: () => naming.enable() };
}
