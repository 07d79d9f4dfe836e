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

  it("keeps the stricter disclosure of merged problems with its reason, and says so", () => {
    const draft = makeLedger({
      problems: [
        makeProblem({ title: "公开的问题", disclosure: "public" }),
        makeProblem({ title: "涉密的问题", disclosure: "withheld", withholdingReason: "state_secret" }),
        makeProblem({ title: "党内的问题", disclosure: "internal" }),
      ],
    });
    const merged = applyCorrection(draft, { op: "mergeProblems", into: 1, from: 2 }, 0);
    expect(merged.input.problems[0]).toMatchObject({
      disclosure: "withheld",
      withholdingReason: "state_secret",
    });
    expect(merged.summary).toBe(
      "把第2个问题“涉密的问题”合并到第1个问题“公开的问题”（1条措施并入），合并后按较严的公开范围“不公开”（涉及国家秘密）",
    );
    // Merging a less strict one into a withheld problem keeps it withheld, and says nothing more.
    const back = applyCorrection(draft, { op: "mergeProblems", into: 2, from: 3 }, 0);
    expect(back.input.problems[1]).toMatchObject({
      disclosure: "withheld",
      withholdingReason: "state_secret",
    });
    expect(back.summary).not.toContain("公开范围");
    const internal = applyCorrection(draft, { op: "mergeProblems", into: 1, from: 3 }, 0);
    expect(internal.input.problems[0]).toMatchObject({ disclosure: "internal", withholdingReason: null });
    expect(internal.summary).toContain("合并后按较严的公开范围“党内”");
  });

  it("keeps the merged problem's title in the text when no text says it (workbook problems have none)", () => {
    const draft = makeLedger({
      problems: [
        makeProblem({ title: "四风问题依然存在", feedbackText: null }),
        makeProblem({ title: "公务接待超标准", feedbackText: null }),
        makeProblem({ title: "会议过多", feedbackText: "会议过多，文山会海问题突出" }),
      ],
    });
    const merged = applyCorrection(draft, { op: "mergeProblems", into: 1, from: 2 }, 0).input;
    expect(merged.problems[0]).toMatchObject({
      title: "四风问题依然存在",
      feedbackText: "四风问题依然存在\n公务接待超标准",
    });
    // A text that already says the title is not repeated.
    const said = applyCorrection(draft, { op: "mergeProblems", into: 1, from: 3 }, 0).input;
    expect(said.problems[0]!.feedbackText).toBe("会议过多，文山会海问题突出");
  });

  it("drops the aspects a merge or split leaves without problems and keeps the order of the others", () => {
    const draft = makeLedger({
      aspects: ["甲方面", "乙方面", "丙方面", "未用方面"],
      problems: [
        makeProblem({ title: "一", aspect: "甲方面" }),
        makeProblem({ title: "二", aspect: "乙方面" }),
        makeProblem({ title: "三", aspect: "丙方面", measures: [makeMeasure(), makeMeasure()] }),
      ],
    });
    const merged = applyCorrection(draft, { op: "mergeProblems", into: 3, from: 2 }, 0).input;
    // An aspect no problem used before (a notice may list one) is not the correction's to drop.
    expect(merged.aspects).toEqual(["甲方面", "丙方面", "未用方面"]);
    const split = applyCorrection(merged, { op: "splitProblem", problem: 2, measures: [1], title: "四" }, 0);
    expect(split.input.aspects).toEqual(["甲方面", "丙方面", "未用方面"]);
  });
});
