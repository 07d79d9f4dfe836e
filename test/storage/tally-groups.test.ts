// The overview's totals come from tallies grouped in the database (store.totals.tallyGroups): they must equal the
// counts derived from one tally per problem, for every scope shape and filter, on both databases.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR, type Deps } from "../../src/app/deps.ts";
import { summarizeInspections } from "../../src/app/summarize-inspections.ts";
import { countLedger } from "../../src/domain/ledger-statistics.ts";
import { SCOPE_ALL, scopeOf, type Scope } from "../../src/domain/scope.ts";
import type { InspectionFilter, Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("overview totals grouped in the database on $name", (database) => {
  let store: Store;
  let deps: Deps;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    deps = testDeps(store);
  });
  afterEach(async () => cleanup());

  /** The totals as derived from one tally per problem, filtered in memory: what the grouped query must equal. */
  async function perProblemTotals(scope: Scope, filter: InspectionFilter, on: string) {
    const counted = new Set(
      (await store.inspections.list(scope, { ...filter, includeExamples: false })).map((i) => i.id),
    );
    const tallies = await store.statistics.problemTallies(scope, { on, includeExamples: false });
    return countLedger(tallies.filter((t) => counted.has(t.inspectionId)));
  }

  async function threeLedgers() {
    const a = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const b = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({
        unitName: "市科协党组",
        inspection: { ...makeLedger().inspection, roundLabel: "十四届市委第九轮" },
        problems: [
          makeProblem({ title: "尚无措施的问题", measures: [] }),
          makeProblem({
            title: "财务科的问题",
            measures: [
              makeMeasure({ department: "财务科", deadline: "2021-04-30" }),
              makeMeasure({ department: "财务科", state: "closed", kind: "long_term", deadline: null }),
              makeMeasure({ department: "办公室", state: "closed" }),
            ],
          }),
          makeProblem({
            title: "办公室的问题",
            measures: [makeMeasure({ state: "closed" }), makeMeasure({ state: "closed" })],
          }),
        ],
      }),
    );
    const example = makeLedger({ unitName: "示例单位" });
    await createLedger(deps, SYSTEM_ACTOR, {
      ...example,
      inspection: { ...example.inspection, isExample: true },
    });
    const orgs = await store.orgs.list(SCOPE_ALL);
    const pathOf = (name: string, parentId?: string) =>
      orgs.find((o) => o.name === name && (parentId === undefined || o.parentId === parentId))?.path ?? "";
    return {
      unitA: pathOf("市文联党组"),
      financeB: pathOf("财务科", b.unitId),
      oversight: pathOf("市委巡察办"),
      a,
    };
  }

  it("equals the per-problem counts for every scope shape, round filter and date", async () => {
    const paths = await threeLedgers();
    const scopes: Array<[string, Scope]> = [
      ["all", SCOPE_ALL],
      ["one unit", scopeOf([paths.unitA])],
      ["the oversight office", scopeOf([paths.oversight])],
      ["one department only", scopeOf([], [paths.financeB])],
      ["a unit and another unit's department", scopeOf([paths.unitA], [paths.financeB])],
      ["nothing", scopeOf([])],
    ];
    const filters: InspectionFilter[] = [{}, { roundLabel: "十四届市委第九轮" }, { roundLabel: "无此轮次" }];
    let nonEmpty = 0;
    for (const [name, scope] of scopes)
      for (const filter of filters)
        for (const on of ["2021-03-01", "2021-06-30"]) {
          const expected = await perProblemTotals(scope, filter, on);
          const overview = await summarizeInspections(deps, scope, { includeExamples: true, ...filter }, on);
          expect({ name, filter, on, total: overview.total }).toEqual({ name, filter, on, total: expected });
          if (expected.problems > 0) nonEmpty += 1;
        }
    expect(nonEmpty).toBeGreaterThan(6);
  });

  it("counts a problem without measures as in progress, and leaves examples out", async () => {
    await threeLedgers();
    const overview = await summarizeInspections(deps, SCOPE_ALL, { includeExamples: true }, "2021-06-30");
    expect(overview.inspections).toBe(3);
    // Ledger A: 1 completed, 1 long-term, 1 in progress; ledger B: no measures (in progress), one in progress
    // (an open measure), one completed.
    expect(overview.total).toMatchObject({
      problems: 6,
      completed: 2,
      inProgress: 3,
      longTerm: 1,
      measures: 10,
      closedMeasures: 8,
      overdueMeasures: 2,
    });
  });
});
