// The Fastify app as a value: routes, hardening hooks and error handling, never listening by itself.
// Tests use inject; the composition root passes the allowed host names and logger settings.

import Fastify, { type FastifyInstance } from "fastify";
import type { EvidenceDeps } from "../app/evidence-files.ts";
import type { NoticeDeps } from "../app/generate-notice.ts";
import type { SessionDeps } from "../app/session-deps.ts";
import type { CalendarDeps } from "../app/working-calendar.ts";
import { DEFAULT_SESSION_TIMEOUTS, type SessionTimeouts } from "../domain/sign-in-policy.ts";
import { LOOPBACK_HOSTS } from "./allowed-hosts.ts";
import { registerAuth } from "./auth.ts";
import { createClientErrorHandler } from "./client-error-handler.ts";
import { contractRouter } from "./contract-route.ts";
import { handleError } from "./errors.ts";
import { createFrameworkErrorHandler } from "./framework-error-handler.ts";
import { createHostGuard } from "./host-guard.ts";
import { DEFAULT_UPLOAD_LIMITS, registerMultipart, type UploadLimits } from "./multipart.ts";
import { createNotFoundHandler } from "./not-found.ts";
import { createRouteMethods } from "./route-methods.ts";
import { apiDocsRoutes } from "./routes/api-docs.ts";
import { calendarRoutes } from "./routes/calendar.ts";
import { healthRoutes } from "./routes/health.ts";
import { importRoutes } from "./routes/imports.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { downloadRoutes } from "./routes/downloads.ts";
import { evidenceRoutes } from "./routes/evidence.ts";
import { measureRoutes } from "./routes/measures.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { orgRoutes } from "./routes/orgs.ts";
import { publicNoticeRoutes } from "./routes/public-notices.ts";
import { publicNoticeRequestRoutes } from "./routes/public-notice-requests.ts";
import { sessionRoutes } from "./routes/session.ts";
import { statisticsRoutes } from "./routes/statistics.ts";
import { reportingRoutes } from "./routes/reporting.ts";
import { supervisionRoutes } from "./routes/supervision.ts";
import { tokenRoutes } from "./routes/tokens.ts";
import { userRoutes } from "./routes/users.ts";
import { securityHeadersOnSend } from "./security-headers.ts";
import { registerWebApp } from "./web-app.ts";

/**
 * The ports every route runs on: sign-in, the store, the evidence files, the notice settings and PDF converter, and
 * the working-day calendar.
 */
export type AppDeps = SessionDeps & EvidenceDeps & NoticeDeps & CalendarDeps;

export interface AppOptions {
  /** pino options or false; the composition root passes its logger settings. */
  readonly logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /**
   * Host names the app answers to (any case, optional port, IPv6 in brackets or not), normally
   * `effectiveAllowedHosts(config.host, config.allowedHosts)`. Default: the loopback names only.
   */
  readonly allowedHosts?: readonly string[];
  /** Idle and absolute session timeouts (config sessionIdleMinutes, sessionAbsoluteHours); default 30 min, 12 h. */
  readonly sessionTimeouts?: SessionTimeouts;
  /**
   * Trust X-Forwarded-* from a reverse proxy (config trustProxy): then a request that reached the proxy over https
   * gets a Secure cookie. Off by default, as the process itself speaks plain HTTP.
   */
  readonly trustProxy?: boolean;
  /**
   * Request ids (the composition root passes random UUIDs, unique across restarts and nodes); default: Fastify's
   * counter. Answered in X-Request-Id and recorded with every audit event the request causes.
   */
  readonly requestIds?: () => string;
  /** Evidence and import upload limits (config uploadFileMb, uploadFiles); default 20 MiB, 10 files. */
  readonly uploadLimits?: UploadLimits;
  /**
   * Compare every JSON answer with its contract (shared/api-routes.ts) and answer 500 when it differs: on in tests,
   * so that the published contract cannot drift from what the server sends; off in production (it costs a parse).
   */
  readonly checkAnswers?: boolean;
  /** The application's version, shown in the OpenAPI document; default "dev". */
  readonly version?: string;
  /**
   * Where an uploaded import file is kept while it is read (a folder only the server's account can enter: the
   * composition root passes data/uploads-tmp, mode 700); default the system temporary folder.
   */
  readonly uploadTempDir?: string;
  /** The built web UI (dist/web) to serve at /; without it the app serves the API only (the API tests). */
  readonly webRoot?: string;
}

export function buildApp(deps: AppDeps, options: AppOptions = {}): FastifyInstance {
  const timeouts = options.sessionTimeouts ?? DEFAULT_SESSION_TIMEOUTS;
  const refuseHost = createHostGuard(options.allowedHosts ?? LOOPBACK_HOSTS);
  const routes = createRouteMethods();
  const app: FastifyInstance = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Node would answer a Host-less HTTP/1.1 request with a bare 400 of its own; the host guard answers it
    // instead, with the error body and the security headers.
    http: { requireHostHeader: false },
    frameworkErrors: createFrameworkErrorHandler(refuseHost),
    clientErrorHandler: createClientErrorHandler(() => app.log),
    ...(options.requestIds ? { genReqId: options.requestIds } : {}),
  });
  app.addHook("onSend", (request, reply, payload, done) => {
    void reply.header("x-request-id", request.id);
    done(null, payload);
  });
  app.addHook("onRequest", (request, reply, done) => {
    // A refused request gets no done(): the refusal is the answer and no route runs.
    if (!refuseHost(request, reply)) done();
  });
  app.addHook("onSend", securityHeadersOnSend);
  app.addHook("onRoute", (route) => {
    // Constrained routes (version, host) can miss for reasons other than the method: leave them to 404.
    if (route.constraints === undefined || Object.keys(route.constraints).length === 0) {
      routes.add(route.method, route.url);
    }
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(createNotFoundHandler(routes));
  const uploadLimits = options.uploadLimits ?? DEFAULT_UPLOAD_LIMITS;
  registerMultipart(app, uploadLimits);
  registerAuth(app, deps, timeouts);
  const route = contractRouter(app, { checkAnswers: options.checkAnswers ?? false });
  apiDocsRoutes(route, options.version ?? "dev");
  healthRoutes(route, deps);
  sessionRoutes(route, deps, timeouts);
  inspectionRoutes(route, deps);
  measureRoutes(route, deps, uploadLimits);
  evidenceRoutes(route, deps);
  importRoutes(route, deps, options.uploadTempDir);
  downloadRoutes(route, deps);
  publicNoticeRoutes(route, deps);
  publicNoticeRequestRoutes(route, deps);
  orgRoutes(route, deps);
  userRoutes(route, deps);
  tokenRoutes(route, deps);
  calendarRoutes(route, deps);
  supervisionRoutes(route, deps);
  reportingRoutes(route, deps);
  statisticsRoutes(route, deps);
  notificationRoutes(route, deps);
  if (options.webRoot !== undefined) registerWebApp(app, { root: options.webRoot });
  return app;
}
