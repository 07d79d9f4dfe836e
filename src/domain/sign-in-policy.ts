// Sign-in rules as numbers and pure time arithmetic on ISO-8601 UTC strings: lockout after repeated failures, idle
// and absolute session timeouts. The clock is passed in.

/** Failed sign-ins in a row after which a login is locked. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked login is refused. */
export const LOCKOUT_MINUTES = 15;

export interface SessionTimeouts {
  /** A session unused this long is over (default 30). */
  readonly idleMinutes: number;
  /** A session is over this long after sign-in, whatever the activity (default 12). */
  readonly absoluteHours: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = { idleMinutes: 30, absoluteHours: 12 };

const MINUTE = 60_000;

/** `iso` plus `minutes`, as ISO-8601 UTC. */
export const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * MINUTE).toISOString();

/** True while a lock set until `lockedUntil` still holds at `now`. */
export const isLocked = (lockedUntil: string | null, now: string): boolean =>
  lockedUntil !== null && Date.parse(now) < Date.parse(lockedUntil);

/** Until when a login is locked from `now`. */
export const lockoutEnd = (now: string): string => addMinutes(now, LOCKOUT_MINUTES);

/** Whether a session is still good at `now`: not revoked, before its absolute end, used within the idle time. */
export function sessionIsLive(
  session: { readonly revoked: boolean; readonly expiresAt: string; readonly lastSeenAt: string },
  now: string,
  timeouts: SessionTimeouts,
): boolean {
  const at = Date.parse(now);
  return (
    !session.revoked &&
    at < Date.parse(session.expiresAt) &&
    at < Date.parse(session.lastSeenAt) + timeouts.idleMinutes * MINUTE
  );
}
