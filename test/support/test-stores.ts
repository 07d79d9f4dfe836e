// Stores for tests: a temp SQLite file always, PostgreSQL (a throw-away schema) when TEST_DATABASE_URL is set.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Deps } from "../../src/app/deps.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import type { Store } from "../../src/storage/store.ts";

export interface TestDatabase {
  readonly name: "sqlite" | "postgres";
  /** A fresh, empty, migrated database each call. */
  open(): Promise<{ store: Store; target: DatabaseTarget; cleanup: () => Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: "sqlite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-test-"));
    const target: DatabaseTarget = { kind: "sqlite", file: join(dir, "zhenggai.db"), lockTimeoutMs: 500 };
    const store = await openStore(target);
    return {
      store,
      target,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let schemaCounter = 0;
const postgres = (baseUrl: string): TestDatabase => ({
  name: "postgres",
  async open() {
    const schema = `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const target: DatabaseTarget = { kind: "postgres", url: url.toString(), lockTimeoutMs: 2_000 };
    const store = await openStore(target);
    return {
      store,
      target,
      cleanup: async () => {
        await store.close();
        const c = new pg.Client({ connectionString: baseUrl });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  },
});

/** The databases every contract test runs on. */
export const testDatabases: TestDatabase[] = [
  sqlite,
  ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : []),
];

/** Deterministic ports: a fixed clock and counting ids. */
export function testDeps(store: Store, today = "2021-06-30"): Deps {
  let n = 0;
  return {
    store,
    clock: { now: () => `${today}T08:00:00.000Z`, today: () => today },
    ids: { next: (prefix) => `${prefix}${String(++n).padStart(6, "0")}` },
  };
}
