// The ledger page's row model (src/web/ledger-rows.ts, pure): aspect, problem and measure lines in order, filters
// that keep exactly the matching measures and the problems and aspects that hold them.

import { describe, expect, it } from "vitest";
import { ledgerRows, NO_LEDGER_FILTERS, type LedgerFilters } from "../../src/web/ledger-rows.ts";
import type { Ledger } from "../../src/web/models.ts";

type Problem = Ledger["problems"][number];
type Measure = Problem["measures"][number];

function measure(id: string, over: Partial<Measure> = {}): Measure {
  return {
    id,
    inspectionId: "i",
    problemId: "p",
    seq: 1,
    text: `措施${id}`,
    kind: "time_limited",
    deadline: "2021-06-30",
    leadLeaderId: null,
    departmentId: "d1",
    personId: null,
    cooperatingDepartmentIds: [],
    acceptanceCriteria: null,
    evidenceRequired: false,
    state: "in_progress",
    closedAt: null,
    version: 1,
    submissions: 0,
    originalDeadline: null,
    overdue: false,
    warning: {
      level: "normal",
      judgedAgainst: "2021-06-30",
      defaulted: false,
      originalDeadline: null,
      extended: false,
      basis: "calendar",
      daysLeft: 30,
      daysOverdue: 0,
      holidayData: null,
    },
    ...over,
  };
}

function problem(
  id: string,
  seq: number,
  aspectId: string | null,
  measures: Measure[],
  title = `问题${id}`,
): Problem {
  return {
    id,
    inspectionId: "i",
    aspectId,
    seq,
    title,
    feedbackText: `${title}的具体表现`,
    symptoms: null,
    source: "feedback",
    disclosure: "public",
    withholdingReason: null,
    isCommon: false,
    status: "in_progress",
    measures,
    outcomes: [],
  };
}

const ledger = {
  aspects: [
    { id: "a2", inspectionId: "i", seq: 2, title: "第二方面", counts: {} },
    { id: "a1", inspectionId: "i", seq: 1, title: "第一方面", counts: {} },
  ],
  problems: [
    problem("p1", 1, "a1", [
      measure("m1", { personId: "zhang" }),
      measure("m2", { state: "closed", kind: "immediate", leadLeaderId: "zhang" }),
    ]),
    problem("p2", 2, "a2", [
      measure("m3", { overdue: true, departmentId: "d2", cooperatingDepartmentIds: ["d1"] }),
    ]),
    problem("p3", 3, null, [], "没有措施的问题"),
  ],
} as unknown as Ledger;

const keys = (filters: LedgerFilters) => ledgerRows(ledger, filters).rows.map((r) => r.key);

describe("ledger rows", () => {
  it("lists aspects by number, each problem after its aspect, measures after their problem, loose problems last", () => {
    expect(keys(NO_LEDGER_FILTERS)).toEqual([
      "a:a1",
      "p:p1",
      "m1",
      "m2",
      "a:a2",
      "p:p2",
      "m3",
      "a:none",
      "p:p3",
    ]);
    expect(ledgerRows(ledger, NO_LEDGER_FILTERS).measures).toBe(3);
  });

  it("keeps only matching measures, and only the problems and aspects holding one", () => {
    expect(keys({ ...NO_LEDGER_FILTERS, states: ["closed"] })).toEqual(["a:a1", "p:p1", "m2"]);
    expect(keys({ ...NO_LEDGER_FILTERS, kinds: ["time_limited"] })).toEqual([
      "a:a1",
      "p:p1",
      "m1",
      "a:a2",
      "p:p2",
      "m3",
    ]);
    expect(keys({ ...NO_LEDGER_FILTERS, overdueOnly: true })).toEqual(["a:a2", "p:p2", "m3"]);
    // A cooperating department counts as the department's own measure.
    expect(keys({ ...NO_LEDGER_FILTERS, departmentId: "d1" })).toEqual([
      "a:a1",
      "p:p1",
      "m1",
      "m2",
      "a:a2",
      "p:p2",
      "m3",
    ]);
    expect(keys({ ...NO_LEDGER_FILTERS, departmentId: "d2" })).toEqual(["a:a2", "p:p2", "m3"]);
    // A person finds the measures they are responsible for and those they lead.
    expect(keys({ ...NO_LEDGER_FILTERS, personId: "zhang" })).toEqual(["a:a1", "p:p1", "m1", "m2"]);
    // Free text finds the measure, the problem's title or its feedback text.
    expect(keys({ ...NO_LEDGER_FILTERS, text: "措施m2" })).toEqual(["a:a1", "p:p1", "m2"]);
    expect(keys({ ...NO_LEDGER_FILTERS, text: "问题p2的具体" })).toEqual(["a:a2", "p:p2", "m3"]);
    const counted = ledgerRows(ledger, { ...NO_LEDGER_FILTERS, states: ["in_progress"] });
    expect(counted.measures).toBe(2);
    expect(counted.rows[0]).toMatchObject({ type: "aspect", measures: 1 });
  });

  it("shows nothing when no measure matches", () => {
    expect(ledgerRows(ledger, { ...NO_LEDGER_FILTERS, text: "不存在" })).toEqual({ rows: [], measures: 0 });
  });
});
