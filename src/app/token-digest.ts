// sha-256 of a session or CSRF token (hex), and a constant-time comparison of two digests.

import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const tokenDigest = (token: string): string =>
  createHash("sha256").update(token, "utf8").digest("hex");

/**
 * The CSRF token of a session: an HMAC of the session token, so that a page loaded again can ask for it
 * (GET /api/v1/session, which only the cookie's owner can read) while only its digest is stored.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHmac("sha256", sessionToken).update("zhenggai.csrf", "utf8").digest("base64url");

/** True when `token` hashes to `digest`; compares digests in constant time. */
export function tokenMatches(token: string, digest: string): boolean {
  const a = Buffer.from(tokenDigest(token), "hex");
  const b = Buffer.from(digest, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
