// Optimistic concurrency over HTTP: a write names the version it saw in If-Match ("3", W/"3" or 3); the answer
// carries the new version in ETag. A write without If-Match is refused (428) so that nobody overwrites silently.

import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../domain/domain-error.ts";

/** The version the client saw, from If-Match; DomainError precondition_required when absent or unreadable. */
export function expectedVersionOf(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  const match = typeof header === "string" ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header) : null;
  if (!match?.[1]) {
    throw new DomainError(
      "precondition_required",
      '请在 If-Match 请求头中给出您看到的版本号（如 If-Match: "3"），以免覆盖他人的修改',
    );
  }
  return Number(match[1]);
}

export const sendVersion = (reply: FastifyReply, version: number): FastifyReply =>
  reply.header("etag", `"${version}"`);
