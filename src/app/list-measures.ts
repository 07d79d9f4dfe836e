// A page of the measures the caller may see ("my measures" for a department reporter), filtered by inspection,
// department, state or overdue, in deadline order with an opaque keyset cursor.

import type { Caller } from "../domain/account.ts";
import type { Measure, MeasureState } from "../domain/measure.ts";
import type { MeasureFilter } from "../storage/store.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";
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
  readonly items: readonly Measure[];
  readonly nextCursor: string | null;
}

export async function listMeasures(
  deps: Deps,
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
  };
  const scope = await callerScope(deps.store, caller);
  const rows = await deps.store.measures.page(scope, filter, {
    limit: limit + 1,
    ...(after ? { after: { deadline: after.date, id: after.id } } : {}),
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeKeyset({ date: last.deadline, id: last.id }) : null,
  };
}
