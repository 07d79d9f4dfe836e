// Real implementations of the clock and id ports, picked by the composition root.

import { randomBytes } from "node:crypto";
import type { Clock, IdGenerator } from "../app/deps.ts";

const shanghaiDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => shanghaiDate.format(new Date()),
};

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Time-ordered ids: prefix, 9 characters of milliseconds, 10 random characters (Crockford-like base32). */
export const randomIds: IdGenerator = {
  next(prefix: string) {
    let time = Date.now();
    let head = "";
    for (let i = 0; i < 9; i++) {
      head = (ALPHABET[time % 32] as string) + head;
      time = Math.floor(time / 32);
    }
    const bytes = randomBytes(10);
    let tail = "";
    for (const b of bytes) tail += ALPHABET[b % 32] as string;
    return `${prefix}${head}${tail}`;
  },
};
