// The pure corrections of a staged import's draft: a problem's status is set through its measures (it is never stored
// by hand), so each status gives the measures that derive it back; merges and splits keep every measure.

import { describe, expect, it } from "vitest";
import { applyCorrection } from "../../src/app/import-corrections.ts";
import { importedProblemStatus } from "../../src/documents/xlsx/collected-ledger.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";

const ledger = makeLedger({
  problems: [
    makeProblem({
      title: "甲",
      measures: [
        makeMeasure({ text: "已做", state: "closed", closedOn: "2021-06-30" }),
        makeMeasure({ text: "在做", state: "in_progress" }),
      ],
    }),
    makeProblem({ title: "乙", measures: [makeMeasure({ kind: "long_term", state: "closed" })] }),
    makeProblem({ title: "丙", measures: [] }),
  ],
});

describe("corrections of an import draft", () => {
  it("sets each status through the measures, so that the ledger derives it back", () => {
    for (const status of ["completed", "long_term", "in_progress"] as const) {
      for (const problem of [1, 2]) {
        const { input } = applyCorrection(ledger, { op: "setProblemStatus", problem, status }, 0);
        expect(importedProblemStatus(input.problems[problem - 1]!)).toBe(status);
      }
    }
    const { input } = applyCorrection(ledger, { op: "setProblemStatus", problem: 1, status: "completed" }, 0);
    // Closed as of the day the draft's other closed measures were.
    expect(input.problems[0]!.measures!.map((m) => [m.state, m.closedOn])).toEqual([
      ["closed", "2021-06-30"],
      ["closed", "2021-06-30"],
    ]);
    const longTerm = applyCorrection(ledger, { op: "setProblemStatus", problem: 1, status: "long_term" }, 0);
    // The work still open carries on as long-term; the work done stays time-limited.
    expect(longTerm.input.problems[0]!.measures!.map((m) => m.kind)).toEqual(["time_limited", "long_term"]);
  });

  it("refuses to complete a problem without measures, naming it", () => {
    expect(() =>
      applyCorrection(ledger, { op: "setProblemStatus", problem: 3, status: "completed" }, 4),
    ).toThrow("第5项修改有误：第3个问题没有整改措施，不能设为“已整改完成”");
  });

  it("merges and splits without losing a measure", () => {
    const merged = applyCorrection(ledger, { op: "mergeProblems", into: 2, from: 1 }, 0).input;
    expect(merged.problems.map((p) => p.title)).toEqual(["乙", "丙"]);
    expect(merged.problems[0]!.measures).toHaveLength(3);
    const split = applyCorrection(
      merged,
      { op: "splitProblem", problem: 1, measures: [3, 2], title: "丁" },
      0,
    );
    expect(split.input.problems.map((p) => [p.title, p.measures!.map((m) => m.text)])).toEqual([
      ["乙", ["完善财务报销制度并组织专题培训"]],
      ["丁", ["已做", "在做"]],
      ["丙", []],
    ]);
    expect(split.summary).toBe("从第1个问题“乙”拆出第2、3条措施，成为第2个问题“丁”");
  });
});
