// The ledger derives its problems' tallies from the measures it reads: the statuses and counts must be those the
// store aggregates in SQL (statistics.problemTallies) for the same scope and date — whole, unit and department scopes.

import { describe, expect, it } from "vitest";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { countLedger, countLedgerBy } from "../../src/domain/ledger-statistics.ts";
import { deriveProblemStatus } from "../../src/domain/problem-status.ts";
import { SCOPE_ALL, scopeOf, type Scope } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("ledger tallies on $name", (database) => {
  it("gives every problem, aspect and the ledger the counts the store aggregates, in every scope and on every date", async () => {
    const { store, cleanup } = await database.open();
    try {
      const deps = testDeps(store);
      const { inspectionId } = await createLedger(
        deps,
        SYSTEM_ACTOR,
        makeLedger({
          problems: [
            makeProblem({
              title: "两个部门的措施",
              measures: [
                makeMeasure({ deadline: "2021-05-31", department: "办公室" }),
                makeMeasure({ deadline: "2021-07-31", department: "宣传部", state: "closed" }),
                makeMeasure({ deadline: null, department: "宣传部", state: "submitted" }),
              ],
            }),
            makeProblem({
              title: "长期措施",
              aspect: "党的建设",
              measures: [
                makeMeasure({ kind: "long_term", deadline: "2021-03-31", state: "closed" }),
                makeMeasure({
                  kind: "long_term",
                  deadline: null,
                  state: "in_progress",
                  department: "宣传部",
                }),
              ],
            }),
            makeProblem({ title: "尚无措施", measures: [] }),
          ],
        }),
      );
      const first = await getInspectionLedger(deps, SCOPE_ALL, inspectionId, "2021-06-30");
      // A long-term measure that closed a stage and works on the next: carried on, neither open nor overdue-free.
      const longTerm = first.problems.find((p) => p.title === "长期措施")!.measures[0]!;
      await changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: longTerm.id,
        event: "reopen_stage",
        expectedVersion: longTerm.version,
      });
      const unit = await store.orgs.get(SCOPE_ALL, first.unit.id);
      const departments = await store.orgs.list(SCOPE_ALL, { parentId: first.unit.id });
      const office = departments.find((d) => d.name === "办公室")!;
      const scopes: Scope[] = [SCOPE_ALL, scopeOf([unit!.path]), scopeOf([], [office.path])];

      for (const scope of scopes)
        for (const on of ["2021-04-01", "2021-06-30", "2021-08-01"]) {
          const ledger = await getInspectionLedger(deps, scope, inspectionId, on);
          const tallies = await store.statistics.problemTallies(scope, { inspectionId, on });
          const byAspect = countLedgerBy(tallies, (t) => t.aspectId);
          expect(ledger.counts).toEqual(countLedger(tallies));
          expect(ledger.aspects.map((a) => a.counts)).toEqual(
            ledger.aspects.map((a) => byAspect.get(a.id) ?? countLedger([])),
          );
          expect(Object.fromEntries(ledger.problems.map((p) => [p.id, p.status]))).toEqual(
            Object.fromEntries(tallies.map((t) => [t.problemId, deriveProblemStatus(t)])),
          );
        }
      // The department's ledger shows its own measures only, and counts only those.
      const own = await getInspectionLedger(deps, scopes[2]!, inspectionId, "2021-06-30");
      expect(own.counts.measures).toBeLessThan(first.counts.measures);
    } finally {
      await cleanup();
    }
  });
});
