// Registers a route from its contract (shared/api-routes.ts): method, path and access come from the contract, path and
// query parameters are parsed with its schemas, and a JSON answer is sent with its status. With `checkAnswers` (the
// tests turn it on) every JSON answer is compared with the contract's answer schema, and one that does not match it
// exactly (a missing, extra or wrong field) becomes a 500 naming the route, so the published contract cannot drift
// from what the server really sends.

import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from "fastify";
import type { AnswerOf, ParamsOf, QueryOf, RouteContract } from "../shared/api-contract.ts";
import { parseInput } from "../shared/validation.ts";
import { sessionOf } from "./auth.ts";

export interface RouteContext<C extends RouteContract> {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly params: ParamsOf<C>;
  readonly query: QueryOf<C>;
}

/**
 * A JSON route returns its answer (or the reply, when it answered otherwise, e.g. not at all for a client that has
 * gone); a file or empty route sends it on the reply and returns the reply.
 */
export type RouteHandler<C extends RouteContract> = (
  context: RouteContext<C>,
) => RouteResult<C> | Promise<RouteResult<C>>;
type RouteResult<C extends RouteContract> = C["answer"]["kind"] extends "json"
  ? AnswerOf<C> | FastifyReply
  : FastifyReply;

/** Route-level hooks, for the rare route that must change what the app-wide hooks set (e.g. its cache policy). */
export interface RouteHooks {
  readonly onSend?: onSendHookHandler;
}

export type ContractRouter = <C extends RouteContract>(
  contract: C,
  handler: RouteHandler<C>,
  hooks?: RouteHooks,
) => void;

export class AnswerContractError extends Error {
  constructor(route: string, detail: string) {
    super(`the answer of ${route} does not match its contract: ${detail}`);
    this.name = "AnswerContractError";
  }
}

/** JSON text with every object's keys sorted, so that two values compare whatever their key order. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/** The differences between an answer and what its schema keeps of it, for the error message. */
function answerMismatch(contract: RouteContract, answer: unknown): string | null {
  if (contract.answer.kind !== "json") return null;
  const plain: unknown = JSON.parse(JSON.stringify(answer));
  const parsed = contract.answer.schema.safeParse(plain);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.map(String).join(".")}: ${i.message}`).join("; ");
  }
  // Answer schemas have no transforms or defaults, so only fields the contract does not name can differ.
  return canonicalJson(parsed.data) === canonicalJson(plain)
    ? null
    : "fields that the contract does not name";
}

export function contractRouter(
  app: FastifyInstance,
  options: { readonly checkAnswers: boolean },
): ContractRouter {
  return (contract, handler, hooks = {}) => {
    const label = `${contract.method} ${contract.path}`;
    app.route({
      method: contract.method,
      url: contract.path,
      config: { public: contract.access === "public" },
      ...(hooks.onSend ? { onSend: hooks.onSend } : {}),
      handler: async (request, reply) => {
        if (contract.access === "session") sessionOf(request);
        const params = (
          contract.params ? parseInput(contract.params, request.params, "路径参数") : undefined
        ) as never;
        const query = (
          contract.query ? parseInput(contract.query, request.query, "查询参数") : undefined
        ) as never;
        const result: unknown = await handler({ request, reply, params, query });
        if (contract.answer.kind !== "json" || result === reply) return result;
        if (options.checkAnswers) {
          const mismatch = answerMismatch(contract, result);
          if (mismatch !== null) throw new AnswerContractError(label, mismatch);
        }
        return reply.status(contract.answer.status).send(result);
      },
    });
  };
}
