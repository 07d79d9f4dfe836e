// GET /api/v1/inspections pages with an opaque cursor in one stable order (feedback date newest first, undated last,
// then id) on both databases; each page carries its own inspections' counts; scope holds on every page.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type TestApp } from "./http-test-app.ts";

interface Page {
  items: Array<{ inspection: { id: string; feedbackDate: string | null }; counts: { problems: number } }>;
  nextCursor: string | null;
}

// Equal dates, a missing date and different problem counts, so that order ties and counts per page both show.
const FEEDBACK_DATES = ["2021-03-04", "2021-05-10", null, "2021-03-04", "2020-12-01", "2021-05-10", null];

describe.each(testDatabases)("the paged inspections list on $name", (database) => {
  let t: TestApp;
  let admin: string;
  let expectedOrder: string[];
  const problemsOf = new Map<string, number>();
  let unitOf: Map<string, string>;

  beforeAll(async () => {
    t = await openTestApp({}, database);
    const created: Array<{ id: string; feedbackDate: string | null; unitId: string }> = [];
    for (const [n, feedbackDate] of FEEDBACK_DATES.entries()) {
      const base = makeLedger({ unitName: `单位${n}` });
      const problems = Array.from({ length: n + 1 }, (_, k) =>
        makeProblem({
          title: `问题${k}`,
          measures: [makeMeasure({ state: k % 2 === 0 ? "closed" : "in_progress" })],
        }),
      );
      const { inspectionId, unitId } = await createLedger(t.deps, SYSTEM_ACTOR, {
        ...base,
        inspection: { ...base.inspection, feedbackDate },
        problems,
      });
      created.push({ id: inspectionId, feedbackDate, unitId });
      problemsOf.set(inspectionId, n + 1);
    }
    unitOf = new Map(created.map((c) => [c.id, c.unitId]));
    const key = (c: { feedbackDate: string | null }) => c.feedbackDate ?? "";
    expectedOrder = [...created]
      .sort((a, b) => (key(a) === key(b) ? (a.id < b.id ? -1 : 1) : key(a) < key(b) ? 1 : -1))
      .map((c) => c.id);
    admin = (await signedInUser(t, "root", { role: "admin", orgId: null })).cookie;
  });
  afterAll(async () => t.close());

  const get = (url: string, cookie = admin) => t.app.inject({ method: "GET", url, headers: { cookie } });
  const walk = async (limit: number, cookie = admin) => {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(
        `/api/v1/inspections?limit=${limit}${cursor === null ? "" : `&cursor=${cursor}`}`,
        cookie,
      );
      expect(res.statusCode).toBe(200);
      const page = res.json<Page>();
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  };

  it("pages through every inspection once, newest feedback first, undated last, ties by id", async () => {
    for (const limit of [1, 3, 7, 200]) {
      const pages = await walk(limit);
      expect(pages).toHaveLength(Math.ceil(FEEDBACK_DATES.length / limit));
      expect(pages.flatMap((p) => p.items.map((i) => i.inspection.id))).toEqual(expectedOrder);
      expect(pages.at(-1)?.nextCursor).toBeNull();
    }
  });

  it("gives each listed inspection its own counts", async () => {
    for (const page of await walk(3))
      for (const item of page.items) expect(item.counts.problems).toBe(problemsOf.get(item.inspection.id));
  });

  it("lists 50 by default and refuses a bad cursor or limit with a Chinese message", async () => {
    expect((await get("/api/v1/inspections")).json<Page>().items).toHaveLength(FEEDBACK_DATES.length);
    for (const cursor of [
      "garbage!",
      "WzEsMl0",
      Buffer.from('["2021-13", 5]').toString("base64url"),
      "x".repeat(500),
    ]) {
      const res = await get(`/api/v1/inspections?cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: "invalid_input", fields: [{ path: "cursor" }] } });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/游标/);
    }
    for (const limit of ["0", "201", "abc", "1.5"]) {
      const res = await get(`/api/v1/inspections?limit=${limit}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: "invalid_input", fields: [{ path: "limit" }] } });
    }
  });

  it("keeps a unit office to its own unit on every page", async () => {
    const own = expectedOrder[2]!;
    const office = await signedInUser(t, "office", { role: "unit_office", orgId: unitOf.get(own)! });
    const pages = await walk(1, office.cookie);
    expect(pages.flatMap((p) => p.items.map((i) => i.inspection.id))).toEqual([own]);
    // A cursor taken from the admin's walk shows the office nothing beyond its own scope.
    const adminFirst = (await get("/api/v1/inspections?limit=1")).json<Page>();
    const after = await get(`/api/v1/inspections?cursor=${adminFirst.nextCursor}`, office.cookie);
    expect(after.json<Page>().items.map((i) => i.inspection.id)).toEqual([own]);
  });

  it("sums every inspection in scope on the summary route", async () => {
    const summary = (await get("/api/v1/inspections/summary")).json<{
      inspections: number;
      total: { problems: number };
    }>();
    expect(summary.inspections).toBe(FEEDBACK_DATES.length);
    expect(summary.total.problems).toBe([...problemsOf.values()].reduce((a, b) => a + b, 0));
  });
});
