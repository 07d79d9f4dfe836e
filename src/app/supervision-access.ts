// Who may take a step of the supervision ladder over an inspection: the roles (domain/permissions.ts) and the rule that
// a unit never supervises itself, even when an account of it also holds an oversight grant.

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import type { Repositories } from "../storage/store.ts";

/**
 * Refuses an account that belongs to the inspected unit (or one of its departments) even when it also holds an
 * oversight grant (a misconfiguration the role table alone would let through); `message` says which step was refused.
 */
export async function refuseOwnUnit(
  repos: Pick<Repositories, "orgs">,
  caller: Caller,
  unitId: string,
  message: string,
): Promise<void> {
  if (isAdmin(caller) || caller.user.orgId === null) return;
  const [own, unit] = await Promise.all([
    repos.orgs.get(SCOPE_ALL, caller.user.orgId),
    repos.orgs.get(SCOPE_ALL, unitId),
  ]);
  if (own && unit && own.path.startsWith(unit.path)) {
    throw new DomainError("forbidden", message);
  }
}
