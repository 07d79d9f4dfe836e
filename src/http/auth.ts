// Sign-in on every request: the session cookie becomes `request.caller`; routes are protected unless their config
// says `public: true`; cookie-authenticated unsafe requests must carry X-CSRF-Token. Refusals are DomainErrors.

import type { FastifyInstance, FastifyRequest } from "fastify";
import { resolveSession, type Session } from "../app/resolve-session.ts";
import type { Deps } from "../app/deps.ts";
import { tokenMatches } from "../app/token-digest.ts";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { SessionTimeouts } from "../domain/sign-in-policy.ts";
import { SESSION_COOKIE, readCookie } from "./cookies.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Answered without sign-in (health, sign-in itself). Every other route requires a session. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in caller, or null. */
    caller: Caller | null;
    /** The session the cookie named, when it is live. */
    session: Session | null;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const unauthenticated = (): DomainError =>
  new DomainError("unauthenticated", "请先登录（未登录或登录已过期）");

/** The caller of a protected route (the hook has already refused requests without one). */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw unauthenticated();
  return request.caller;
}

export function registerAuth(app: FastifyInstance, deps: Deps, timeouts: SessionTimeouts): void {
  app.decorateRequest("caller", null);
  app.decorateRequest("session", null);
  app.addHook("preHandler", async (request) => {
    // The 404/405 answers stay what they are for everybody: they reveal no data.
    if (request.is404) return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token !== undefined) {
      const resolved = await resolveSession(deps, token, timeouts);
      if (resolved) {
        request.caller = resolved.caller;
        request.session = resolved.session;
      }
    }
    const isPublic = request.routeOptions.config.public === true;
    if (request.session !== null && !isPublic && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers["x-csrf-token"];
      if (typeof sent !== "string" || !tokenMatches(sent, request.session.csrfTokenHash)) {
        throw new DomainError(
          "csrf_token_invalid",
          "请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试",
        );
      }
    }
    if (!isPublic && request.caller === null) throw unauthenticated();
  });
}
