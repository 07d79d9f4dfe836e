// Statements are prepared once and reused through the whole store (SQLite: statement-cache.ts; PostgreSQL: named
// statements, named-statements.ts), across transactions, rollbacks and writes, and reads still see the latest data.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import type { Database } from "../../src/storage/kysely/db-schema.ts";
import { kyselyStore } from "../../src/storage/kysely/kysely-store.ts";
import { migrateToLatest } from "../../src/storage/kysely/migrate.ts";
import { namingStatements } from "../../src/storage/kysely/named-statements.ts";
import { sqliteWriterDialect } from "../../src/storage/kysely/sqlite-writer-dialect.ts";
import { withStatementCache } from "../../src/storage/kysely/statement-cache.ts";
import type { Store } from "../../src/storage/store.ts";
import { throwAwaySchema } from "../support/fresh-databases.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDeps } from "../support/test-stores.ts";

interface Counted {
  readonly store: Store;
  readonly db: Kysely<Database>;
  /** Statements the database had to parse so far. */
  parsed(): number;
  /** Statements the store asked to run (through the cache or by name) so far. */
  asked(): number;
  cleanup(): Promise<void>;
}

async function sqliteCounted(): Promise<Counted> {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-prepared-"));
  const native = new BetterSqlite3(join(dir, "z.db"));
  let parsed = 0;
  const prepare = native.prepare.bind(native);
  native.prepare = (text: string) => {
    parsed += 1;
    return prepare(text);
  };
  const cached = withStatementCache(native);
  let asked = 0;
  const database = {
    close: () => cached.close(),
    prepare: (text: string) => {
      asked += 1;
      return cached.prepare(text);
    },
  };
  const db = new Kysely<Database>({ dialect: sqliteWriterDialect({ database }) });
  await migrateToLatest(db as Kysely<unknown>, "sqlite");
  return {
    store: kyselyStore(db, "sqlite"),
    db,
    parsed: () => parsed,
    asked: () => asked,
    cleanup: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresCounted(baseUrl: string): Promise<Counted> {
  const { url, drop } = await throwAwaySchema(baseUrl, "p");
  // Two connections: statements are named per connection, so both must come to know them.
  const naming = namingStatements(new pg.Pool({ connectionString: url, max: 2 }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: naming }) });
  await migrateToLatest(db as Kysely<unknown>, "postgres");
  naming.enable();
  return {
    store: kyselyStore(db, "postgres"),
    db,
    parsed: () => naming.stats.parsed,
    asked: () => naming.stats.named,
    cleanup: async () => {
      await db.destroy();
      await drop();
    },
  };
}

const databases: Array<{ name: string; open: () => Promise<Counted> }> = [
  { name: "sqlite", open: sqliteCounted },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "postgres", open: () => postgresCounted(process.env.TEST_DATABASE_URL as string) }]
    : []),
];

describe.each(databases)("prepared statements on $name", (database) => {
  let opened: Counted | undefined;
  afterEach(async () => opened?.cleanup());

  it("prepares a ledger read's statements once, across transactions, a rollback and writes, with fresh results", async () => {
    opened = await database.open();
    const { store } = opened;
    const deps = testDeps(store);
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const read = () => getInspectionLedger(deps, SCOPE_ALL, inspectionId, "2021-06-30");

    // Warm every connection of the pool (PostgreSQL: two reads may land on either connection).
    const first = await read();
    await Promise.all([read(), read(), read()]);
    const warm = opened.parsed();
    const askedBefore = opened.asked();
    const again = await read();
    expect(opened.asked() - askedBefore).toBeGreaterThan(8); // the ledger's statements, all of them reused
    expect(opened.parsed()).toBe(warm);
    expect(again).toEqual(first);

    // A transaction that fails is rolled back; the cached statements still answer, with the data as it was.
    await expect(
      store.transaction(async (tx) => {
        await tx.measures.updateState(first.problems[2]!.measures[0]!.id, 1, {
          state: "closed",
          closedAt: "2021-06-01T00:00:00.000Z",
        });
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect(await read()).toEqual(first);

    // A committed write shows in the next read through the same prepared statements.
    const open = first.problems[2]!.measures[0]!;
    await changeMeasureState(deps, SYSTEM_CALLER, {
      measureId: open.id,
      event: "submit",
      expectedVersion: open.version,
    });
    const parsedBefore = opened.parsed();
    const after = await read();
    expect(after.problems[2]!.measures[0]!.state).toBe("submitted");
    expect(after.counts).toEqual(first.counts); // submitted is still open
    expect(opened.parsed()).toBe(parsedBefore);
  });

  it("reads an org once per transaction, and again in the next one", async () => {
    opened = await database.open();
    const { store } = opened;
    const { unitId } = await createLedger(testDeps(store), SYSTEM_ACTOR, makeLedger());
    const askedBefore = opened.asked();
    const [first, second] = await store.transaction(async (tx) => [
      await tx.orgs.get(SCOPE_ALL, unitId),
      await tx.orgs.get(SCOPE_ALL, unitId),
    ]);
    expect(second).toEqual(first);
    expect(first?.id).toBe(unitId);
    const inOne = opened.asked() - askedBefore;
    await store.transaction(async (tx) => tx.orgs.get(SCOPE_ALL, unitId));
    // begin, one read, commit (on PostgreSQL only the read is named): the second read of the first transaction
    // asked for nothing, and the next transaction reads again.
    expect(opened.asked() - askedBefore - inOne).toBe(inOne);
  });

  it("re-reads a table whose columns changed after its statement was prepared (a migration)", async () => {
    opened = await database.open();
    const { db } = opened;
    const orgs = () => sql<Record<string, unknown>>`select * from orgs order by id`.execute(db);
    await sql`insert into orgs (id, parent_id, kind, name, path) values ('o1', null, 'unit', '单位', '/o1/')`.execute(
      db,
    );
    expect(Object.keys((await orgs()).rows[0] ?? {})).not.toContain("note");
    await sql`alter table orgs add column note text`.execute(db);
    const rows = (await orgs()).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: "o1", note: null });
  });
});
