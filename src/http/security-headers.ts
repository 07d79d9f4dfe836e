// Security headers on every response, and no-store on the API; the one place these values are written.
// It never changes a status or a body.

import type { FastifyReply, onSendHookHandler } from "fastify";

/**
 * Headers for a JSON API and a same-origin SPA served by this process: scripts, styles, fonts and requests only
 * from this origin (antd writes inline styles, hence 'unsafe-inline' for styles only), never framed, no
 * referrer, no sniffing, no cross-origin window or resource sharing. Strict-Transport-Security belongs to the
 * TLS terminator in front of the server, not to this plain-HTTP process.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; "),
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Sets the security headers on `reply`, and Cache-Control: no-store when `url` is under /api. */
export function applySecurityHeaders(reply: FastifyReply, url: string): void {
  void reply.headers(SECURITY_HEADERS);
  if (isApiPath(url)) void reply.header("cache-control", "no-store");
}

/** The onSend hook: runs for route answers, errors, 404s, 405s and hook refusals alike. */
export const securityHeadersOnSend: onSendHookHandler = (request, reply, payload, done) => {
  applySecurityHeaders(reply, request.url);
  done(null, payload);
};

// The router decodes the path ("/%61pi/…" reaches /api routes), so decode before testing; what cannot be
// decoded counts as API, since no-store is the safe side.
function isApiPath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0] ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return decoded === "/api" || decoded.startsWith("/api/");
}
