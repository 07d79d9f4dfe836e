// Counts inside a unit's own narrative ("根据反馈意见中指出的4个方面11项问题，细化分解为40条整改措施"): stored as
// placeholders and filled from the ledger when a notice is written, so a narrative kept from an imported notice never
// carries a number the ledger no longer agrees with. Only the four counts the ledger knows are replaced; every other
// number is the unit's own words.

import { parseChineseNumber } from "./chinese-numerals.ts";

export type NarrativeCount = "aspects" | "problems" | "measures" | "meetings";

export type NarrativeCounts = Readonly<Record<NarrativeCount, number>>;

const N = "([0-9０-９]+|[零〇一二两三四五六七八九十百]+)";

/**
 * Each pattern captures the words before the number, the number, and the words after it (both kept). Problems are
 * counted only where the text speaks of the findings as a whole (…方面…问题, 反馈/指出/发现…问题), never of a status
 * group ("8个问题已整改"); measures only as 措施 or 整改任务 (a bare 任务 is any task).
 */
const PATTERNS: readonly { count: NarrativeCount; re: RegExp }[] = [
  { count: "aspects", re: new RegExp(`()${N}(个方面)`, "g") },
  {
    count: "problems",
    re: new RegExp(`((?:个方面|方面的|反馈|指出|发现)的?)${N}([项个条](?:具体)?问题)`, "g"),
  },
  { count: "measures", re: new RegExp(`()${N}([条项](?:具体)?(?:整改措施|措施|整改任务))`, "g") },
  { count: "measures", re: new RegExp(`((?:具体)?整改措施)${N}([条项])`, "g") },
  { count: "meetings", re: new RegExp(`()${N}(次(?:组织|专题|主持)?(?:召开|研究))`, "g") },
];

const PLACEHOLDER = /\{\{(aspects|problems|measures|meetings)\}\}/g;

/** "细化分解为40条整改措施" → "细化分解为{{measures}}条整改措施", with the numbers it found (for a comparison note). */
export function templateCounts(text: string): {
  template: string;
  found: Partial<Record<NarrativeCount, number>>;
} {
  const found: Partial<Record<NarrativeCount, number>> = {};
  // Braces the text already holds are not ours: they are widened so that they can never read as a placeholder.
  let template = text.replace(/\{\{/g, "｛｛").replace(/\}\}/g, "｝｝");
  for (const { count, re } of PATTERNS) {
    template = template.replace(re, (whole, before: string, number: string, after: string) => {
      const value = parseChineseNumber(number);
      if (value === undefined) return whole;
      found[count] ??= value;
      return `${before}{{${count}}}${after}`;
    });
  }
  return { template, found };
}

/**
 * Fills the placeholders with the ledger's counts, in Arabic numerals as GB/T 9704 prefers for counts. A ledger without
 * aspects drops "N个方面" ("指出的11项问题"), as the generated wording does, rather than print "0个方面".
 */
export function fillCounts(template: string, counts: NarrativeCounts): string {
  const text = counts.aspects === 0 ? template.replace(/\{\{aspects\}\}个方面的?/g, "") : template;
  return text.replace(PLACEHOLDER, (_, count: NarrativeCount) => String(counts[count]));
}
