// Passwords port over argon2id (@node-rs/argon2, prebuilt binaries) and crypto-random generated passwords.
// Nothing here logs: a password or a hash must never reach a log line.

import { randomInt } from "node:crypto";
import { hash, verify, type Options } from "@node-rs/argon2";
import type { Passwords } from "../app/account-deps.ts";

/** OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): tens of milliseconds per hash on a 2-core server. */
// algorithm 2 = Algorithm.Argon2id (an ambient const enum, which verbatimModuleSyntax cannot read).
export const ARGON2_OPTIONS: Options = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

// No look-alikes (0/O, 1/l/I) so a password printed once can be typed back without doubt.
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const ALL = LOWER + UPPER + DIGITS;

const pick = (alphabet: string): string => alphabet[randomInt(alphabet.length)] as string;

export const argon2Passwords: Passwords = {
  hash: (password) => hash(password, ARGON2_OPTIONS),
  async verify(stored, password) {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
  generate() {
    // 18 characters from 56 symbols ≈ 104 bits; one of each class guarantees the policy's mix.
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
    while (chars.length < 18) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    return chars.join("");
  },
};
