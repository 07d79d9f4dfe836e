// Seeded randomness for the synthetic benchmark data: the same seed always gives the same ledger.

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Random {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return (items[items.length - 1] as readonly [T, number])[0];
  }
  /** `n` items spread over `bins` bins, each bin at least `min`. */
  spread(n: number, bins: number, min: number): number[] {
    const out = Array.from({ length: bins }, () => min);
    for (let i = bins * min; i < n; i++) out[this.int(0, bins - 1)]! += 1;
    return out;
  }
}

const ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Ids shaped like the app's (prefix, 9 time-ordered characters, 10 random ones), but reproducible. */
export function idMaker(random: Random): (prefix: string) => string {
  let tick = Date.UTC(2021, 0, 1);
  return (prefix) => {
    tick += 1;
    let time = tick;
    let head = "";
    for (let i = 0; i < 9; i++) {
      head = (ID_ALPHABET[time % 32] as string) + head;
      time = Math.floor(time / 32);
    }
    let tail = "";
    for (let i = 0; i < 10; i++) tail += ID_ALPHABET[random.int(0, 31)] as string;
    return `${prefix}${head}${tail}`;
  };
}
