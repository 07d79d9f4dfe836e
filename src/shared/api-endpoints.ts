// What the API client needs of each route at run time — its method, its path and the kind of its answer — without
// the route's zod schemas. The web build writes this table into the bundle (vite.config.ts, `__API_ENDPOINTS__`),
// so that the page does not build every schema of the contract before its first request (docs/benchmarks.md,
// "Web UI"); scripts and tests take it from the contract itself with `endpointsOf(API_ROUTES)`.
import type { RouteContract } from "./api-contract.ts";

export interface ApiEndpoint {
  readonly method: RouteContract["method"];
  readonly path: string;
  readonly answer: RouteContract["answer"]["kind"];
}

export type ApiEndpoints<N extends string> = Readonly<Record<N, ApiEndpoint>>;

/** Each route's method, path and kind of answer, under the route's name. */
export function endpointsOf<N extends string>(routes: Readonly<Record<N, RouteContract>>): ApiEndpoints<N> {
  const table = {} as Record<N, ApiEndpoint>;
  for (const name of Object.keys(routes) as N[]) {
    const { method, path, answer } = routes[name];
    table[name] = { method, path, answer: answer.kind };
  }
  return table;
}
