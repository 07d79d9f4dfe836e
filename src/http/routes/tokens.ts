// API tokens over HTTP: create one for oneself (signed in at a browser; the secret is answered once), list one's
// own (never the secret), revoke (one's own; an admin any).

import { createApiToken, listApiTokens, revokeApiToken } from "../../app/api-tokens.ts";
import type { SessionDeps } from "../../app/session-deps.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function tokenRoutes(route: ContractRouter, deps: SessionDeps): void {
  // The contract's access "session" refuses API tokens before this runs.
  route(API.createToken, async ({ request }) =>
    createApiToken(deps, callerOf(request), (request.body ?? {}) as never),
  );

  route(API.listTokens, async ({ request }) => ({ items: await listApiTokens(deps, callerOf(request)) }));

  route(API.revokeToken, async ({ request, reply, params }) => {
    await revokeApiToken(deps, callerOf(request), { tokenId: params.id });
    return reply.status(204).send();
  });
}
