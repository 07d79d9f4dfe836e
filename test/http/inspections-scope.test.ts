// The inspections routes require sign-in and answer within the caller's scope, on both databases: an admin sees
// every unit, a unit office sees its own unit and gets 404 for another's, a signed-out request gets 401.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("inspections in the caller's scope on $name", (database) => {
  let t: TestApp;
  let inspectionA: string;
  let inspectionB: string;
  let unitA: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    ({ inspectionId: inspectionA, unitId: unitA } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger()));
    ({ inspectionId: inspectionB } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ unitName: "市科协党组" }),
    ));
  });
  afterEach(async () => t.close());

  const get = (url: string, cookie?: string) =>
    t.app.inject({ method: "GET", url, headers: cookie === undefined ? {} : { cookie } });
  const listedIds = async (cookie: string) => {
    const res = await get("/api/v1/inspections", cookie);
    expect(res.statusCode).toBe(200);
    return res.json<{ items: Array<{ inspection: { id: string } }> }>().items.map((i) => i.inspection.id);
  };

  it("lets an admin see every unit's inspection and ledger", async () => {
    const admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    expect((await listedIds(admin.cookie)).sort()).toEqual([inspectionA, inspectionB].sort());
    expect((await get(`/api/v1/inspections/${inspectionB}/ledger`, admin.cookie)).statusCode).toBe(200);
  });

  it("shows a unit office its own unit's inspection and answers 404 for another unit's", async () => {
    const office = await signedInUser(t, "office.a", { role: "unit_office", orgId: unitA });
    expect(await listedIds(office.cookie)).toEqual([inspectionA]);
    const own = await get(`/api/v1/inspections/${inspectionA}/ledger`, office.cookie);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ unit: { name: "市文联党组" } });
    const other = await get(`/api/v1/inspections/${inspectionB}/ledger`, office.cookie);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({
      error: { code: "inspection_not_found", message: "未找到该巡察（或无权查看）" },
    });
    const overview = (await get("/api/v1/inspections/summary", office.cookie)).json<{
      inspections: number;
      total: { problems: number };
    }>();
    expect(overview).toMatchObject({ inspections: 1, total: { problems: 3 } });
  });

  it("shows nothing to an account without grants", async () => {
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL, { kind: "unit" });
    const bare = await signedInUser(t, "bare", { role: "viewer", orgId: orgs[0]?.id ?? "" });
    const user = await t.deps.store.users.findByLogin("bare");
    for (const g of await t.deps.store.grants.listByUser(user?.id ?? ""))
      await t.deps.store.grants.delete(g.id);
    expect(await listedIds(bare.cookie)).toEqual([]);
  });

  it("answers 401 to a signed-out request, and health stays public", async () => {
    for (const url of [
      "/api/v1/inspections",
      "/api/v1/inspections/summary",
      `/api/v1/inspections/${inspectionA}/ledger`,
    ]) {
      const res = await get(url);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ error: { code: "unauthenticated" } });
    }
    expect((await get("/api/v1/health")).statusCode).toBe(200);
  });
});
