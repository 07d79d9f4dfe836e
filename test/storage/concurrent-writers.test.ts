// Several processes writing one database at once: every write lands, none fails, on SQLite and PostgreSQL.

import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { orgResolver } from "../../src/app/resolve-orgs.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { runCliChild, type CliRun } from "../support/cli-process.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";
import { databaseUrlOf, freshDatabases, type FreshDatabase } from "../support/fresh-databases.ts";

const SEED = fileURLToPath(new URL("../fixtures/notices/seed.txt", import.meta.url));

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

interface Round {
  readonly round: number;
  readonly code: number;
  readonly stderr: string;
}

const roundsOf = (run: CliRun): Round[] =>
  run.stdout
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Round);

async function prepared(
  database: FreshDatabase,
): Promise<{ env: Record<string, string>; target: DatabaseTarget }> {
  const { target, cleanup } = await database.open();
  cleanups.push(cleanup);
  const env = { DATABASE_URL: databaseUrlOf(target) };
  const migrate = await runCliChild(["db", "migrate"], env);
  expect(migrate.code).toBe(0);
  return { env, target };
}

describe.each(freshDatabases())("concurrent writers on $name", (database) => {
  it("4 processes × 10 imports into one database: zero failures, all 40 ledgers stored", async () => {
    const { env, target } = await prepared(database);
    const startAt = String(Date.now() + 3_000);
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        runCliChild(["import", "notice", SEED, "--unit", "并发测试单位", "--allow-duplicate"], {
          ...env,
          ZG_ROUNDS: "10",
          ZG_START_AT: startAt,
        }),
      ),
    );
    const rounds = runs.flatMap(roundsOf);
    expect(rounds).toHaveLength(40);
    expect(rounds.filter((r) => r.code !== 0)).toEqual([]);
    const store = await openStore(target);
    try {
      const inspections = await store.inspections.list(SCOPE_ALL, {});
      expect(inspections).toHaveLength(40);
      const units = await store.orgs.list(SCOPE_ALL, { kind: "unit" });
      expect(units.filter((u) => u.name === "并发测试单位")).toHaveLength(1);
      expect(await store.audit.verify()).toBeNull();
    } finally {
      await store.close();
    }
  }, 120_000);

  it("4 processes importing the same notice at the same moment store it once and refuse the others clearly", async () => {
    const { env, target } = await prepared(database);
    const startAt = String(Date.now() + 3_000);
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        runCliChild(["import", "notice", SEED, "--unit", "重复导入单位"], {
          ...env,
          ZG_ROUNDS: "1",
          ZG_START_AT: startAt,
        }),
      ),
    );
    // One round per child: its exit code and stderr are the child's own.
    expect(runs.filter((r) => r.code === 0)).toHaveLength(1);
    // Refused as the same document, or (PostgreSQL, both checks before either commit) told to retry.
    for (const r of runs.filter((r) => r.code !== 0)) expect(r.stderr).toMatch(/内容相同，未重复导入|请重试/);
    const store = await openStore(target);
    try {
      expect(await store.inspections.list(SCOPE_ALL, {})).toHaveLength(1);
      expect(await store.audit.verify()).toBeNull();
    } finally {
      await store.close();
    }
  }, 120_000);

  it("two imports creating the same new unit at the same moment both succeed, with one unit (5 trials)", async () => {
    const { env, target } = await prepared(database);
    const startAt = String(Date.now() + 3_000);
    const runs = await Promise.all(
      [1, 2].map(() =>
        runCliChild(["import", "notice", SEED, "--unit", "新建单位{round}", "--allow-duplicate"], {
          ...env,
          ZG_ROUNDS: "5",
          ZG_START_AT: startAt,
          ZG_ROUND_EVERY_MS: "600",
        }),
      ),
    );
    const rounds = runs.flatMap(roundsOf);
    expect(rounds).toHaveLength(10);
    expect(rounds.filter((r) => r.code !== 0)).toEqual([]);
    const store = await openStore(target);
    try {
      const units = await store.orgs.list(SCOPE_ALL, { kind: "unit" });
      for (let trial = 1; trial <= 5; trial++)
        expect(units.filter((u) => u.name === `新建单位${trial}`)).toHaveLength(1);
      expect(await store.inspections.list(SCOPE_ALL, {})).toHaveLength(10);
    } finally {
      await store.close();
    }
  }, 120_000);
});

describe.each(testDatabases)("concurrent writes inside one process on $name", (database) => {
  it("serialises 20 simultaneous ledger creations through one store: all stored, the audit chain whole", async () => {
    const { store, cleanup } = await database.open();
    try {
      const deps = testDeps(store);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          createLedger(deps, SYSTEM_ACTOR, makeLedger({ unitName: `单位${i % 3}` })),
        ),
      );
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      expect(await store.inspections.list(SCOPE_ALL, {})).toHaveLength(20);
      expect((await store.orgs.list(SCOPE_ALL, { kind: "unit" })).map((u) => u.name).sort()).toEqual([
        "单位0",
        "单位1",
        "单位2",
      ]);
      expect(await store.audit.verify()).toBeNull();
    } finally {
      await cleanup();
    }
  });
});

const postgres = testDatabases.filter((d) => d.name === "postgres");
const counting = (prefix: string) => {
  let n = 0;
  return { next: (kind: string) => `${kind}${prefix}${++n}` };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Resolving an org by name is race-free on PostgreSQL: two transactions creating the same new unit both get it.
// (SQLite write transactions begin as writers, so there the second simply waits.)
describe.runIf(postgres.length > 0).each(postgres)("org resolution on $name", (database) => {
  it("lets a second transaction that meets a concurrent insert of the same name reuse it instead of failing", async () => {
    const { store, target, cleanup } = await database.open();
    const other = await openStore(target);
    try {
      let release = (): void => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const first = store.transaction(async (tx) => {
        const resolver = orgResolver(tx, counting("a"));
        const oversight = await resolver.org(null, "oversight", "市委巡察办");
        const unit = await resolver.org(oversight, "unit", "新单位");
        await gate; // still uncommitted while the second transaction inserts the same names
        return unit;
      });
      await sleep(100);
      const second = other.transaction(async (tx) => {
        const resolver = orgResolver(tx, counting("b"));
        const oversight = await resolver.org(null, "oversight", "市委巡察办");
        return resolver.org(oversight, "unit", "新单位");
      });
      await sleep(200);
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(b.id).toBe(a.id);
      expect(b.path).toBe(a.path);
      expect((await store.orgs.list(SCOPE_ALL, {})).map((o) => o.name).sort()).toEqual([
        "市委巡察办",
        "新单位",
      ]);
    } finally {
      await other.close();
      await cleanup();
    }
  });
});
