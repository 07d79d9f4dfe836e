// Properties of the notice parser over our corpora: formatting that a reader ignores (widths, blank lines, page
// numbers, the numbering family of the problems) changes nothing, and no input line is ever dropped silently.

import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NoticeDraft } from "./notice-draft.ts";
import { parseNotice, parseNoticeTraced } from "./parse-notice.ts";

const CORPORA = ["notices", "notices-unseen", "notices-holdout", "notices-blind"].map(
  (name) => new URL(`../../../test/fixtures/${name}/`, import.meta.url),
);
const documents = CORPORA.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(new URL(f, dir), "utf8") })),
);

/** What a reader takes from a notice: the inspection, the stated counts, the problems. */
const gist = (d: NoticeDraft) => ({
  inspection: d.inspection,
  stated: d.stated,
  problems: d.problems.map((p) => [p.title, p.status, p.aspect ?? null]),
  countMismatch: d.warnings.some((w) => w.code === "count_mismatch"),
});

const PAGE_MARKERS = ["— 3 —", "- 12 -", "第2页 共9页", "－ 7 －", "4/10"];

/** Inserts blank lines and page markers before lines chosen by `at` (indices into the original lines). */
function withFurniture(text: string, at: readonly { index: number; marker: number }[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    for (const a of at.filter((x) => x.index === i))
      out.push(a.marker < 0 ? "" : (PAGE_MARKERS[a.marker % PAGE_MARKERS.length] as string));
    out.push(line);
  });
  return out.join("\n");
}

const toFullWidthDigits = (s: string): string =>
  s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const toHalfWidthPunctuation = (s: string): string =>
  s
    .replace(/，(?!\d)/g, ",")
    .replace(/：/g, ":")
    .replace(/；/g, ";")
    .replace(/（/g, "(")
    .replace(/）/g, ")");

// Problems numbered "1." / "1、" / "1．" at the start of a line, written in another style of the same family.
const ARABIC_HEADING = /^(\d{1,3})[.、．](?!\d)/gm;
const STYLES: readonly ((n: string) => string)[] = [
  (n) => `${n}.`,
  (n) => `${n}、`,
  (n) => `${n}．`,
  (n) => `${toFullWidthDigits(n)}．`,
  (n) => `${n}. `,
  (n) => `（${n}）`,
  (n) => `(${n})`,
  (n) => `${n})`,
  (n) => String.fromCharCode(0x2473 + Number(n)), // ⑴
];
/** The bracketed family is a different level where the text already uses it (⑴ measures under 1. problems). */
const USES_BRACKETED = /^(?:[（(]\d{1,3}[）)]|\d{1,3}[）)]|[\u2474-\u2487])/m;

describe("parseNotice ignores formatting a reader ignores", () => {
  const docArb = fc.constantFrom(...documents);

  it("gives the same result with blank lines and page markers inserted between lines", () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.record({ index: fc.nat(80), marker: fc.integer({ min: -1, max: 9 }) }), { maxLength: 8 }),
        (doc, at) => {
          expect(gist(parseNotice(withFurniture(doc.text, at)))).toEqual(gist(parseNotice(doc.text)));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives the same result with full-width digits or half-width punctuation", () => {
    fc.assert(
      fc.property(docArb, fc.boolean(), (doc, digits) => {
        const varied = digits ? toFullWidthDigits(doc.text) : toHalfWidthPunctuation(doc.text);
        expect(gist(parseNotice(varied))).toEqual(gist(parseNotice(doc.text)));
      }),
      { numRuns: 60 },
    );
  });

  it("gives the same problems whichever style numbers them (1. / 1、 / 1． / １． / （1） / 1) / ⑴)", () => {
    fc.assert(
      fc.property(docArb, fc.nat(STYLES.length - 1), (doc, style) => {
        fc.pre(style < 5 || !USES_BRACKETED.test(doc.text));
        const write = STYLES[style] as (n: string) => string;
        const varied = doc.text.replace(ARABIC_HEADING, (_m, n: string) => write(n));
        expect(gist(parseNotice(varied))).toEqual(gist(parseNotice(doc.text)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("parseNotice drops no paragraph silently", () => {
  const hasWords = (line: string): boolean => /[\p{L}\p{N}]/u.test(line);

  it("gives every line with text a role, and names every unclassified line in a warning", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...documents),
        fc.array(fc.nat(80), { maxLength: 6 }),
        fc.array(fc.record({ index: fc.nat(80), marker: fc.integer({ min: -1, max: 9 }) }), { maxLength: 4 }),
        (doc, dropped, at) => {
          // Dropping lines makes documents no template foresaw: sections without headings, orphan fields.
          const text = withFurniture(
            doc.text
              .split("\n")
              .filter((_, i) => !dropped.includes(i))
              .join("\n"),
            at,
          );
          const { draft, roles } = parseNoticeTraced(text);
          text.split("\n").forEach((line, i) => {
            if (hasWords(line)) expect(roles.has(i + 1), `line ${i + 1}: ${line}`).toBe(true);
          });
          if (!draft.recognised) {
            expect(draft.warnings.map((w) => w.code)).toContain("no_rectification_structure");
            return;
          }
          const named = new Set(
            draft.warnings.filter((w) => w.code === "unclassified_text").map((w) => w.line),
          );
          const named2 = draft.warnings
            .filter((w) => w.code === "unclassified_text")
            .flatMap((w) =>
              [...w.message.matchAll(/第([\d、]+)行/g)].flatMap((m) => (m[1] ?? "").split("、")),
            );
          for (const [line, role] of roles)
            if (role === "unclassified") expect(named.has(line) || named2.includes(String(line))).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
