// The throw-away database a benchmark loads into: a temp SQLite file, or a fresh PostgreSQL schema.

import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { CompiledQuery, type Kysely } from "kysely";
import pg from "pg";
import type { Database } from "../src/storage/kysely/db-schema.ts";
import type { DatabaseTarget } from "../src/storage/kysely/open-database.ts";

export interface BenchDatabase {
  readonly dialect: "sqlite" | "postgres";
  readonly target: DatabaseTarget;
  readonly where: string;
  /** Bytes on disk (SQLite: file + WAL after a checkpoint; PostgreSQL: tables with indexes and TOAST). */
  size(db: Kysely<Database>): Promise<number>;
  version(db: Kysely<Database>): Promise<string>;
  /** After the load, before timing (PostgreSQL: ANALYZE, which autovacuum would run shortly anyway). */
  settle(db: Kysely<Database>): Promise<void>;
  explain(db: Kysely<Database>, query: CompiledQuery): Promise<string[]>;
  drop(): Promise<void>;
}

export const run = async (db: Kysely<Database>, text: string, parameters: readonly unknown[] = []) =>
  (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...parameters]))).rows;

export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(os.tmpdir(), "zhenggai-bench-"));
  const file = join(dir, "ledger.db");
  const bytes = (path: string) => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };
  return {
    dialect: "sqlite",
    target: { kind: "sqlite", file },
    where: file,
    async size(db) {
      await run(db, "pragma wal_checkpoint(TRUNCATE)");
      return bytes(file) + bytes(`${file}-wal`);
    },
    async version(db) {
      return `SQLite ${String((await run(db, "select sqlite_version() as v"))[0]?.v)}`;
    },
    async settle() {},
    async explain(db, query) {
      // A fresh text each time: the store keeps prepared statements (statement-cache.ts), and SQLite does not
      // re-prepare an EXPLAIN after the schema changed (it has no schema check), so a cached one shows the old plan.
      const rows = await run(
        db,
        `explain query plan ${query.sql} /* ${performance.now()} */`,
        query.parameters,
      );
      return rows.map((r) => String(r.detail));
    },
    drop() {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export async function postgresDatabase(baseUrl: string): Promise<BenchDatabase> {
  const schema = `bench_ledger_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    dialect: "postgres",
    target: { kind: "postgres", url: url.toString() },
    where: `${url.host}${url.pathname} schema ${schema}`,
    async size(db) {
      const rows = await run(
        db,
        `select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes from pg_class c
           join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind = 'r'`,
      );
      return Number(rows[0]?.bytes);
    },
    async version(db) {
      return `PostgreSQL ${String((await run(db, "select current_setting('server_version') as v"))[0]?.v)}`;
    },
    async settle(db) {
      await run(db, "analyze");
    },
    async explain(db, query) {
      const rows = await run(db, `explain (analyze, buffers) ${query.sql}`, query.parameters);
      return rows.map((r) => String(r["QUERY PLAN"]));
    },
    async drop() {
      await admin(`drop schema ${schema} cascade`);
    },
  };
}
