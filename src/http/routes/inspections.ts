// Inspections for the signed-in caller: the list with counts, and one inspection's ledger, both within the caller's
// scope (outside it answers 404, as if it did not exist).

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { callerScope } from "../../app/account-access.ts";
import type { Deps } from "../../app/deps.ts";
import { getInspectionLedger } from "../../app/get-inspection-ledger.ts";
import { summarizeInspections } from "../../app/summarize-inspections.ts";
import { calendarDateSchema } from "../../shared/validation.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";

const listQuery = z.object({ asOf: calendarDateSchema.optional(), round: z.string().optional() });
const ledgerParams = z.object({ id: z.string().min(1).max(100) });

export function inspectionRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/inspections", async (request) => {
    const query = parseInput(listQuery, request.query, "查询参数");
    const scope = await callerScope(deps.store, callerOf(request));
    return summarizeInspections(
      deps,
      scope,
      { includeExamples: true, ...(query.round ? { roundLabel: query.round } : {}) },
      query.asOf,
    );
  });

  app.get("/api/v1/inspections/:id/ledger", async (request) => {
    const { id } = parseInput(ledgerParams, request.params, "路径参数");
    const query = parseInput(listQuery, request.query, "查询参数");
    const scope = await callerScope(deps.store, callerOf(request));
    return getInspectionLedger(deps, scope, id, query.asOf);
  });
}
