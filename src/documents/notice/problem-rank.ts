// The numbering rank at which a notice lists its problems, decided over all its headings together: by their
// shape, by the fields that follow them, by the groups above them, by a closing status, by the shortfalls they name.

import type { ClassifiedLine, HeadingLine } from "./classify-lines.ts";
import { splitSentences } from "./normalize-text.ts";
import {
  isNamedProblem,
  isStrongProblem,
  sectionOf,
  SHORTFALL,
  type OutlineGroup,
  type SectionKind,
} from "./notice-headings.ts";
import { leadingStatus, statusFromWords } from "./status-words.ts";

export const PROBLEM_BLOCKS = new Set([
  "measures",
  "status",
  "deadline",
  "responsible_leader",
  "responsible_unit",
  "ongoing",
  "finding",
  // "整改情况：…" right under a heading: a record of how one problem was dealt with.
  "progress",
]);

/** Shallowest rank holding at least half as many candidates as the best rank. */
function dominantRank(counts: ReadonlyMap<number, number>): number | null {
  const max = Math.max(0, ...counts.values());
  return max === 0 ? null : Math.min(...[...counts].filter(([, c]) => c * 2 >= max).map(([r]) => r));
}

/**
 * The numbering rank at which problems sit: where problem-shaped titles are; else where headings are
 * directly followed by problem fields (整改措施：, 完成情况：…); else the headings right under the groups.
 */
export function problemRank(
  lines: readonly ClassifiedLine[],
  headings: readonly HeadingLine[],
  groups: ReadonlyMap<HeadingLine, OutlineGroup>,
): number | null {
  const strong = new Map<number, number>();
  for (const h of headings) {
    if (groups.has(h) || isNamedProblem(h)) continue;
    if (isStrongProblem(h)) strong.set(h.rank, (strong.get(h.rank) ?? 0) + 1);
  }
  const byShape = dominantRank(strong);
  if (byShape !== null) return byShape;
  const labelled = new Map<number, number>();
  let last: HeadingLine | null = null;
  for (const l of lines) {
    if (l.kind === "heading") last = groups.has(l) || isNamedProblem(l) ? null : l;
    else if (last !== null && l.kind === "label" && PROBLEM_BLOCKS.has(l.blockKind)) {
      labelled.set(last.rank, (labelled.get(last.rank) ?? 0) + 1);
      last = null;
    }
  }
  const byFields = dominantRank(labelled);
  if (byFields !== null) return byFields;
  // No problem-shaped titles: problems are the headings right under the groups.
  const below = new Map<number, number>();
  headings.forEach((h, i) => {
    if (!groups.has(h)) return;
    const next = headings[i + 1];
    if (next && next.rank > h.rank && !groups.has(next))
      below.set(next.rank, (below.get(next.rank) ?? 0) + 1);
  });
  const best = [...below].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (best) return best[0];
  // No shape, no fields, no groups: problems are the headings whose text ends by saying how "this problem" stands.
  const closed = new Map<number, number>();
  let open: HeadingLine | null = null;
  for (const l of lines) {
    // Named records (问题1：, a table row) are problems whatever their rank; they say nothing of the others' rank.
    if (l.kind === "heading") open = groups.has(l) || l.rank === 1 || isNamedProblem(l) ? null : l;
    const said = l.kind === "heading" ? l.rest : l.text;
    if (open !== null && splitSentences(said).some(saysHowItStands)) {
      closed.set(open.rank, (closed.get(open.rank) ?? 0) + 1);
      open = null;
    }
  }
  const byClosing = dominantRank(closed);
  if (byClosing !== null) return byClosing;
  return shortfallRank(lines);
}

// Fewest headings naming a shortfall for a rank to hold problems: one such heading may be a plan item.
const SHORTFALL_MIN = 2;

/**
 * Last resort: under a section about the problems ("一、整改落实情况"), numbered headings that name shortfalls
 * ("1.网格化管理不够精细，…。重新划分网格…") are the problems, when they are most of their rank there.
 */
function shortfallRank(lines: readonly ClassifiedLine[]): number | null {
  const total = new Map<number, number>();
  const short = new Map<number, number>();
  let section: SectionKind = "intro";
  for (const l of lines) {
    if (l.kind !== "heading") continue;
    if (l.rank === 1) {
      section = sectionOf(l);
      continue;
    }
    if (section !== "body" || isNamedProblem(l)) continue;
    total.set(l.rank, (total.get(l.rank) ?? 0) + 1);
    if (SHORTFALL.test(l.title)) short.set(l.rank, (short.get(l.rank) ?? 0) + 1);
  }
  const best = [...short]
    .filter(([r, c]) => c >= SHORTFALL_MIN && c * 2 >= (total.get(r) ?? 0))
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best?.[0] ?? null;
}

const CLOSING_SENTENCE =
  /(?:该|此|本|这一?)(?:项)?问题[^。；]{0,8}(?:已|正在|基本|持续|需|仍|尚)|^(?:目前|现已|截至目前)/;
// "1.村级财务报账不及时。已整改。": a sentence of nothing but a status word also says how the item stands.
const BARE_STATUS_MAX = 8;
const saysHowItStands = (sentence: string): boolean =>
  (CLOSING_SENTENCE.test(sentence) && statusFromWords(sentence) !== null) ||
  (sentence.replace(/[。！；\s]+$/, "").length <= BARE_STATUS_MAX && leadingStatus(sentence) !== null);
