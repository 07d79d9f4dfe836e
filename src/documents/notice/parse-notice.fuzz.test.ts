import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../domain/calendar-date.ts";
import type { NoticeDraft } from "./notice-draft.ts";
import { parseNotice } from "./parse-notice.ts";

const seedLines = readFileSync(
  new URL("../../../test/fixtures/notices/seed.txt", import.meta.url),
  "utf8",
).split("\n");
const STATUSES = new Set(["completed", "in_progress", "long_term", null]);

/** The invariants every result keeps, whatever the input. */
function assertWellFormed(d: NoticeDraft): void {
  if (d.recognised) expect(d.problems.length).toBeGreaterThan(0);
  else expect(d.warnings.map((w) => w.code)).toContain("no_rectification_structure");
  for (const w of d.warnings) expect(w.code).toMatch(/^[a-z_]+$/);
  const dates = [
    d.issuedOn,
    d.inspection.onsiteStart,
    d.inspection.onsiteEnd,
    d.inspection.feedbackDate,
    d.contact?.until ?? null,
  ];
  for (const p of d.problems) {
    expect(STATUSES.has(p.status)).toBe(true);
    expect(p.title.length).toBeGreaterThan(0);
    dates.push(p.deadline ?? null, ...p.ongoing.map((o) => o.deadline));
  }
  for (const date of dates) if (date !== null) expect(isCalendarDate(date)).toBe(true);
  expect(() => JSON.stringify(d)).not.toThrow();
}

// Characters that notices are made of, so random text hits the parser's patterns often.
const noticeChars = fc.constantFrom(
  ..."一二三四五六七八九十（）()、.．：:；;。，“”‘’【】0123456789０１年月日至问题关于整改已完成正在推进持续长期坚持措施情况方面个项条人万元\n —-",
);

describe("parseNotice never throws and always answers", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => assertWellFormed(parseNotice(s))),
      { numRuns: 300 },
    );
  });

  it("on strings of notice characters", () => {
    fc.assert(
      fc.property(fc.string({ unit: noticeChars, maxLength: 600 }), (s) => assertWellFormed(parseNotice(s))),
      { numRuns: 500 },
    );
  });

  it("on shuffled, truncated and duplicated lines of the seed", () => {
    const edit = fc.record({
      order: fc.shuffledSubarray(seedLines, { minLength: 0, maxLength: seedLines.length }),
      dup: fc.array(fc.nat({ max: seedLines.length - 1 }), { maxLength: 10 }),
      cut: fc.nat({ max: 400 }),
    });
    fc.assert(
      fc.property(edit, ({ order, dup, cut }) => {
        const lines = [...order, ...dup.map((i) => seedLines[i] ?? "")];
        const text = lines.map((l, i) => (i === 0 ? l.slice(cut % (l.length + 1)) : l)).join("\n");
        assertWellFormed(parseNotice(text));
      }),
      { numRuns: 300 },
    );
  });

  it("on the seed truncated at any character", () => {
    const seed = seedLines.join("\n");
    fc.assert(
      fc.property(fc.nat({ max: seed.length }), (n) => assertWellFormed(parseNotice(seed.slice(0, n)))),
      { numRuns: 200 },
    );
  });

  it("on non-string input reaching it from untyped callers", () => {
    assertWellFormed(parseNotice(undefined as unknown as string));
  });
});
