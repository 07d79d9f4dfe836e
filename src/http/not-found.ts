// Answers requests no route took: 405 with Allow when the path exists under other methods, else a fixed 404.
// Repeats nothing of the request in the body (no reflected content).

import type { FastifyReply, FastifyRequest } from "fastify";
import type { ErrorBody } from "./errors.ts";
import type { RouteMethods } from "./route-methods.ts";

/** The not-found handler over the methods table that build-app fills from every registered route. */
export function createNotFoundHandler(routes: RouteMethods) {
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const allowed = routes.methodsFor(request.url);
    // A path served under this very method, yet unmatched (a route constraint), is simply not found.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return reply
        .status(405)
        .header("allow", allowed.join(", "))
        .send({
          error: {
            code: "method_not_allowed",
            message: `该地址不支持这种请求方法，可用的方法：${allowed.join("、")}`,
          },
        } satisfies ErrorBody);
    }
    return reply
      .status(404)
      .send({ error: { code: "not_found", message: "请求的地址不存在" } } satisfies ErrorBody);
  };
}
