// Numbering of headings and enumerations in official text (GB/T 9704 levels 一、（一）1.（1） and 一是/二是).

import { formatChineseNumber } from "./chinese-numerals.ts";

/** Heading level 1..4 as used in official documents. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/** The number label of a heading: level 1 → 一、, 2 → （一）, 3 → 1., 4 → （1）. `n` counts from 1. */
export function formatHeadingNumber(level: HeadingLevel, n: number): string {
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`heading number must be a positive integer, got ${n}`);
  switch (level) {
    case 1:
      return `${formatChineseNumber(n)}、`;
    case 2:
      return `（${formatChineseNumber(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
  }
}

/** The lead-in of the n-th item of an inline run: 一是, 二是, …, 十一是. */
export function formatOrdinalLead(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`ordinal must be a positive integer, got ${n}`);
  return `${formatChineseNumber(n)}是`;
}
