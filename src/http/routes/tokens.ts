// API tokens over HTTP: create one for oneself (signed in at a browser; the secret is answered once), list one's
// own (never the secret), revoke (one's own; an admin any).

import type { FastifyInstance } from "fastify";
import { createApiToken, listApiTokens, revokeApiToken } from "../../app/api-tokens.ts";
import type { SessionDeps } from "../../app/session-deps.ts";
import { idParamSchema } from "../../shared/admin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf, sessionOf } from "../auth.ts";

export function tokenRoutes(app: FastifyInstance, deps: SessionDeps): void {
  app.post("/api/v1/tokens", async (request, reply) => {
    sessionOf(request);
    const created = await createApiToken(deps, callerOf(request), (request.body ?? {}) as never);
    return reply.status(201).send(created);
  });

  app.get("/api/v1/tokens", async (request) => ({ items: await listApiTokens(deps, callerOf(request)) }));

  app.delete("/api/v1/tokens/:id", async (request, reply) => {
    const { id } = parseInput(idParamSchema, request.params, "路径参数");
    await revokeApiToken(deps, callerOf(request), { tokenId: id });
    return reply.status(204).send();
  });
}
