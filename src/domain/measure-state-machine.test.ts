import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./domain-error.ts";
import { countLedger, type ProblemTally } from "./ledger-statistics.ts";
import { MEASURE_KINDS, type MeasureKind, type MeasureState } from "./measure.ts";
import { MEASURE_EVENTS, canTransition, legalEvents, transitionMeasure } from "./measure-state-machine.ts";
import { deriveProblemStatus } from "./problem-status.ts";

describe("measure state machine", () => {
  it("walks a measure from draft to closed", () => {
    let s: MeasureState = "draft";
    for (const e of ["start", "submit", "close"] as const) s = transitionMeasure("time_limited", s, e);
    expect(s).toBe("closed");
  });

  it("returns a submitted measure for rework and lets the department resume", () => {
    const returned = transitionMeasure("immediate", "submitted", "return");
    expect(returned).toBe("returned");
    expect(transitionMeasure("immediate", returned, "resume")).toBe("in_progress");
  });

  it("refuses to close what the department has not submitted, with a stable code", () => {
    expect(() => transitionMeasure("time_limited", "in_progress", "close")).toThrowError(
      expect.objectContaining({ code: "measure_not_submitted" }) as Error,
    );
  });

  it("lets only long-term measures open a next stage after closing", () => {
    expect(transitionMeasure("long_term", "closed", "reopen_stage")).toBe("in_progress");
    expect(() => transitionMeasure("time_limited", "closed", "reopen_stage")).toThrow(DomainError);
    expect(legalEvents("long_term", "closed")).toEqual(["reopen_stage"]);
    expect(legalEvents("immediate", "closed")).toEqual([]);
  });

  it("throws exactly when canTransition says no", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_KINDS),
        fc.constantFrom<MeasureState>("draft", "in_progress", "submitted", "returned", "closed"),
        fc.constantFrom(...MEASURE_EVENTS),
        (kind, state, event) => {
          const legal = canTransition(kind, state, event);
          let threw = false;
          try {
            transitionMeasure(kind, state, event);
          } catch (e) {
            threw = e instanceof DomainError && /^measure_/.test(e.code);
          }
          return legal !== threw;
        },
      ),
    );
  });
});

describe("problem statuses under any legal sequence of transitions", () => {
  interface SimMeasure {
    kind: MeasureKind;
    state: MeasureState;
  }
  const ledgerArb = fc.array(fc.array(fc.constantFrom(...MEASURE_KINDS), { minLength: 0, maxLength: 5 }), {
    minLength: 1,
    maxLength: 12,
  });
  const stepsArb = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...MEASURE_EVENTS)), {
    maxLength: 200,
  });

  const tally = (problems: SimMeasure[][]): ProblemTally[] =>
    problems.map((ms, i) => ({
      problemId: `p${i}`,
      inspectionId: "i1",
      aspectId: null,
      measures: ms.length,
      open: ms.filter((m) => m.state !== "closed").length,
      closed: ms.filter((m) => m.state === "closed").length,
      closedLongTerm: ms.filter((m) => m.state === "closed" && m.kind === "long_term").length,
      overdue: 0,
    }));

  it("keeps completed + in_progress + long_term = problems, and counts each status right", () => {
    fc.assert(
      fc.property(ledgerArb, stepsArb, (kinds, steps) => {
        const problems: SimMeasure[][] = kinds.map((ks) => ks.map((kind) => ({ kind, state: "draft" })));
        for (const [pi, mi, event] of steps) {
          const ms = problems[pi % problems.length] as SimMeasure[];
          if (ms.length === 0) continue;
          const m = ms[mi % ms.length] as SimMeasure;
          if (!canTransition(m.kind, m.state, event)) continue;
          m.state = transitionMeasure(m.kind, m.state, event);

          const counts = countLedger(tally(problems));
          if (counts.completed + counts.inProgress + counts.longTerm !== counts.problems) return false;
          const naiveCompleted = problems.filter(
            (p) => p.length > 0 && p.every((x) => x.state === "closed" && x.kind !== "long_term"),
          ).length;
          if (counts.completed !== naiveCompleted) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it("derives statuses from the tally", () => {
    expect(deriveProblemStatus({ measures: 0, open: 0, closedLongTerm: 0 })).toBe("in_progress");
    expect(deriveProblemStatus({ measures: 3, open: 1, closedLongTerm: 0 })).toBe("in_progress");
    expect(deriveProblemStatus({ measures: 3, open: 0, closedLongTerm: 0 })).toBe("completed");
    expect(deriveProblemStatus({ measures: 3, open: 0, closedLongTerm: 1 })).toBe("long_term");
  });
});
