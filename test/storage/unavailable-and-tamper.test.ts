// A locked SQLite file or an unreachable PostgreSQL gives a clear error instead of a hang; a tampered trail is detected.

import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { StorageUnavailableError } from "../../src/storage/storage-errors.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe("unavailable databases", () => {
  it("reports a locked SQLite file clearly after the lock timeout", async () => {
    const { store, target, cleanup } = await testDatabases[0]!.open();
    if (target.kind !== "sqlite") throw new Error("expected sqlite first");
    const other = new BetterSqlite3(target.file);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const started = Date.now();
      const error = await createLedger(testDeps(store), SYSTEM_ACTOR, makeLedger()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect((error as Error).message).toMatch(/数据库文件被占用/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      other.exec("ROLLBACK");
      other.close();
      await cleanup();
    }
  });

  it("reports PostgreSQL being down clearly", async () => {
    const error = await openStore({
      kind: "postgres",
      url: "postgres://postgres@127.0.0.1:1/none",
      lockTimeoutMs: 1_000,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toMatch(/无法连接 PostgreSQL/);
  });
});

describe.each(testDatabases)("audit trail on $name", (database) => {
  it("detects an edited event", async () => {
    const { store, target, cleanup } = await database.open();
    try {
      const deps = testDeps(store);
      await createLedger(deps, SYSTEM_ACTOR, makeLedger());
      await createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
      expect(await store.audit.verify()).toBeNull();
      const tamper = `update audit_events set data = '{"problems":99}' where seq = 2`;
      if (target.kind === "sqlite") {
        const raw = new BetterSqlite3(target.file);
        raw.exec(tamper);
        raw.close();
      } else {
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        await client.query(tamper);
        await client.end();
      }
      expect(await store.audit.verify()).toBe(2);
    } finally {
      await cleanup();
    }
  });
});
