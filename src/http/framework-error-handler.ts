// Answers what Fastify's router refuses before choosing a route (undecodable path, over-long parameter).
// Those requests skip every hook, so the host check and the security headers are applied here by hand.

import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { handleError } from "./errors.ts";
import type { HostGuard } from "./host-guard.ts";
import { applySecurityHeaders } from "./security-headers.ts";

/** The `frameworkErrors` server option: same host refusal, headers and error bodies as every other answer. */
export function createFrameworkErrorHandler(refuseHost: HostGuard) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    applySecurityHeaders(reply, request.url);
    if (refuseHost(request, reply)) return;
    handleError(error, request, reply);
  };
}
