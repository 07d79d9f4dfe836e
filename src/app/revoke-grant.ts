// Takes a role grant away; only an admin may, and never the last admin grant (nobody could manage accounts). Audited.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { revokeGrantSchema, type RevokeGrantInput } from "../shared/account-input.ts";
import { parseInput } from "../shared/validation.ts";
import { callerScope, requireAdmin } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";
import { auditBy } from "./audit-by.ts";

const grantNotFound = (): DomainError => new DomainError("grant_not_found", "未找到该授权（或无权查看）");

export async function revokeGrant(deps: AccountDeps, caller: Caller, input: RevokeGrantInput): Promise<void> {
  const { grantId } = parseInput(revokeGrantSchema, input, "撤销授权");
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    const grant = await tx.grants.get(grantId);
    if (!grant || !(await tx.users.get(await callerScope(tx, caller), grant.userId))) throw grantNotFound();
    requireAdmin(caller);
    if (grant.role === "admin" && (await tx.grants.countByRole("admin")) <= 1) {
      throw new DomainError("last_admin", "这是最后一个系统管理员授权，撤销后将无人能管理账号");
    }
    if (!(await tx.grants.delete(grant.id))) throw grantNotFound();
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "grant.revoke",
      entity: "user",
      entityId: grant.userId,
      data: { grantId: grant.id, role: grant.role, orgId: grant.orgId },
    });
  });
}
