// Statements compiled once (src/storage/kysely/fixed-statement.ts) run with the values of each call, on the database
// and inside transactions, with constants kept where they were built; a value with no place in the SQL is refused.

import { sql, type Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/kysely/db-schema.ts";
import { fixedStatement } from "../../src/storage/kysely/fixed-statement.ts";
import { migrateToLatest } from "../../src/storage/kysely/migrate.ts";
import { openDatabase } from "../../src/storage/kysely/open-database.ts";
import { freshDatabases } from "../support/fresh-databases.ts";

const orgNamed = fixedStatement(2, (db, id: string, kind: string) =>
  db
    .selectFrom("orgs")
    .select(["id", "name"])
    .where("id", "=", id)
    .where("kind", "=", kind)
    .where("parent_id", "is", null)
    .where(sql<boolean>`length(name) > ${0}`),
);
const renameTwice = fixedStatement(2, (db, name: string, id: string) =>
  db.updateTable("orgs").set({ name }).where("id", "=", id).where("name", "!=", name),
);

describe.each(freshDatabases())("fixed statements on $name", (database) => {
  let db: Kysely<Database>;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const fresh = await database.open();
    const opened = await openDatabase(fresh.target);
    db = opened.db;
    await migrateToLatest(db as Kysely<unknown>, opened.dialect);
    opened.prepareStatements();
    cleanup = async () => {
      await db.destroy();
      await fresh.cleanup();
    };
    await db
      .insertInto("orgs")
      .values([
        { id: "a", parent_id: null, kind: "unit", name: "市文联党组", path: "/a/" },
        { id: "b", parent_id: null, kind: "unit", name: "市科协党组", path: "/b/" },
        { id: "c", parent_id: null, kind: "oversight", name: "市委巡察办", path: "/c/" },
      ])
      .execute();
  });
  afterEach(async () => cleanup());

  it("answers each call with its own values, in and out of transactions", async () => {
    expect((await orgNamed(db, "a", "unit")).rows).toEqual([{ id: "a", name: "市文联党组" }]);
    expect((await orgNamed(db, "b", "unit")).rows).toEqual([{ id: "b", name: "市科协党组" }]);
    expect((await orgNamed(db, "c", "unit")).rows).toEqual([]);
    await db.transaction().execute(async (tx) => {
      expect(Number((await renameTwice(tx, "市文联", "a")).numAffectedRows)).toBe(1);
      expect((await orgNamed(tx, "a", "unit")).rows).toEqual([{ id: "a", name: "市文联" }]);
      expect(Number((await renameTwice(tx, "市文联", "a")).numAffectedRows)).toBe(0);
    });
    expect((await orgNamed(db, "c", "oversight")).rows).toEqual([{ id: "c", name: "市委巡察办" }]);
  });

  it("refuses a statement that leaves a value out", async () => {
    const careless = fixedStatement(2, (q, id: string, _kind: string) =>
      q.selectFrom("orgs").select("id").where("id", "=", id),
    );
    await expect(careless(db, "a", "b")).rejects.toThrow(/without a place for value 1/);
  });
});
