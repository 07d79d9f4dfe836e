// The typed client of /api/v1, for the web UI and scripts: `api.call("getMeasure", { params: { id } })` knows from the
// contract (api-routes.ts) which parameters, body and If-Match a route takes and what it answers. Errors come back as
// ApiError with the server's code and Chinese message. Runs wherever `fetch` does (browsers, Node 20).

import type { z } from "zod";
import type { RouteContract } from "./api-contract.ts";
import type { ApiEndpoints } from "./api-endpoints.ts";
import type { ApiRoutes, RouteName } from "./api-routes.ts";

type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** What a call of route C needs: its path parameters, query, body (or a multipart form) and If-Match version. */
export type RequestOf<C extends RouteContract> = (C["params"] extends z.ZodType
  ? { readonly params: Input<C["params"]> }
  : { readonly params?: undefined }) &
  (C["query"] extends z.ZodType ? { readonly query?: Input<C["query"]> } : { readonly query?: undefined }) &
  (C["body"] extends z.ZodType
    ? C["multipart"] extends object
      ? { readonly body?: Input<C["body"]>; readonly form?: FormData }
      : { readonly body?: Input<C["body"]> }
    : { readonly body?: undefined }) &
  (C["ifMatch"] extends true ? { readonly ifMatch: number } : { readonly ifMatch?: undefined });

/** What route C answers: its JSON (as the contract types it), a file as a Blob, or nothing. */
export type AnswerOfRoute<C extends RouteContract> = C["answer"] extends { kind: "json"; schema: infer S }
  ? S extends z.ZodType
    ? z.output<S>
    : never
  : C["answer"] extends { kind: "file" }
    ? Blob
    : undefined;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly { path: string; code: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiClientOptions {
  /**
   * Each route's method, path and kind of answer: `endpointsOf(API_ROUTES)`, or in the web page the table its build
   * wrote (`__API_ENDPOINTS__`), so that the client does not load the contract's schemas.
   */
  readonly endpoints: ApiEndpoints<RouteName>;
  /** Origin of the server; "" (the default) calls the page's own origin. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** A script's API token (zg_…); a browser signs in with a session cookie instead. */
  readonly token?: string;
}

export interface ApiClient {
  call<N extends RouteName>(name: N, request: RequestOf<ApiRoutes[N]>): Promise<AnswerOfRoute<ApiRoutes[N]>>;
  /** The CSRF token the client sends on writes; set from the sign-in or session answer automatically. */
  csrfToken: string | undefined;
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function urlOf(
  contract: Pick<RouteContract, "path">,
  params: Readonly<Record<string, string>> | undefined,
  query: object | undefined,
) {
  const path = contract.path.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      search.set(key, String(value));
    }
  }
  const qs = search.toString();
  return qs === "" ? path : `${path}?${qs}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: { path: string; code: string; message: string }[] };
    };
    if (body.error?.code !== undefined) {
      return new ApiError(
        response.status,
        body.error.code,
        body.error.message ?? "",
        body.error.fields ?? [],
      );
    }
  } catch {
    // Not the API's error body (a proxy's page, a cut connection): said below by status.
  }
  return new ApiError(response.status, "http_error", `服务器返回 ${response.status}`);
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? fetch;
  const client: ApiClient = {
    csrfToken: undefined,
    async call(name, request) {
      const contract = options.endpoints[name];
      const headers: Record<string, string> = { accept: "application/json" };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      if (!SAFE_METHODS.has(contract.method) && client.csrfToken !== undefined) {
        headers["x-csrf-token"] = client.csrfToken;
      }
      if (request.ifMatch !== undefined) headers["if-match"] = `"${request.ifMatch}"`;
      let body: FormData | string | undefined;
      const form = (request as { form?: FormData }).form;
      if (form !== undefined) {
        body = form;
      } else if (request.body !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(request.body);
      }
      const response = await doFetch(
        `${options.baseUrl ?? ""}${urlOf(contract, request.params as Readonly<Record<string, string>> | undefined, request.query as object | undefined)}`,
        { method: contract.method, headers, body, credentials: "same-origin" },
      );
      if (!response.ok) throw await errorOf(response);
      if (contract.answer === "empty") return undefined as never;
      if (contract.answer === "file") return (await response.blob()) as never;
      const data = (await response.json()) as { csrfToken?: unknown };
      if ((name === "signIn" || name === "getSession") && typeof data.csrfToken === "string") {
        client.csrfToken = data.csrfToken;
      }
      return data as never;
    },
  };
  return client;
}
