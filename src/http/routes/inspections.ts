// Inspections for the signed-in caller: a page of the list with each one's counts, the totals over all of them, and
// one inspection's ledger (each measure with its warning state), all within the caller's scope (outside it answers 404, as if it did not exist).
// Work is bounded per request: a page is at most 200 inspections, and no further query starts once the client left.

import { callerScope } from "../../app/account-access.ts";
import { listInspections } from "../../app/list-inspections.ts";
import { getWarnedLedger } from "../../app/measure-warnings.ts";
import { summarizeInspections } from "../../app/summarize-inspections.ts";
import type { CalendarDeps } from "../../app/working-calendar.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import { unlessClientGone } from "../client-gone.ts";
import type { ContractRouter } from "../contract-route.ts";

const roundFilter = (round: string | undefined) => (round ? { roundLabel: round } : {});

export function inspectionRoutes(route: ContractRouter, deps: CalendarDeps): void {
  route(API.listInspections, async ({ request, reply, query }) =>
    unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      return listInspections(deps, scope, {
        filter: roundFilter(query.round),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
        signal,
      });
    }),
  );

  // Totals over every inspection in scope: its cost grows with the whole ledger, so the list leaves it out.
  route(API.summarizeInspections, async ({ request, reply, query }) =>
    unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      signal.throwIfAborted();
      return summarizeInspections(
        deps,
        scope,
        { includeExamples: true, ...roundFilter(query.round) },
        query.asOf,
      );
    }),
  );

  route(API.getLedger, async ({ request, reply, params, query }) =>
    unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      signal.throwIfAborted();
      return getWarnedLedger(deps, scope, params.id, query.asOf, query.firstMeasures);
    }),
  );
}
