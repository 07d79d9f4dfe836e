// sha-256 of a session or CSRF token (hex), and a constant-time comparison of two digests.

import { createHash, timingSafeEqual } from "node:crypto";

export const tokenDigest = (token: string): string =>
  createHash("sha256").update(token, "utf8").digest("hex");

/** True when `token` hashes to `digest`; compares digests in constant time. */
export function tokenMatches(token: string, digest: string): boolean {
  const a = Buffer.from(tokenDigest(token), "hex");
  const b = Buffer.from(digest, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
