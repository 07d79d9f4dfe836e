// One page of the inspections in scope with each one's counts; the work follows the page, not the whole ledger.
// The cursor is opaque to clients: a keyset position (feedback date, id) in list order.

import type { CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Inspection } from "../domain/inspection.ts";
import { countLedger, countLedgerBy, type LedgerCounts } from "../domain/ledger-statistics.ts";
import type { Scope } from "../domain/scope.ts";
import type { InspectionCursor, InspectionFilter } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { decodeKeyset, encodeKeyset } from "./keyset-cursor.ts";
import { INSPECTION_PAGE_MAX } from "../shared/page-limits.ts";

export const INSPECTION_PAGE_DEFAULT = 50;

export interface InspectionSummary {
  readonly inspection: Inspection;
  readonly counts: LedgerCounts;
}

export interface InspectionPage {
  readonly asOf: CalendarDate;
  readonly items: readonly InspectionSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface ListInspectionsOptions {
  readonly filter?: InspectionFilter;
  /** From a previous page's nextCursor; absent for the first page. */
  readonly cursor?: string;
  /** 1 … INSPECTION_PAGE_MAX, default INSPECTION_PAGE_DEFAULT. */
  readonly limit?: number;
  readonly asOf?: CalendarDate;
  /** Aborted when nobody waits for the answer any more: no further query is started. */
  readonly signal?: AbortSignal;
}

/** Example ledgers are listed with their counts (they are part of what a caller may open). */
export async function listInspections(
  deps: Deps,
  scope: Scope,
  options: ListInspectionsOptions = {},
): Promise<InspectionPage> {
  const limit = options.limit ?? INSPECTION_PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 1 || limit > INSPECTION_PAGE_MAX)
    throw new DomainError("invalid_input", `每页条数应为 1 至 ${INSPECTION_PAGE_MAX} 的整数`, [
      { path: "limit", code: "too_big", message: `应为 1 至 ${INSPECTION_PAGE_MAX} 的整数` },
    ]);
  const after = options.cursor === undefined ? null : decodeInspectionCursor(options.cursor);
  const asOf = options.asOf ?? deps.clock.today();
  const filter = { includeExamples: true, ...options.filter };
  options.signal?.throwIfAborted();
  const [listed, tallies] = await deps.store.snapshot(async (store) => {
    // One more than asked for tells whether a next page exists.
    const page = await store.inspections.page(scope, filter, { after, limit: limit + 1 });
    const shown = page.slice(0, limit);
    options.signal?.throwIfAborted();
    const counted = await store.statistics.problemTallies(scope, {
      inspectionIds: shown.map((i) => i.id),
      on: asOf,
    });
    return [page, counted] as const;
  });
  const shown = listed.slice(0, limit);
  const byInspection = countLedgerBy(tallies, (t) => t.inspectionId);
  const last = shown.at(-1);
  return {
    asOf,
    items: shown.map((inspection) => ({
      inspection,
      counts: byInspection.get(inspection.id) ?? countLedger([]),
    })),
    nextCursor:
      listed.length > limit && last !== undefined
        ? encodeInspectionCursor({ feedbackDate: last.feedbackDate, id: last.id })
        : null,
  };
}

/** The opaque cursor after `cursor` in list order (the same encoding as every keyset list, keyset-cursor.ts). */
export const encodeInspectionCursor = (cursor: InspectionCursor): string =>
  encodeKeyset({ date: cursor.feedbackDate, id: cursor.id });

/** The position a cursor names; a cursor that was not made by encodeInspectionCursor is refused. */
export function decodeInspectionCursor(cursor: string): InspectionCursor {
  const { date, id } = decodeKeyset(cursor);
  return { feedbackDate: date, id };
}
