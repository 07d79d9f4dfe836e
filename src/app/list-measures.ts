// A page of the measures the caller may see ("my measures" for a department reporter), filtered by inspection,
// department, state or overdue, in deadline order with an opaque keyset cursor.

import type { Caller } from "../domain/account.ts";
import { deadlineWarning, type DeadlineWarning } from "../domain/deadline-warning.ts";
import type { Measure, MeasureState } from "../domain/measure.ts";
import type { WarningBoardOptions } from "../domain/warning-board.ts";
import type { MeasureFilter } from "../storage/store.ts";
import { callerScope } from "./account-access.ts";
import { warningOptions } from "./measure-warnings.ts";
import type { CalendarDeps } from "./working-calendar.ts";
import { decodeKeyset, encodeKeyset } from "./keyset-cursor.ts";
import { MEASURE_PAGE_MAX } from "../shared/page-limits.ts";

export const MEASURE_PAGE_DEFAULT = 50;

export interface MeasureListQuery {
  readonly inspectionId?: string;
  readonly departmentId?: string;
  readonly states?: readonly MeasureState[];
  /** Only measures still open after their deadline on the caller's today (Asia/Shanghai). */
  readonly overdue?: boolean;
  readonly cursor?: string;
  readonly limit?: number;
}

export interface MeasurePage {
  /** Each with its warning level today, judged with its own inspection's deadline profile (督办预警). */
  readonly items: readonly (Measure & { readonly warning: DeadlineWarning })[];
  readonly nextCursor: string | null;
}

export async function listMeasures(
  deps: CalendarDeps,
  caller: Caller,
  query: MeasureListQuery,
): Promise<MeasurePage> {
  const limit = Math.min(query.limit ?? MEASURE_PAGE_DEFAULT, MEASURE_PAGE_MAX);
  const after = query.cursor === undefined ? undefined : decodeKeyset(query.cursor);
  const filter: MeasureFilter = {
    ...(query.inspectionId !== undefined ? { inspectionId: query.inspectionId } : {}),
    ...(query.departmentId !== undefined ? { departmentId: query.departmentId } : {}),
    ...(query.states !== undefined ? { states: query.states } : {}),
    ...(query.overdue ? { overdueOn: deps.clock.today() } : {}),
    // Across inspections the example ledger (示例) is left out, as from every total; asked for by id, it is listed.
    ...(query.inspectionId === undefined ? { withoutExamples: true } : {}),
  };
  const scope = await callerScope(deps.store, caller);
  const rows = await deps.store.measures.page(scope, filter, {
    limit: limit + 1,
    ...(after ? { after: { deadline: after.date, id: after.id } } : {}),
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  // A page spans a few inspections at most: their profiles and the calendar are read once each.
  const today = deps.clock.today();
  const options = new Map<string, Promise<WarningBoardOptions>>();
  const optionsOf = (inspectionId: string) => {
    let found = options.get(inspectionId);
    if (found === undefined) {
      found = warningOptions(deps, deps.store, inspectionId, today);
      options.set(inspectionId, found);
    }
    return found;
  };
  const warned = await Promise.all(
    items.map(async (m) =>
      Object.assign({}, m, { warning: deadlineWarning(m, await optionsOf(m.inspectionId)) }),
    ),
  );
  return {
    items: warned,
    nextCursor: rows.length > limit && last ? encodeKeyset({ date: last.deadline, id: last.id }) : null,
  };
}
