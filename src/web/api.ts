// The one API client of the page: every request goes through the typed client of the shared contract, so the
// page cannot call a route or send a body the server does not know.
import { ApiError, createApiClient } from "../shared/api-client.ts";
import type { ApiEndpoints } from "../shared/api-endpoints.ts";
import type { RouteName } from "../shared/api-routes.ts";
import { takeEarlyResponse } from "./early-requests.ts";

/** Written into the bundle by the build, `endpointsOf(API_ROUTES)` (vite.config.ts `define`). */
declare const __API_ENDPOINTS__: ApiEndpoints<RouteName>;

export const api = createApiClient({
  // The page never evaluates the contract's schemas: they cost its first request ≈ 90 ms of CPU (docs/benchmarks.md).
  endpoints: __API_ENDPOINTS__,
  // The answers main.tsx asked for while the scripts loaded are taken over once, fresh (early-requests.ts). The
  // client always passes the address as a string.
  fetch: (input, init) =>
    (typeof input === "string" ? takeEarlyResponse(input, init?.method ?? "GET") : undefined) ??
    fetch(input, init),
});

/** The server's Chinese message (with its field messages) for an error, or a plain one for a network failure. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    // A rule broken twice (a password that is too short for two checks) is said once.
    const fields = [...new Set(error.fields.map((f) => f.message))].filter(
      (m) => m !== "" && m !== error.message,
    );
    return fields.length > 0 ? `${error.message}：${fields.join("；")}` : error.message;
  }
  return "无法连接服务器，请检查网络后重试";
}

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

export { ApiError };
