// Sign-in and sign-out: POST/GET/DELETE /api/v1/session, DELETE /api/v1/sessions (everywhere). The cookie carries
// the session token; the CSRF token is returned once, in the sign-in answer.

import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionDeps } from "../../app/session-deps.ts";
import { signIn } from "../../app/sign-in.ts";
import { csrfTokenFor } from "../../app/token-digest.ts";
import { signOut, signOutEverywhere } from "../../app/sign-out.ts";
import { ROLE_LABELS, type Caller } from "../../domain/account.ts";
import type { SessionTimeouts } from "../../domain/sign-in-policy.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from "../cookies.ts";

/** What the client learns about the signed-in person: never a hash, never the token. */
export const presentCaller = (caller: Caller) => ({
  user: caller.user,
  grants: caller.grants.map((g) => ({ ...g, roleLabel: ROLE_LABELS[g.role] })),
});

/** Secure when the request came over https (behind a proxy only with trustProxy, which reads X-Forwarded-Proto). */
const secure = (request: FastifyRequest): boolean => request.protocol === "https";

export function sessionRoutes(route: ContractRouter, deps: SessionDeps, timeouts: SessionTimeouts): void {
  route(API.signIn, async ({ request, reply }) => {
    const signed = await signIn(deps, (request.body ?? {}) as never, timeouts);
    request.log.info({ userId: signed.caller.user.id }, "signed in");
    void reply.header(
      "set-cookie",
      sessionCookie(signed.token, { secure: secure(request), maxAgeSeconds: timeouts.absoluteHours * 3600 }),
    );
    return { ...presentCaller(signed.caller), csrfToken: signed.csrfToken };
  });

  route(API.getSession, ({ request }) => {
    const caller = presentCaller(callerOf(request));
    // A page loaded again gets its session's CSRF token back; a bearer-token caller needs none.
    const token = request.session === null ? undefined : readCookie(request.headers.cookie, SESSION_COOKIE);
    return token === undefined ? caller : { ...caller, csrfToken: csrfTokenFor(token) };
  });

  const signedOut = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .header("set-cookie", clearedSessionCookie({ secure: secure(request) }))
      .status(204)
      .send();

  route(API.signOut, async ({ request, reply }) => {
    const caller = callerOf(request);
    if (request.session) await signOut(deps, caller, { sessionId: request.session.id });
    return signedOut(request, reply);
  });

  route(API.signOutEverywhere, async ({ request, reply }) => {
    await signOutEverywhere(deps, callerOf(request));
    return signedOut(request, reply);
  });
}
