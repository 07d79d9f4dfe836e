// Empty, un-migrated databases for tests of migration and of several processes: a temp SQLite file always,
// a throw-away PostgreSQL schema when TEST_DATABASE_URL is set.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";

export interface FreshDatabase {
  readonly name: "sqlite" | "postgres";
  open(): Promise<{ target: DatabaseTarget; cleanup: () => Promise<void> }>;
}

const freshSqlite: FreshDatabase = {
  name: "sqlite",
  open() {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-fresh-"));
    return Promise.resolve({
      target: { kind: "sqlite", file: join(dir, "zhenggai.db") },
      cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    });
  },
};

/**
 * A throw-away PostgreSQL schema reached through `search_path`: the target's URL, and `drop` to remove it.
 * Shared with test-stores.ts, whose stores are migrated.
 */
export async function throwAwaySchema(
  baseUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const run = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => run(`drop schema ${schema} cascade`) };
}

const freshPostgres = (baseUrl: string): FreshDatabase => ({
  name: "postgres",
  async open() {
    const { url, drop } = await throwAwaySchema(baseUrl, "f");
    return { target: { kind: "postgres", url }, cleanup: drop };
  },
});

/** The databases these tests run on. */
export function freshDatabases(): FreshDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  return [freshSqlite, ...(url ? [freshPostgres(url)] : [])];
}

/** The DATABASE_URL a child process uses to reach this target. */
export const databaseUrlOf = (target: DatabaseTarget): string =>
  target.kind === "sqlite" ? `file:${target.file}` : target.url;
