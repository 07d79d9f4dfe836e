// Shared timing for the benchmark scripts: medians over repeated runs after warm-ups, sanity checks, peak RSS.

export interface Timing {
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
}

/** Throws with a clear message; benchmark figures over wrong results are worthless. */
export function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`sanity check failed: ${what}`);
}

export function summarise(durations: number[]): Timing {
  const s = [...durations].sort((x, y) => x - y);
  const at = (i: number) => s[Math.min(s.length - 1, Math.max(0, i))] as number;
  const mid = s.length / 2;
  return {
    medianMs: s.length % 2 === 0 ? (at(mid - 1) + at(mid)) / 2 : at(Math.floor(mid)),
    p90Ms: at(Math.ceil(0.9 * s.length) - 1),
    minMs: at(0),
    maxMs: at(s.length - 1),
    runs: s.length,
  };
}

/** `warmups + runs` calls of `work(i)`; only the calls are timed, `verify` runs after each one. */
export async function timeRuns<T>(
  work: (i: number) => Promise<T> | T,
  verify: (result: T, i: number) => void,
  { runs = 20, warmups = 2 }: { runs?: number; warmups?: number } = {},
): Promise<Timing> {
  const durations: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const start = performance.now();
    const result = await work(i);
    const ms = performance.now() - start;
    verify(result, i);
    if (i >= warmups) durations.push(ms);
  }
  return summarise(durations);
}

/**
 * Several reads timed in turn, run by run (`warmups` untimed rounds first), so that all of them see the same machine
 * load and garbage collector; each read checks its own result.
 */
export async function timeInterleaved<K extends string>(
  reads: Readonly<Record<K, () => Promise<void>>>,
  { runs, warmups = 3 }: { runs: number; warmups?: number },
): Promise<Record<K, Timing>> {
  const entries = Object.entries(reads) as Array<[K, () => Promise<void>]>;
  const durations = new Map<K, number[]>(entries.map(([name]) => [name, []]));
  for (let i = 0; i < warmups + runs; i++) {
    for (const [name, read] of entries) {
      const started = performance.now();
      await read();
      if (i >= warmups) durations.get(name)!.push(performance.now() - started);
    }
  }
  return Object.fromEntries(entries.map(([name]) => [name, summarise(durations.get(name)!)])) as Record<
    K,
    Timing
  >;
}

/** Peak resident set size of this process so far, in MiB. */
export const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
