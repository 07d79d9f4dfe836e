// How long a failed delivery waits before its next attempt: exponential backoff with full jitter, capped, and how
// many attempts make it dead. Pure: the random draw is passed in (a number in [0, 1)).

export interface RetryPolicy {
  /** The first retry waits up to this long (ms). */
  readonly baseMs: number;
  /** No wait is longer than this (ms). */
  readonly capMs: number;
  /** After this many failed attempts the delivery is dead (shown to the administrator, not tried again). */
  readonly maxAttempts: number;
}

/** 30 s, doubling, at most 6 h; dead after 8 attempts (about 2 h of waits at the least, 12 h at most). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 30_000, capMs: 6 * 3_600_000, maxAttempts: 8 };

/**
 * The ceiling of the wait after `attempts` failed attempts (1 = the first failure): base × 2^(attempts−1), never
 * above the cap. Monotone in attempts.
 */
export function retryCeilingMs(attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 52));
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

/**
 * The wait before the next attempt: half the ceiling plus a random part of the other half ("equal jitter"), so that
 * many deliveries failing together (a robot down) do not all come back at the same moment, while the wait still
 * grows with every failure. `random` is in [0, 1).
 */
export function retryDelayMs(
  attempts: number,
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number {
  const ceiling = retryCeilingMs(attempts, policy);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.floor(ceiling / 2 + (ceiling / 2) * r);
}

/** True when a delivery that has failed `attempts` times must not be tried again. */
export const isDeadAfter = (attempts: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): boolean =>
  attempts >= policy.maxAttempts;
