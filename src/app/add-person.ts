// Adds a person (name, post) to an org; an admin may, and a unit office over that org's subtree. One name per
// org, as imports find people by name. Audited.

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Person } from "../domain/org.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import { addPersonSchema, type AddPersonInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import { callerOrgPaths, callerScope, orgNotFound } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import { auditBy } from "./audit-by.ts";

/** True when an org at `path` is visible: in a whole subtree or a department subtree of the scope. */
const orgVisible = (scope: Scope, path: string): boolean =>
  scope.kind === "all" || [...scope.paths, ...scope.departmentPaths].some((root) => path.startsWith(root));

export async function addPerson(deps: Deps, caller: Caller, input: AddPersonInput): Promise<Person> {
  const wanted = parseInput(addPersonSchema, input, "人员信息");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const org = await tx.orgs.get(SCOPE_ALL, wanted.orgId);
    if (!org || !orgVisible(await callerScope(tx, caller), org.path)) throw orgNotFound();
    if (!isAdmin(caller)) {
      const paths = await callerOrgPaths(tx, caller);
      const office = caller.grants.some((g) => {
        const root = g.role === "unit_office" && g.orgId !== null ? paths.get(g.orgId) : undefined;
        return root !== undefined && org.path.startsWith(root);
      });
      if (!office) throw new DomainError("forbidden", "只有系统管理员或本单位整改办可以添加人员");
    }
    if (await tx.people.findByName(org.id, wanted.name)) {
      throw new DomainError("person_name_taken", "该单位已有同名人员");
    }
    const person: Person = {
      id: deps.ids.next("psn"),
      orgId: org.id,
      name: wanted.name,
      post: wanted.post ?? null,
    };
    await tx.people.insert(person);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "person.create",
      entity: "org",
      entityId: org.id,
      data: { personId: person.id, name: person.name, post: person.post },
    });
    return person;
  });
}
