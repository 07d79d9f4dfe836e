import { describe, expect, it } from "vitest";
import type { Caller, Grant } from "./account.ts";
import { mayAct, requireAction, rolesOver, type Place } from "./permissions.ts";

const caller = (grants: Array<Pick<Grant, "role" | "orgId">>, disabled = false): Caller => ({
  user: { id: "u1", login: "li", displayName: "李", orgId: null, personId: null, disabled, version: 1 },
  grants: grants.map((g, i) => ({ id: `g${i}`, userId: "u1", ...g })),
});
const paths = new Map([
  ["office", "/office/"],
  ["team8", "/office/team8/"],
  ["audit", "/audit/"],
  ["unitA", "/city/unitA/"],
  ["depA", "/city/unitA/depA/"],
  ["depB", "/city/unitA/depB/"],
]);
const measureOfDepA: Place = {
  unitPath: "/city/unitA/",
  oversightPath: "/office/team8/",
  departmentPaths: ["/city/unitA/depA/"],
  responsiblePath: "/city/unitA/depA/",
};

describe("rolesOver", () => {
  it("covers a measure by the inspected unit's subtree or by the office that runs the inspection", () => {
    expect([...rolesOver(caller([{ role: "unit_leader", orgId: "unitA" }]), measureOfDepA, paths)]).toEqual([
      "unit_leader",
    ]);
    // An inspection office that is not the unit's parent still covers what it runs (巡察办 by subtree, 巡察组 by team).
    expect([...rolesOver(caller([{ role: "oversight", orgId: "office" }]), measureOfDepA, paths)]).toEqual([
      "oversight",
    ]);
    expect([
      ...rolesOver(caller([{ role: "inspection_team", orgId: "team8" }]), measureOfDepA, paths),
    ]).toEqual(["inspection_team"]);
    expect(rolesOver(caller([{ role: "oversight", orgId: "audit" }]), measureOfDepA, paths).size).toBe(0);
  });

  it("covers a department reporter only on measures of their department", () => {
    expect(
      rolesOver(caller([{ role: "department_reporter", orgId: "depA" }]), measureOfDepA, paths).size,
    ).toBe(1);
    expect(
      rolesOver(caller([{ role: "department_reporter", orgId: "depB" }]), measureOfDepA, paths).size,
    ).toBe(0);
    // A department reporter's grant over the whole unit does not make them a unit role elsewhere.
    const inspectionOnly: Place = { ...measureOfDepA, departmentPaths: [], responsiblePath: null };
    expect(
      rolesOver(caller([{ role: "department_reporter", orgId: "unitA" }]), inspectionOnly, paths).size,
    ).toBe(0);
  });

  it("gives a disabled user nothing and an admin everything", () => {
    expect(rolesOver(caller([{ role: "admin", orgId: null }], true), measureOfDepA, paths).size).toBe(0);
    expect([...rolesOver(caller([{ role: "admin", orgId: null }]), measureOfDepA, paths)]).toEqual(["admin"]);
  });
});

describe("requireAction", () => {
  it("lets reporters report and leaders decide extensions, and says what was refused", () => {
    expect(mayAct(new Set(["department_reporter"]), "progress.report")).toBe(true);
    expect(mayAct(new Set(["viewer", "supervisor"]), "progress.report")).toBe(false);
    expect(mayAct(new Set(["unit_leader"]), "extension.decide")).toBe(true);
    expect(() => requireAction(new Set(["department_reporter"]), "extension.decide")).toThrow(
      "您没有权限审批延期",
    );
  });
});
