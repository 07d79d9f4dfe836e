// Migrations are atomic and serialised: an interrupted one leaves the previous schema, concurrent starters wait.

import { sql, type Kysely, type Migration } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/storage/kysely/migrate.ts";
import { MIGRATIONS } from "../../src/storage/kysely/migrations/index.ts";
import { openDatabase } from "../../src/storage/kysely/open-database.ts";
import { runCliChild } from "../support/cli-process.ts";
import { databaseUrlOf, freshDatabases } from "../support/fresh-databases.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const databases = freshDatabases();

async function tableExists(
  db: Kysely<unknown>,
  dialect: "sqlite" | "postgres",
  table: string,
): Promise<boolean> {
  const query =
    dialect === "sqlite"
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`
      : sql<{ n: number }>`select count(*)::int as n from information_schema.tables
          where table_schema = current_schema() and table_name = ${table}`;
  const rows = await query.execute(db);
  return Number(rows.rows[0]?.n) > 0;
}

/** A migration that builds part of its schema and then fails, as a kill or a bug would leave it. */
const halfDone: Migration = {
  async up(db) {
    await db.schema
      .createTable("half_done")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .execute();
    await db.schema.createIndex("half_done_id").on("half_done").column("id").execute();
    throw new Error("interrupted");
  },
};

describe.each(databases)("migrations on $name", (database) => {
  it("leaves the previous schema intact when a migration fails mid-way, and the next start completes", async () => {
    const { target, cleanup } = await database.open();
    cleanups.push(cleanup);
    const { db, dialect } = await openDatabase(target);
    try {
      const first = { "0001-ledger-core": MIGRATIONS["0001-ledger-core"]! };
      await expect(
        migrateToLatest(db as Kysely<unknown>, dialect, { ...first, "0002-half-done": halfDone }),
      ).rejects.toThrow(/interrupted/);
      expect(await tableExists(db as Kysely<unknown>, dialect, "orgs")).toBe(true);
      expect(await tableExists(db as Kysely<unknown>, dialect, "half_done")).toBe(false);
      const done = await sql<{ name: string }>`select name from schema_migrations`.execute(db);
      expect(done.rows.map((r) => r.name)).toEqual(["0001-ledger-core"]);

      const applied = await migrateToLatest(db as Kysely<unknown>, dialect);
      expect(applied).toEqual(Object.keys(MIGRATIONS).slice(1));
      expect(await migrateToLatest(db as Kysely<unknown>, dialect)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("refuses a database migrated by a newer zhenggai instead of guessing its schema", async () => {
    const { target, cleanup } = await database.open();
    cleanups.push(cleanup);
    const { db, dialect } = await openDatabase(target);
    try {
      await migrateToLatest(db as Kysely<unknown>, dialect);
      await sql`insert into schema_migrations (name, timestamp) values ('9999-from-the-future', 'x')`.execute(
        db,
      );
      await expect(migrateToLatest(db as Kysely<unknown>, dialect)).rejects.toThrow(
        /比本程序新.*9999-from-the-future/,
      );
    } finally {
      await db.destroy();
    }
  });

  it("lets four processes start on one fresh database at once: all succeed, each migration applied once", async () => {
    const { target, cleanup } = await database.open();
    cleanups.push(cleanup);
    const env = { DATABASE_URL: databaseUrlOf(target) };
    const startAt = String(Date.now() + 3_000); // every child loaded and waiting, then all start within 1 ms
    const runs = await Promise.all(
      [1, 2, 3, 4].map(() => runCliChild(["db", "migrate"], { ...env, ZG_START_AT: startAt })),
    );
    for (const run of runs) expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    const { db } = await openDatabase(target);
    try {
      const done = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
      expect(done.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
