// 销号趋势 over HTTP on both databases: a measure closed through the review cycle counts in its Shanghai week; what an
// import carried in as done does not; another unit's office sees nothing of it.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("closures per week over HTTP on $name", (database) => {
  let t: TestApp;
  let office: SignedInUser;
  let leader: SignedInUser;
  let stranger: SignedInUser;
  let measureId: string;
  let inspectionId: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    // A measure already closed when the ledger was created: not a closure made here.
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({ measures: [makeMeasure(), makeMeasure({ text: "修订公务接待管理办法" })] }),
          makeProblem({ title: "四风问题依然存在", measures: [makeMeasure({ state: "closed" })] }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const unitId = created.unitId;
    const other = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    office = await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
    leader = await signedInUser(t, "leader", { role: "unit_leader", orgId: unitId });
    stranger = await signedInUser(t, "stranger", { role: "unit_office", orgId: other.unitId });
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    measureId = measures.find((m) => m.state === "in_progress")!.id;
  });
  afterEach(async () => t.close());

  const trend = async (user: SignedInUser, query = "") => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/statistics/closures${query}`,
      headers: user.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ asOf: string; weeks: { weekStart: string; closed: number }[] }>();
  };
  const event = async (user: SignedInUser, body: object) => {
    const version = Number(
      JSON.parse(
        String(
          (await t.app.inject({ method: "GET", url: `/api/v1/measures/${measureId}`, headers: user.headers }))
            .headers.etag,
        ),
      ),
    );
    const res = await t.app.inject({
      method: "POST",
      url: `/api/v1/measures/${measureId}/events`,
      payload: body,
      headers: { ...user.headers, "if-match": `"${version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it("counts a measure closed by review in its week, not the imported closed ones, only in scope", async () => {
    const before = await trend(office);
    // The test clock starts on Wednesday 2021-06-30, 16:00 in Shanghai.
    expect(before.asOf).toBe("2021-06-30");
    expect(before.weeks).toHaveLength(12);
    expect(before.weeks.at(-1)).toEqual({ weekStart: "2021-06-28", closed: 0 });
    expect(before.weeks.reduce((n, w) => n + w.closed, 0)).toBe(0);

    await event(office, { event: "submit" });
    t.clock.advanceMinutes(5);
    await event(leader, { event: "close" });

    const after = await trend(office, "?weeks=2");
    expect(after.weeks).toEqual([
      { weekStart: "2021-06-21", closed: 0 },
      { weekStart: "2021-06-28", closed: 1 },
    ]);
    expect((await trend(stranger)).weeks.reduce((n, w) => n + w.closed, 0)).toBe(0);

    // A measure closed without a review — as an import into an existing ledger closes its done rows — is not a
    // closure made here, whenever it happened.
    t.clock.advanceMinutes(5);
    const [open] = (await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId)).filter(
      (m) => m.state !== "closed" && m.id !== measureId,
    );
    await t.deps.store.transaction((tx) =>
      tx.measures.updateState(open!.id, open!.version, {
        state: "closed",
        closedAt: "2021-06-30T08:10:00.000Z",
        submissions: open!.submissions,
      }),
    );
    expect((await trend(office, "?weeks=1")).weeks).toEqual([{ weekStart: "2021-06-28", closed: 1 }]);
  });

  it("refuses a number of weeks outside 1–52 in Chinese", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/statistics/closures?weeks=99",
      headers: office.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("weeks 应为 1 到 52 的整数");
  });
});
