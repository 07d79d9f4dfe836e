// GET /api/v1/health: the process answers and the database can be read.

import type { FastifyInstance } from "fastify";
import type { Deps } from "../../app/deps.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";

export function healthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/health", { config: { public: true } }, async () => {
    await deps.store.inspections.count(SCOPE_ALL);
    return { status: "ok", database: deps.store.dialect, time: deps.clock.now() };
  });
}
