// Turns a session cookie's token into the signed-in Caller, or null when the session is unknown, revoked, past its
// absolute end, idle too long, or its account is gone or disabled. Marks the session used (at most once a minute).

import type { Caller } from "../domain/account.ts";
import { sessionIsLive, type SessionTimeouts } from "../domain/sign-in-policy.ts";
import type { Session } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import { tokenDigest } from "./token-digest.ts";

/** The session a cookie names, as callers outside the app (HTTP) see it. */
export type { Session };

/** Writing last_seen_at on every request would make every read a write; a minute is far below the idle timeout. */
const TOUCH_AFTER_MS = 60_000;

export async function resolveSession(
  deps: Deps,
  token: string,
  timeouts: SessionTimeouts,
): Promise<{ caller: Caller; session: Session } | null> {
  if (token === "" || token.length > 256) return null;
  const now = deps.clock.now();
  // Session, account and grants in one read: this runs before every signed-in request.
  const found = await deps.store.sessions.withAccount(tokenDigest(token));
  if (!found || !sessionIsLive(found.session, now, timeouts) || found.user.disabled) return null;
  const { session, user, grants } = found;
  if (Date.parse(now) - Date.parse(session.lastSeenAt) >= TOUCH_AFTER_MS) {
    await deps.store.sessions.touch(session.id, now);
  }
  return { caller: { user, grants }, session };
}
