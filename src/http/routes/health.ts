// GET /api/v1/health: the process answers and the database can be read.

import type { Deps } from "../../app/deps.ts";
import { SCOPE_ALL } from "../../domain/scope.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import type { ContractRouter } from "../contract-route.ts";

export function healthRoutes(route: ContractRouter, deps: Deps): void {
  route(API.health, async () => {
    await deps.store.inspections.count(SCOPE_ALL);
    return { status: "ok" as const, database: deps.store.dialect, time: deps.clock.now() };
  });
}
