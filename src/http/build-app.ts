// The Fastify app as a value: routes and error handling, never listening by itself (tests use inject).

import Fastify, { type FastifyInstance } from "fastify";
import type { Deps } from "../app/deps.ts";
import { handleError } from "./errors.ts";
import { healthRoutes } from "./routes/health.ts";
import { inspectionRoutes } from "./routes/inspections.ts";

export interface AppOptions {
  /** pino options or false; the composition root passes its logger settings. */
  readonly logger?: boolean | { level: string };
}

export function buildApp(deps: Deps, options: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: "not_found",
        message: `没有这个地址：${request.method} ${request.url.split("?")[0] ?? ""}`,
      },
    }),
  );
  healthRoutes(app, deps);
  inspectionRoutes(app, deps);
  return app;
}
