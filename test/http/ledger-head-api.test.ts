// GET …/ledger?firstMeasures=N, the ledger's head (the web page's first screen), on both databases: whole problems
// in the order the page draws them, the whole ledger's counts, what is left out counted, scoped like the ledger.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { ledgerRows, NO_LEDGER_FILTERS } from "../../src/web/ledger-rows.ts";
import type { Ledger } from "../../src/web/models.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type TestApp } from "./http-test-app.ts";

const measures = (count: number, department = "办公室") =>
  Array.from({ length: count }, (_, i) => makeMeasure({ text: `措施${i + 1}`, department }));

/** Stored in an order unlike the ledger's: a loose problem first, aspects interleaved, one without measures. */
const ledgerInput = makeLedger({
  aspects: ["第一方面", "第二方面", "第三方面"],
  problems: [
    makeProblem({ title: "无方面问题", aspect: null, measures: measures(2) }),
    makeProblem({ title: "二-1", aspect: "第二方面", measures: measures(3, "财务科") }),
    makeProblem({ title: "一-1", aspect: "第一方面", measures: measures(2) }),
    makeProblem({ title: "三-1", aspect: "第三方面", measures: [] }),
    makeProblem({ title: "一-2", aspect: "第一方面", measures: [...measures(1), ...measures(2, "财务科")] }),
    makeProblem({ title: "二-2", aspect: "第二方面", measures: measures(4) }),
    makeProblem({ title: "三-2", aspect: "第三方面", measures: measures(1, "财务科") }),
  ],
});

describe.each(testDatabases)("the ledger's head on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let unitId: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    ({ inspectionId, unitId } = await createLedger(t.deps, SYSTEM_ACTOR, ledgerInput));
  });
  afterEach(async () => t.close());

  const read = async (cookie: string, query = "") => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger${query}`,
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    return res.json<Ledger>();
  };
  const measureCount = (ledger: Ledger) => ledger.problems.reduce((n, p) => n + p.measures.length, 0);
  /** The page's rows: aspect lines with their figure, problem and measure lines by id. */
  const rowsOf = (ledger: Ledger) =>
    ledgerRows(ledger, NO_LEDGER_FILTERS).rows.map((r) =>
      r.type === "aspect" ? `${r.key}=${r.measures}` : r.key,
    );

  it("answers whole problems in the page's order until the first screen's measures, with the whole ledger's counts", async () => {
    const office = await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
    const whole = await read(office.cookie);
    expect(whole.omitted).toBeUndefined();
    const wholeRows = rowsOf(whole);
    const cases: Array<[number, string[]]> = [
      [1, ["一-1"]],
      [2, ["一-1"]],
      [3, ["一-1", "一-2"]],
      [6, ["一-1", "一-2", "二-1"]],
      [9, ["一-1", "一-2", "二-1", "二-2"]],
      [12, ["一-1", "一-2", "二-1", "二-2"]],
      // A problem without measures adds none: the head goes on past it.
      [13, ["一-1", "一-2", "二-1", "二-2", "三-1", "三-2"]],
    ];
    for (const [firstMeasures, titles] of cases) {
      const head = await read(office.cookie, `?firstMeasures=${firstMeasures}`);
      expect(head.problems.map((p) => p.title)).toEqual(titles);
      expect(head.omitted).toEqual({
        problems: whole.problems.length - titles.length,
        measures: measureCount(whole) - measureCount(head),
      });
      expect({ ...head, problems: [], omitted: undefined }).toEqual({
        ...whole,
        problems: [],
        omitted: undefined,
      });
      // The page draws the head as the first rows of the whole ledger, each aspect with its whole figure.
      const headRows = rowsOf(head);
      expect(wholeRows.slice(0, headRows.length)).toEqual(headRows);
    }
    // Enough for everything: the whole ledger, in one answer, nothing omitted.
    const all = await read(office.cookie, "?firstMeasures=15");
    expect(all.omitted).toBeUndefined();
    expect(rowsOf(all)).toEqual(wholeRows);
  });

  it("cuts only what the caller sees: a department reporter's head and omitted counts are their own", async () => {
    const finance = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "财务科")!;
    const reporter = await signedInUser(t, "cwk", { role: "department_reporter", orgId: finance.id });
    const whole = await read(reporter.cookie);
    const head = await read(reporter.cookie, "?firstMeasures=1");
    expect(measureCount(whole)).toBe(6);
    expect(head.problems.flatMap((p) => p.measures).every((m) => m.departmentId === finance.id)).toBe(true);
    expect(head.counts).toEqual(whole.counts);
    expect(head.omitted).toEqual({
      problems: whole.problems.length - head.problems.length,
      measures: 6 - measureCount(head),
    });
  });

  it("refuses a first screen that is not a whole number from 1 to 1000, in Chinese", async () => {
    const office = await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
    for (const bad of ["0", "1001", "2.5", "abc"]) {
      const res = await t.app.inject({
        method: "GET",
        url: `/api/v1/inspections/${inspectionId}/ledger?firstMeasures=${bad}`,
        headers: { cookie: office.cookie },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        error: { fields: [{ path: "firstMeasures", message: "firstMeasures 应为 1 到 1000 的整数" }] },
      });
    }
  });
});
