// Refuses requests whose Host header names no allowed host, which defeats DNS rebinding.
// Answers the refusal itself; it never decides what an allowed request may do.

import type { FastifyReply, FastifyRequest } from "fastify";
import { normalizeAllowedHosts } from "./allowed-hosts.ts";
import type { ErrorBody } from "./errors.ts";
import { parseHostName } from "./host-name.ts";

/** Sends the refusal and returns true when the request's Host is missing or not allowed; false otherwise. */
export type HostGuard = (request: FastifyRequest, reply: FastifyReply) => boolean;

// 421 Misdirected Request (RFC 9110 §15.5.20) rather than 403: this server is not configured to answer for that
// name at all, which is exactly the case of a request arriving under a foreign name; 403 would claim the resource
// is served here and the caller merely lacks permission.
const NOT_ALLOWED_STATUS = 421;

/** A guard for `allowedHosts` (entries as in ZHENGGAI_ALLOWED_HOSTS: any case, optional port, IPv6 in brackets). */
export function createHostGuard(allowedHosts: readonly string[]): HostGuard {
  const allowed = new Set(normalizeAllowedHosts(allowedHosts));
  return (request, reply) => {
    const header = request.headers.host;
    if (header === undefined || header.trim() === "") {
      // RFC 9112 §3.2: a request without Host is answered 400; HTTP/1.0 ones are refused the same way.
      void reply.status(400).send({
        error: { code: "host_missing", message: "请求缺少 Host 头，无法确认要访问的主机名" },
      } satisfies ErrorBody);
      return true;
    }
    const name = parseHostName(header);
    if (name !== undefined && allowed.has(name)) return false;
    void reply.status(NOT_ALLOWED_STATUS).send({
      error: {
        code: "host_not_allowed",
        message: "本服务不接受以该主机名访问；如需使用该主机名，请由管理员将它加入 ZHENGGAI_ALLOWED_HOSTS",
      },
    } satisfies ErrorBody);
    return true;
  };
}
