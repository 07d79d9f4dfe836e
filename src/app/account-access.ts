// What account use cases share: the caller's scope (from their grants' org paths), and the Chinese refusals.

import { isAdmin, scopeOfCaller, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { passwordProblems } from "../domain/password-policy.ts";
import type { Org, Person } from "../domain/org.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type { Repositories } from "../storage/store.ts";

/** The paths of the orgs the caller's grants name, by org id. */
export async function callerOrgPaths(repos: Repositories, caller: Caller): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const grant of caller.grants) {
    if (grant.orgId === null || paths.has(grant.orgId)) continue;
    const org = await repos.orgs.get(SCOPE_ALL, grant.orgId);
    if (org) paths.set(org.id, org.path);
  }
  return paths;
}

/** The caller's scope, reading the paths of the orgs their grants name. */
export async function callerScope(repos: Repositories, caller: Caller): Promise<Scope> {
  if (isAdmin(caller)) return SCOPE_ALL;
  return scopeOfCaller(caller, await callerOrgPaths(repos, caller));
}

/** Checked after visibility, so that what lies outside the caller's scope answers "not found" instead. */
export function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统管理员可以管理账号和权限");
}

export const userNotFound = (): DomainError =>
  new DomainError("user_not_found", "未找到该账号（或无权查看）");
export const orgNotFound = (): DomainError => new DomainError("org_not_found", "未找到该单位（或无权查看）");

/**
 * The person an account may be linked to: one of the account's org subtree (a unit's account may be a person of
 * one of its departments). Anything else answers person_not_found.
 */
export async function requireLinkablePerson(
  repos: Repositories,
  personId: string,
  org: Org | null,
): Promise<Person> {
  const person = await repos.people.get(personId);
  const personOrg = person && (await repos.orgs.get(SCOPE_ALL, person.orgId));
  if (!person || !personOrg || org === null || !personOrg.path.startsWith(org.path)) {
    throw new DomainError("person_not_found", "未找到该人员（人员须属于账号所在单位或其下级部门）");
  }
  return person;
}

/** Refuses a password the policy rejects, naming every reason; never repeats the password. */
export function requireStrongPassword(password: string, login: string): void {
  const problems = passwordProblems(password, login);
  if (problems.length > 0) {
    throw new DomainError(
      "password_too_weak",
      `密码不符合要求：${problems.join("；")}`,
      problems.map((message) => ({ path: "password", code: "password_too_weak", message })),
    );
  }
}
