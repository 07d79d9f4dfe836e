// Grants a role over an org subtree to an account (admin: over everything); only an admin may. Audited.

import type { Caller, Grant } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { grantRoleSchema, type GrantRoleInput } from "../shared/account-input.ts";
import { parseInput } from "../shared/validation.ts";
import { callerScope, orgNotFound, requireAdmin, userNotFound } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";
import { auditBy } from "./audit-by.ts";

export async function grantRole(deps: AccountDeps, caller: Caller, input: GrantRoleInput): Promise<Grant> {
  const wanted = parseInput(grantRoleSchema, input, "授权信息");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const scope = await callerScope(tx, caller);
    const found = await tx.users.findByLogin(wanted.login);
    const user = found && (await tx.users.get(scope, found.id));
    if (!user) throw userNotFound();
    const orgId = wanted.role === "admin" ? null : (wanted.orgId ?? null);
    if (orgId !== null && !(await tx.orgs.get(scope, orgId))) throw orgNotFound();
    requireAdmin(caller);
    const held = await tx.grants.listByUser(user.id);
    if (held.some((g) => g.role === wanted.role && g.orgId === orgId)) {
      throw new DomainError("grant_exists", "该账号已拥有这一角色和范围");
    }
    const grant: Grant = { id: deps.ids.next("grt"), userId: user.id, role: wanted.role, orgId };
    await tx.grants.insert(grant, now);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "grant.create",
      entity: "user",
      entityId: user.id,
      data: { grantId: grant.id, role: grant.role, orgId: grant.orgId },
    });
    return grant;
  });
}
