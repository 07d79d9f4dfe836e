// Accounts and roles: who signs in, which role they hold over which org subtree, and what they may therefore see.
// Pure: the org paths a scope needs are passed in, never looked up here.

import { outermostPaths, scopeOf, SCOPE_ALL, type Scope } from "./scope.ts";

export const ROLES = [
  "admin",
  "oversight",
  "inspection_team",
  "unit_office",
  "unit_leader",
  "department_reporter",
  "supervisor",
  "viewer",
] as const;
export type Role = (typeof ROLES)[number];

/** The words the UI shows for each role. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  admin: "系统管理员",
  oversight: "巡察办",
  inspection_team: "巡察组",
  unit_office: "单位整改办",
  unit_leader: "单位领导",
  department_reporter: "责任部门填报人",
  supervisor: "纪检监督",
  viewer: "只读",
};

/** A person who signs in. The password hash never leaves storage and the sign-in use case. */
export interface User {
  readonly id: string;
  /** Unique, lower case: letters, digits, `.`, `_`, `-`. */
  readonly login: string;
  readonly displayName: string;
  /** The org the person belongs to; null only for system accounts such as the first admin. */
  readonly orgId: string | null;
  readonly personId: string | null;
  readonly disabled: boolean;
  /** Bumped by every change (optimistic lock). */
  readonly version: number;
}

/** A role held over the subtree of `orgId`; null only for admin, whose grant covers everything. */
export interface Grant {
  readonly id: string;
  readonly userId: string;
  readonly role: Role;
  readonly orgId: string | null;
}

/** Who acts in a use case: the signed-in user and their grants. */
export interface Caller {
  readonly user: User;
  readonly grants: readonly Grant[];
  /** The HTTP request the caller acts in, recorded with every audit event it causes; absent on the command line. */
  readonly requestId?: string;
}

/** The caller of command-line and start-up actions: the operator of the machine, with every right. */
export const SYSTEM_CALLER: Caller = {
  user: {
    id: "system",
    login: "system",
    displayName: "系统",
    orgId: null,
    personId: null,
    disabled: false,
    version: 1,
  },
  grants: [{ id: "system", userId: "system", role: "admin", orgId: null }],
};

export const isAdmin = (caller: Caller): boolean =>
  !caller.user.disabled && caller.grants.some((g) => g.role === "admin");

/**
 * What the caller may see: everything for an admin, else the union of the subtrees their grants cover (a department
 * reporter's grant covers the measures of its department subtree only). A disabled user, or a grant whose org has
 * no known path, adds nothing.
 */
export function scopeOfCaller(caller: Caller, orgPathById: ReadonlyMap<string, string>): Scope {
  if (caller.user.disabled) return scopeOf([]);
  if (isAdmin(caller)) return SCOPE_ALL;
  const paths: string[] = [];
  const departmentPaths: string[] = [];
  for (const grant of caller.grants) {
    const path = grant.orgId === null ? undefined : orgPathById.get(grant.orgId);
    if (path === undefined) continue;
    (grant.role === "department_reporter" ? departmentPaths : paths).push(path);
  }
  const whole = outermostPaths(paths);
  // A department inside a subtree already wholly visible adds nothing.
  const departments = outermostPaths(departmentPaths).filter((d) => !whole.some((p) => d.startsWith(p)));
  return scopeOf(whole, departments);
}
