// Ports of the sign-in use cases beyond AccountDeps: unguessable tokens, and memory of failures for unknown logins.

import type { AccountDeps } from "./account-deps.ts";

export interface Tokens {
  /** 32 random bytes, base64url: a session or CSRF token. Only its sha-256 is stored. */
  random(): string;
}

/**
 * Failed sign-ins for logins that have no account, so that they are locked exactly like real ones and a lockout
 * does not tell whether a login exists. Real accounts keep their counters in the database.
 */
export interface UnknownLoginFailures {
  /** Counts one failure at `now`; returns the failures counted so far in the current window. */
  record(login: string, now: string): number;
  /** The lock of `login` (ISO UTC) or null. */
  lockedUntil(login: string, now: string): string | null;
}

export interface SessionDeps extends AccountDeps {
  readonly tokens: Tokens;
  readonly unknownLogins: UnknownLoginFailures;
}
