// Read-only inspections until the API issue lands: the list with counts, and one inspection's ledger.

import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Deps } from "../../app/deps.ts";
import { getInspectionLedger } from "../../app/get-inspection-ledger.ts";
import { summarizeInspections } from "../../app/summarize-inspections.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { calendarDateSchema } from "../../shared/validation.ts";
import { parseInput } from "../../shared/validation.ts";

const listQuery = z.object({ asOf: calendarDateSchema.optional(), round: z.string().optional() });
const ledgerParams = z.object({ id: z.string().min(1).max(100) });

// Until sign-in exists the server binds to loopback only and every caller sees everything (SCOPE_ALL).
export function inspectionRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/inspections", { config: { public: true } }, async (request) => {
    const query = parseInput(listQuery, request.query, "查询参数");
    return summarizeInspections(
      deps,
      SCOPE_ALL,
      { includeExamples: true, ...(query.round ? { roundLabel: query.round } : {}) },
      query.asOf,
    );
  });

  app.get("/api/v1/inspections/:id/ledger", { config: { public: true } }, async (request) => {
    const { id } = parseInput(ledgerParams, request.params, "路径参数");
    const query = parseInput(listQuery, request.query, "查询参数");
    return getInspectionLedger(deps, SCOPE_ALL, id, query.asOf);
  });
}
