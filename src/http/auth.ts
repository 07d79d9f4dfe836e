// Sign-in on every request: an API token (`Authorization: Bearer zg_…`) or else the session cookie becomes
// `request.caller`; routes are protected unless their config says `public: true`; cookie-authenticated unsafe
// requests must carry X-CSRF-Token, read-only tokens may only read. Refusals are DomainErrors.

import type { FastifyInstance, FastifyRequest } from "fastify";
import { resolveApiToken } from "../app/api-tokens.ts";
import { resolveSession } from "../app/resolve-session.ts";
import type { Deps } from "../app/deps.ts";
import { tokenMatches } from "../app/token-digest.ts";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { SessionTimeouts } from "../domain/sign-in-policy.ts";
import { SESSION_COOKIE, readCookie } from "./cookies.ts";

// The storage types, as the use cases hand them over (http does not import storage).
type Session = NonNullable<Awaited<ReturnType<typeof resolveSession>>>["session"];
type ApiToken = NonNullable<Awaited<ReturnType<typeof resolveApiToken>>>["token"];

declare module "fastify" {
  interface FastifyContextConfig {
    /** Answered without sign-in (health, sign-in itself). Every other route requires a session. */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in caller, or null. */
    caller: Caller | null;
    /** The session the cookie named, when it is live (never with an API token). */
    session: Session | null;
    /** The API token the request was authenticated with, or null. */
    apiToken: ApiToken | null;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const READ_METHODS = new Set(["GET", "HEAD"]);

export const unauthenticated = (): DomainError =>
  new DomainError("unauthenticated", "请先登录（未登录或登录已过期）");

/** The secret of an `Authorization: Bearer …` header, or undefined for no header or another scheme. */
export function bearerSecret(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/**
 * The session of a cookie-authenticated request. Some acts (a new API token, a new password) need a person at a
 * browser: a token must not be able to outlive itself or take the account over.
 */
export function sessionOf(request: FastifyRequest): Session {
  if (request.session === null) {
    throw new DomainError("session_required", "此操作需要登录后在页面上进行，不能使用 API 令牌");
  }
  return request.session;
}

/** The caller of a protected route (the hook has already refused requests without one). */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw unauthenticated();
  return request.caller;
}

export function registerAuth(app: FastifyInstance, deps: Deps, timeouts: SessionTimeouts): void {
  app.decorateRequest("caller", null);
  app.decorateRequest("session", null);
  app.decorateRequest("apiToken", null);
  app.addHook("preHandler", async (request) => {
    // The 404/405 answers stay what they are for everybody: they reveal no data.
    if (request.is404) return;
    const isPublic = request.routeOptions.config.public === true;
    const secret = bearerSecret(request.headers.authorization);
    if (secret !== undefined && !isPublic) {
      // A bearer request carries its credential explicitly, so it needs no CSRF token; the cookie is ignored.
      const resolved = await resolveApiToken(deps, secret);
      if (!resolved) throw new DomainError("token_invalid", "API 令牌无效、已撤销或已过期");
      request.caller = { ...resolved.caller, requestId: request.id };
      request.apiToken = resolved.token;
      if (resolved.token.readOnly && !READ_METHODS.has(request.method)) {
        throw new DomainError("token_read_only", "该 API 令牌为只读令牌，只能查询，不能修改数据");
      }
      return;
    }
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token !== undefined) {
      const resolved = await resolveSession(deps, token, timeouts);
      if (resolved) {
        request.caller = { ...resolved.caller, requestId: request.id };
        request.session = resolved.session;
      }
    }
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
