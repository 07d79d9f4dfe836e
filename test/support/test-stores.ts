// Stores for tests: a temp SQLite file always, PostgreSQL (a throw-away schema) when TEST_DATABASE_URL is set.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Deps } from "../../src/app/deps.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import type { Store } from "../../src/storage/store.ts";
import { throwAwaySchema } from "./fresh-databases.ts";

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

const postgres = (baseUrl: string): TestDatabase => ({
  name: "postgres",
  async open() {
    const { url, drop } = await throwAwaySchema(baseUrl, "t");
    const target: DatabaseTarget = { kind: "postgres", url, lockTimeoutMs: 2_000 };
    const store = await openStore(target);
    return {
      store,
      target,
      cleanup: async () => {
        await store.close();
        await drop();
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
