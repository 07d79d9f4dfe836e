// Resolving an org by name is race-free on PostgreSQL: two transactions creating the same new unit both get it.
// (SQLite write transactions begin as writers, so there the second simply waits; see concurrent-writers.test.ts.)

import { describe, expect, it } from "vitest";
import { orgResolver } from "../../src/app/resolve-orgs.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { testDatabases } from "../support/test-stores.ts";

const postgres = testDatabases.filter((d) => d.name === "postgres");
const counting = (prefix: string) => {
  let n = 0;
  return { next: (kind: string) => `${kind}${prefix}${++n}` };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
