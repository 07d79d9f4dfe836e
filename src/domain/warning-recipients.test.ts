import { describe, expect, it } from "vitest";
import { recipientDirectory, warningRecipients, type MeasureParties } from "./warning-recipients.ts";

const UNIT = "/ovs/unt/";
const DEPT = "/ovs/unt/dep/";
const directory = recipientDirectory([
  { userId: "zhangsan", personId: "p-zhang", grants: [{ role: "viewer", orgPath: DEPT }] },
  { userId: "yang", personId: "p-yang", grants: [] },
  { userId: "reporter", personId: null, grants: [{ role: "department_reporter", orgPath: DEPT }] },
  {
    userId: "sub-reporter",
    personId: null,
    grants: [{ role: "department_reporter", orgPath: `${DEPT}sub/` }],
  },
  { userId: "leader", personId: null, grants: [{ role: "unit_leader", orgPath: UNIT }] },
  { userId: "office", personId: null, grants: [{ role: "unit_office", orgPath: UNIT }] },
  { userId: "parent-leader", personId: null, grants: [{ role: "unit_leader", orgPath: "/ovs/" }] },
]);
const measure: MeasureParties = {
  personId: "p-zhang",
  leadLeaderId: "p-yang",
  departmentPath: DEPT,
  unitPath: UNIT,
};
const told = (level: Parameters<typeof warningRecipients>[0], m = measure) =>
  warningRecipients(level, m, directory).map((r) => `${r.userId}:${r.part}`);

describe("who is told of a warning", () => {
  it("tells the responsible person and the department's reporter at green", () => {
    expect(told("green")).toEqual(["zhangsan:responsible_person", "reporter:department_reporter"]);
  });

  it("adds the supervising leader at yellow, and the unit's leader in their place when they have no account", () => {
    expect(told("yellow")).toContain("yang:supervising_leader");
    expect(told("yellow", { ...measure, leadLeaderId: "p-nobody" })).toContain("leader:supervising_leader");
  });

  it("adds the unit's leaders and office at red and overdue, each person once, never a parent unit's leader", () => {
    for (const level of ["red", "overdue"] as const) {
      expect(told(level)).toEqual([
        "zhangsan:responsible_person",
        "reporter:department_reporter",
        "yang:supervising_leader",
        "leader:unit_leader",
        "office:unit_office",
      ]);
    }
    // The leader standing in for a leader without an account is told once, as the supervising leader.
    expect(told("red", { ...measure, leadLeaderId: null }).filter((r) => r.startsWith("leader:"))).toEqual([
      "leader:supervising_leader",
    ]);
  });

  it("tells a reporter of the department or one above it, not of a department below it", () => {
    expect(told("green", { ...measure, departmentPath: `${DEPT}sub/` })).toEqual([
      "zhangsan:responsible_person",
      "sub-reporter:department_reporter",
      "reporter:department_reporter",
    ]);
  });
});
