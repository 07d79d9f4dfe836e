// Changes an account's name, org, linked person or disabled flag; only an admin may. Optimistic lock on the
// account's version. Disabling signs the account out everywhere and revokes its API tokens; the last enabled
// admin cannot be disabled. Audited.

import type { Caller, User } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { updateUserSchema, type UpdateUserInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { UserChange } from "../storage/store.ts";
import { orgNotFound, requireAdmin, requireLinkablePerson, userNotFound } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import { auditBy } from "./audit-by.ts";

export interface UpdateUserOptions {
  readonly userId: string;
  /** The version the admin saw (If-Match); a newer one answers user_changed. */
  readonly expectedVersion: number;
  readonly change: UpdateUserInput;
}

export const userChanged = (): DomainError =>
  new DomainError("user_changed", "该账号已被他人修改，请刷新后重试");

export async function updateUser(deps: Deps, caller: Caller, options: UpdateUserOptions): Promise<User> {
  requireAdmin(caller);
  const change = parseInput(updateUserSchema, options.change, "账号信息");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const user = await tx.users.get(SCOPE_ALL, options.userId);
    if (!user) throw userNotFound();
    if (user.version !== options.expectedVersion) throw userChanged();
    const next: UserChange = {
      displayName: change.displayName ?? user.displayName,
      orgId: change.orgId ?? user.orgId,
      personId: change.personId === undefined ? user.personId : change.personId,
      disabled: change.disabled ?? user.disabled,
    };
    let org: Org | null = null;
    if (next.orgId !== null) {
      org = (await tx.orgs.get(SCOPE_ALL, next.orgId)) ?? null;
      if (!org) throw orgNotFound();
    }
    // A moved account keeps its person only if the person still lies in the new org's subtree.
    if (next.personId !== null) await requireLinkablePerson(tx, next.personId, org);
    const disabling = next.disabled && !user.disabled;
    // The audit append takes the chain head's write lock first, so concurrent account changes queue here and the
    // count of enabled admins below sees every committed change (two admins cannot disable each other at once).
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "user.update",
      entity: "user",
      entityId: user.id,
      data: { before: changedFields(user, next, user), after: changedFields(user, next, next) },
    });
    if (disabling && (await tx.grants.listByUser(user.id)).some((g) => g.role === "admin")) {
      if ((await tx.grants.countEnabledHolders("admin")) <= 1) {
        throw new DomainError("last_admin", "这是最后一个启用的系统管理员账号，停用后将无人能管理账号");
      }
    }
    if (!(await tx.users.update(user.id, user.version, next))) throw userChanged();
    if (disabling) {
      await tx.sessions.revokeAllForUser(user.id);
      await tx.apiTokens.revokeAllForUser(user.id, now);
    }
    return { ...user, ...next, version: user.version + 1 };
  });
}

/** The fields that differ between `user` and `next`, with their values in `from`. */
function changedFields(user: UserChange, next: UserChange, from: UserChange): Partial<UserChange> {
  const keys = (["displayName", "orgId", "personId", "disabled"] as const).filter((k) => user[k] !== next[k]);
  return Object.fromEntries(keys.map((k) => [k, from[k]]));
}
