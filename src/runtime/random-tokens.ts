// Real Tokens port (crypto-random 32 bytes) and an in-process memory of failed sign-ins for logins without an account.

import { randomBytes } from "node:crypto";
import type { Tokens, UnknownLoginFailures } from "../app/session-deps.ts";
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS, addMinutes, isLocked } from "../domain/sign-in-policy.ts";

export const randomTokens: Tokens = { random: () => randomBytes(32).toString("base64url") };

/** Bounded so that a flood of invented logins cannot grow memory: the oldest entries are forgotten first. */
const MAX_ENTRIES = 10_000;

/**
 * Per process: several nodes each lock an unknown login after 5 of their own failures, which only makes the
 * answer differ across nodes, not between real and invented logins on one node.
 */
export function memoryUnknownLoginFailures(): UnknownLoginFailures {
  const entries = new Map<string, { failures: number; lockedUntil: string | null }>();
  return {
    record(login, now) {
      const key = login.toLowerCase();
      const entry = entries.get(key) ?? { failures: 0, lockedUntil: null };
      entries.delete(key);
      entry.failures += 1;
      if (entry.failures >= MAX_FAILED_LOGINS) {
        entry.failures = 0;
        entry.lockedUntil = addMinutes(now, LOCKOUT_MINUTES);
      }
      entries.set(key, entry);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      return entry.failures;
    },
    lockedUntil(login, now) {
      const entry = entries.get(login.toLowerCase());
      return entry && isLocked(entry.lockedUntil, now) ? entry.lockedUntil : null;
    },
  };
}
