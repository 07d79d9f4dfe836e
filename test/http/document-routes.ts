// Test helper: the import and download routes on a test app, unless buildApp registers them already.

import type { FastifyInstance } from "fastify";
import type { Deps } from "../../src/app/deps.ts";
import { downloadRoutes } from "../../src/http/routes/downloads.ts";
import { importRoutes } from "../../src/http/routes/imports.ts";

export function addDocumentRoutes(app: FastifyInstance, deps: Deps): void {
  if (!app.hasRoute({ method: "POST", url: "/api/v1/imports" })) importRoutes(app, deps);
  if (!app.hasRoute({ method: "GET", url: "/api/v1/inspections/:id/ledger.xlsx" })) downloadRoutes(app, deps);
}
