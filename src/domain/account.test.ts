import { describe, expect, it } from "vitest";
import { ROLE_LABELS, ROLES, SYSTEM_CALLER, scopeOfCaller, type Caller, type Grant } from "./account.ts";
import { passwordProblems } from "./password-policy.ts";
import { SCOPE_ALL } from "./scope.ts";

const caller = (grants: Array<Pick<Grant, "role" | "orgId">>, disabled = false): Caller => ({
  user: { id: "u1", login: "li", displayName: "李", orgId: "unitA", personId: null, disabled, version: 1 },
  grants: grants.map((g, i) => ({ id: `g${i}`, userId: "u1", ...g })),
});
const paths = new Map([
  ["ovs", "/ovs/"],
  ["unitA", "/ovs/unitA/"],
  ["depA", "/ovs/unitA/depA/"],
  ["unitB", "/ovs/unitB/"],
]);

describe("scopeOfCaller", () => {
  it("gives an admin everything", () => {
    expect(scopeOfCaller(caller([{ role: "admin", orgId: null }]), paths)).toEqual(SCOPE_ALL);
    expect(scopeOfCaller(SYSTEM_CALLER, new Map())).toEqual(SCOPE_ALL);
  });

  it("gives every other role the union of its grants' subtrees, outermost roots only", () => {
    const scope = scopeOfCaller(
      caller([
        { role: "unit_office", orgId: "unitA" },
        { role: "department_reporter", orgId: "depA" },
        { role: "viewer", orgId: "unitB" },
      ]),
      paths,
    );
    expect(scope).toEqual({ kind: "subtrees", paths: ["/ovs/unitA/", "/ovs/unitB/"], departmentPaths: [] });
  });

  it("gives a department reporter the measures of their department only, unless a wider grant covers it", () => {
    const reporter = scopeOfCaller(caller([{ role: "department_reporter", orgId: "depA" }]), paths);
    expect(reporter).toEqual({ kind: "subtrees", paths: [], departmentPaths: ["/ovs/unitA/depA/"] });
    const both = scopeOfCaller(
      caller([
        { role: "department_reporter", orgId: "depA" },
        { role: "viewer", orgId: "unitB" },
      ]),
      paths,
    );
    expect(both).toEqual({ kind: "subtrees", paths: ["/ovs/unitB/"], departmentPaths: ["/ovs/unitA/depA/"] });
  });

  it("sees nothing without grants, with unknown orgs, or when disabled", () => {
    const nothing = { kind: "subtrees", paths: [], departmentPaths: [] };
    expect(scopeOfCaller(caller([]), paths)).toEqual(nothing);
    expect(scopeOfCaller(caller([{ role: "viewer", orgId: "gone" }]), paths)).toEqual(nothing);
    expect(scopeOfCaller(caller([{ role: "admin", orgId: null }], true), paths)).toEqual(nothing);
  });

  it("labels every role in Chinese", () => {
    expect(ROLES.map((r) => ROLE_LABELS[r])).toEqual([
      "系统管理员",
      "巡察办",
      "巡察组",
      "单位整改办",
      "单位领导",
      "责任部门填报人",
      "纪检监督",
      "只读",
    ]);
  });
});

describe("passwordProblems", () => {
  it("accepts ten characters of two kinds that are not the login", () => {
    expect(passwordProblems("abcdefgh12", "li")).toEqual([]);
    expect(passwordProblems("整改台账密码2021年", "li")).toEqual([]);
  });

  it("refuses short, one-kind and login-equal passwords with Chinese reasons", () => {
    expect(passwordProblems("abc1", "li")).toEqual(["密码至少需要 10 个字符"]);
    expect(passwordProblems("abcdefghijkl", "li")[0]).toMatch(/不能只由一类字符组成/);
    expect(passwordProblems("1234567890", "li")[0]).toMatch(/不能只由一类字符组成/);
    expect(passwordProblems("Admin12345", "admin12345")).toEqual(["密码不能与登录名相同"]);
  });
});
