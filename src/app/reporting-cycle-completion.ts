// 完成率 and 按期完成率 of the measures the caller sees (examples left out), extended measures counted apart: the
// dashboard's completion card. Measures are read a keyset page at a time, so memory holds one page, not the scope.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import {
  countCompletion,
  type CompletionCounts,
  type MeasureCompletionFacts,
} from "../domain/deadline-warning.ts";
import type { Measure } from "../domain/measure.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";

const PAGE = 5_000;

export interface ScopeCompletion {
  readonly asOf: CalendarDate;
  readonly completion: CompletionCounts;
}

export async function summarizeCompletion(deps: Deps, caller: Caller): Promise<ScopeCompletion> {
  const asOf = deps.clock.today();
  return deps.store.snapshot(async (tx) => {
    const scope = await callerScope(tx, caller);
    const facts: MeasureCompletionFacts[] = [];
    let after: Measure | undefined;
    for (;;) {
      const rows = await tx.measures.page(
        scope,
        { withoutExamples: true },
        { limit: PAGE, ...(after ? { after: { deadline: after.deadline, id: after.id } } : {}) },
      );
      for (const m of rows) {
        facts.push({
          kind: m.kind,
          state: m.state,
          deadline: m.deadline,
          originalDeadline: m.originalDeadline,
          closedAt: m.closedAt,
        });
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
    }
    return { asOf, completion: countCompletion(facts) };
  });
}
