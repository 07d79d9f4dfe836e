// The shape of one route's contract: method and path, who may call it, its request schemas (path, query, body) and
// its answer (a JSON schema, a file, or nothing), plus the error codes worth naming beyond the common ones. The
// server registers its routes from these (http/contract-route.ts), the OpenAPI document and the typed client are
// generated from them, so the three cannot disagree.

import type { z } from "zod";
import type { ErrorCode } from "./error-registry.ts";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * public: no sign-in; signedIn: a session cookie or an API token; session: a session cookie only (acts that a
 * script must not do with a token, such as creating tokens or changing one's password).
 */
export type RouteAccess = "public" | "signedIn" | "session";

export type RouteAnswer =
  | { readonly kind: "json"; readonly status: 200 | 201; readonly schema: z.ZodType }
  | {
      readonly kind: "file";
      readonly status: 200;
      readonly mediaTypes: readonly string[];
      /** Response headers worth describing (name → Chinese description), shown in the OpenAPI document. */
      readonly headers?: Readonly<Record<string, string>>;
    }
  | { readonly kind: "empty"; readonly status: 204 };

export interface RouteContract {
  readonly method: HttpMethod;
  /** Fastify syntax: `/api/v1/measures/:id`. */
  readonly path: string;
  /** One line in Chinese, shown in the reference page. */
  readonly summary: string;
  readonly tag: string;
  readonly access: RouteAccess;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  /** JSON body, or multipart form fields (files are described by `files`). */
  readonly body?: z.ZodType;
  /**
   * The body's fields come as a multipart form with files (described by `files`); `orJson`: they may also come as a
   * JSON body, without files.
   */
  readonly multipart?: { readonly files: string; readonly orJson?: boolean };
  /** Writes guarded by the entity's version: If-Match required (428 without, 409 when stale). */
  readonly ifMatch?: boolean;
  readonly answer: RouteAnswer;
  /** Codes particular to this route; invalid_input, unauthenticated, forbidden and the like apply everywhere. */
  readonly errors?: readonly ErrorCode[];
}

/** A JSON answer checked by `schema`: 200, or 201 for what a request created. */
export const json = <S extends z.ZodType>(schema: S, status: 200 | 201 = 200) =>
  ({ kind: "json", status, schema }) as const;

/** No body: 204. */
export const EMPTY = { kind: "empty", status: 204 } as const;

/** Identity with the literal types kept, so the client and the server see each route's own schemas. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

/** Deep readonly, so that domain types (readonly everywhere) can be returned where a contract type is expected. */
export type DeepReadonly<T> = T extends (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What a route answers, as the server may return it. */
export type AnswerOf<C extends RouteContract> = C["answer"] extends {
  kind: "json";
  schema: infer S extends z.ZodType;
}
  ? DeepReadonly<z.input<S>>
  : never;

/** What a route's parsed path and query parameters look like. */
export type ParamsOf<C extends RouteContract> = C["params"] extends z.ZodType
  ? z.output<C["params"]>
  : undefined;
export type QueryOf<C extends RouteContract> = C["query"] extends z.ZodType
  ? z.output<C["query"]>
  : undefined;
