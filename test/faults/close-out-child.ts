// Child process of the fault tests: closes out (对账销号) every open, non-long-term measure of every ledger,
// each as submit → close, one transaction per step, through the real use case and store. The fault hooks
// (ZG_KILL_AT_STATEMENT…) apply; the database comes from DATABASE_URL / ZHENGGAI_DATA as for the CLI.

import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { reportStatements } from "../support/fault-hooks.ts";
import { changeMeasureState } from "../../src/app/change-measure-state.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { readConfig } from "../../src/config.ts";
import { withDeps } from "../../src/main.ts";

let closed = 0;
await withDeps(readConfig(), async (deps) => {
  for (const inspection of await deps.store.inspections.list(SCOPE_ALL, { includeExamples: true })) {
    for (const measure of await deps.store.measures.listByInspection(SCOPE_ALL, inspection.id)) {
      if (measure.kind === "long_term" || measure.state === "closed") continue;
      let version = measure.version;
      for (const event of measure.state === "submitted"
        ? (["close"] as const)
        : (["submit", "close"] as const)) {
        version = (
          await changeMeasureState(deps, SYSTEM_CALLER, {
            measureId: measure.id,
            event,
            expectedVersion: version,
          })
        ).version;
      }
      closed += 1;
    }
  }
});
process.stdout.write(`${JSON.stringify({ closed })}\n`);
reportStatements();
