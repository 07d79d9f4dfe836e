import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isDeadAfter, retryCeilingMs, retryDelayMs } from "./retry-backoff.ts";

const policy = fc.record({
  baseMs: fc.integer({ min: 1, max: 600_000 }),
  capMs: fc.integer({ min: 1, max: 86_400_000 }),
  maxAttempts: fc.integer({ min: 1, max: 20 }),
});
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("retry backoff", () => {
  it("never waits longer than the cap, nor less than half the ceiling", () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 200 }), unit, (p, attempts, r) => {
        const delay = retryDelayMs(attempts, r, p);
        expect(delay).toBeLessThanOrEqual(p.capMs);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(retryCeilingMs(attempts, p) / 2));
      }),
    );
  });

  it("waits at least as long after more failures, whatever the random draws", () => {
    fc.assert(
      fc.property(policy, fc.integer({ min: 1, max: 100 }), unit, unit, (p, attempts, r1, r2) => {
        expect(retryCeilingMs(attempts + 1, p)).toBeGreaterThanOrEqual(retryCeilingMs(attempts, p));
        // The lowest wait of the next attempt is at least the highest of this one once below the cap.
        if (retryCeilingMs(attempts + 1, p) < p.capMs) {
          expect(retryDelayMs(attempts + 1, r1, p)).toBeGreaterThanOrEqual(retryDelayMs(attempts, r2, p));
        }
      }),
    );
  });

  it("grows from 15–30 s to the 6 h cap and is dead after 8 attempts by default", () => {
    expect(retryDelayMs(1, 0)).toBe(15_000);
    expect(retryDelayMs(1, 0.999999)).toBe(29_999);
    expect(retryCeilingMs(20)).toBe(DEFAULT_RETRY_POLICY.capMs);
    expect(isDeadAfter(7)).toBe(false);
    expect(isDeadAfter(8)).toBe(true);
  });
});
