// Optimistic concurrency over HTTP: a write names the version it read in If-Match ("3" or W/"3", as the ETag of the
// read gave it); the answer carries the new version in ETag. A write without If-Match is refused (428) so that nobody
// overwrites a colleague's change silently; an If-Match that is not such a version is a bad request (400).

import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../domain/domain-error.ts";

/** The version the client read, from If-Match. */
export function expectedVersionOf(request: FastifyRequest): number {
  const header = request.headers["if-match"];
  if (header === undefined || header === "") {
    throw new DomainError(
      "precondition_required",
      '修改须带上 If-Match 请求头（读取时返回的 ETag，如 "3"），以免覆盖他人的修改',
    );
  }
  const match = typeof header === "string" ? /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header) : null;
  if (!match?.[1]) {
    throw new DomainError("invalid_input", '请求头 If-Match 有误：应为读取时返回的 ETag，如 "3"', [
      { path: "If-Match", code: "invalid_etag", message: "应为读取时返回的 ETag" },
    ]);
  }
  return Number(match[1]);
}

export const sendVersion = (reply: FastifyReply, version: number): FastifyReply =>
  reply.header("etag", `"${version}"`);
