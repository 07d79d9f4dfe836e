// Inspections for the signed-in caller: a page of the list with each one's counts, the totals over all of them, and
// one inspection's ledger, all within the caller's scope (outside it answers 404, as if it did not exist).
// Work is bounded per request: a page is at most 200 inspections, and no further query starts once the client left.

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { callerScope } from "../../app/account-access.ts";
import type { Deps } from "../../app/deps.ts";
import { getInspectionLedger } from "../../app/get-inspection-ledger.ts";
import { INSPECTION_PAGE_MAX, listInspections } from "../../app/list-inspections.ts";
import { summarizeInspections } from "../../app/summarize-inspections.ts";
import { calendarDateSchema, parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";
import { unlessClientGone } from "../client-gone.ts";

const asOfQuery = z.object({ asOf: calendarDateSchema.optional() });
const summaryQuery = asOfQuery.extend({ round: z.string().max(100).optional() });
const listQuery = summaryQuery.extend({
  cursor: z.string().max(400, { error: "翻页游标无效或已损坏" }).optional(),
  limit: z.coerce.number().int().min(1).max(INSPECTION_PAGE_MAX).optional(),
});
const ledgerParams = z.object({ id: z.string().min(1).max(100) });

const roundFilter = (round: string | undefined) => (round ? { roundLabel: round } : {});

export function inspectionRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/inspections", async (request, reply) => {
    const query = parseInput(listQuery, request.query, "查询参数");
    return unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      return listInspections(deps, scope, {
        filter: roundFilter(query.round),
        ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
        ...(query.limit === undefined ? {} : { limit: query.limit }),
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
        signal,
      });
    });
  });

  // Totals over every inspection in scope: its cost grows with the whole ledger, so the list leaves it out.
  app.get("/api/v1/inspections/summary", async (request, reply) => {
    const query = parseInput(summaryQuery, request.query, "查询参数");
    return unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      signal.throwIfAborted();
      return summarizeInspections(
        deps,
        scope,
        { includeExamples: true, ...roundFilter(query.round) },
        query.asOf,
      );
    });
  });

  app.get("/api/v1/inspections/:id/ledger", async (request, reply) => {
    const { id } = parseInput(ledgerParams, request.params, "路径参数");
    const query = parseInput(asOfQuery, request.query, "查询参数");
    return unlessClientGone(request, reply, async (signal) => {
      const scope = await callerScope(deps.store, callerOf(request));
      signal.throwIfAborted();
      return getInspectionLedger(deps, scope, id, query.asOf);
    });
  });
}
