// A long-term measure closes a stage and carries on (长期坚持): reopening it for the next stage keeps its problem
// 基本完成、持续深化 instead of flipping it back to 正在推进; the counts follow.

import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { describe, expect, it } from "vitest";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

describe.each(testDatabases)("long-term stages on $name", (database) => {
  it("keeps a problem long-term while its long-term measure works on the next stage, and in progress before any stage closed", async () => {
    const { store, cleanup } = await database.open();
    try {
      const deps = testDeps(store);
      const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
      const problemOf = async () => {
        const ledger = await getInspectionLedger(deps, SCOPE_ALL, inspectionId, "2021-06-30");
        return { ledger, problem: ledger.problems.find((p) => p.title === "党建工作质量不高")! };
      };
      const before = await problemOf();
      expect(before.problem.status).toBe("long_term");
      const measure = before.problem.measures[0]!;

      await changeMeasureState(deps, SYSTEM_CALLER, {
        measureId: measure.id,
        event: "reopen_stage",
        expectedVersion: measure.version,
      });
      const reopened = await problemOf();
      expect(reopened.problem.measures[0]!.state).toBe("in_progress");
      expect(reopened.problem.status).toBe("long_term");
      expect(reopened.ledger.counts).toEqual(before.ledger.counts);

      // A long-term measure that never closed a stage is simply still open.
      const fresh = await createLedger(
        deps,
        SYSTEM_ACTOR,
        makeLedger({
          unitName: "市科协党组",
          problems: [
            {
              title: "长期任务尚未完成首个阶段",
              aspect: "党的建设",
              measures: [{ text: "建立长效机制", kind: "long_term", state: "in_progress", deadline: null }],
            },
          ],
        }),
      );
      const other = await getInspectionLedger(deps, SCOPE_ALL, fresh.inspectionId, "2021-06-30");
      expect(other.problems[0]!.status).toBe("in_progress");
    } finally {
      await cleanup();
    }
  });
});
