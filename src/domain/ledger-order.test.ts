import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aspectGroupOf, inLedgerOrder, ledgerHeadLength } from "./ledger-order.ts";

const aspects = [
  { id: "a2", seq: 2 },
  { id: "a1", seq: 1 },
];

describe("inLedgerOrder", () => {
  it("puts problems under their aspects by number, then those without an aspect or with an unknown one", () => {
    const problems = [
      { id: "loose", aspectId: null, seq: 1 },
      { id: "a2-1", aspectId: "a2", seq: 1 },
      { id: "gone", aspectId: "a9", seq: 0 },
      { id: "a1-2", aspectId: "a1", seq: 2 },
      { id: "a1-1", aspectId: "a1", seq: 1 },
    ];
    expect(inLedgerOrder(aspects, problems).map((p) => p.id)).toEqual([
      "a1-1",
      "a1-2",
      "a2-1",
      "gone",
      "loose",
    ]);
    expect(aspectGroupOf(new Set(["a1", "a2"]), { aspectId: "a9" })).toBeNull();
    expect(aspectGroupOf(new Set(["a1", "a2"]), { aspectId: "a2" })).toBe("a2");
  });

  it("keeps every problem once, groups stay together and numbers rise within a group (fast-check)", () => {
    const problem = fc.record({
      aspectId: fc.constantFrom(null, "a1", "a2", "a9"),
      seq: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 30 }), (given) => {
        const problems = given.map((p, i) => ({ ...p, id: i }));
        const ordered = inLedgerOrder(aspects, problems);
        expect([...ordered].map((p) => p.id).sort((a, b) => a - b)).toEqual(problems.map((p) => p.id));
        const known = new Set(aspects.map((a) => a.id));
        const rank = (p: (typeof problems)[number]) => ["a1", "a2", null].indexOf(aspectGroupOf(known, p));
        for (let i = 1; i < ordered.length; i++) {
          const [before, after] = [ordered[i - 1]!, ordered[i]!];
          expect(rank(before)).toBeLessThanOrEqual(rank(after));
          if (rank(before) === rank(after)) {
            expect(before.seq).toBeLessThanOrEqual(after.seq);
            // Equal numbers keep the order they were given in.
            if (before.seq === after.seq) expect(before.id).toBeLessThan(after.id);
          }
        }
      }),
    );
  });
});

describe("ledgerHeadLength", () => {
  it("takes whole problems until the first screen's measures are in", () => {
    expect(ledgerHeadLength([20, 20, 20, 20], 60)).toBe(3);
    expect(ledgerHeadLength([20, 20, 21, 20], 60)).toBe(3);
    expect(ledgerHeadLength([0, 0, 5, 0], 3)).toBe(3);
    // A problem is never cut between its measures, however many it has.
    expect(ledgerHeadLength([500, 1], 60)).toBe(1);
    expect(ledgerHeadLength([1, 1], 60)).toBe(2);
    expect(ledgerHeadLength([], 60)).toBe(0);
  });

  it("is the shortest prefix holding the wanted measures, or everything (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        (counts, wanted) => {
          const length = ledgerHeadLength(counts, wanted);
          const inHead = counts.slice(0, length).reduce((a, b) => a + b, 0);
          if (counts.length > 0) expect(length).toBeGreaterThanOrEqual(1);
          if (length < counts.length) expect(inHead).toBeGreaterThanOrEqual(wanted);
          if (length > 1) {
            expect(inHead - counts[length - 1]!).toBeLessThan(wanted);
          }
        },
      ),
    );
  });
});
