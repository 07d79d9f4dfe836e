// The first start: with no account at all, creates `admin` (password from config, or generated and returned once).

import type { Grant, User } from "../domain/account.ts";
import { requireStrongPassword } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";

export const BOOTSTRAP_LOGIN = "admin";

export type BootstrapResult =
  | { readonly created: false }
  | { readonly created: true; readonly login: string; readonly generatedPassword: string | null };

/** Does nothing once any account exists; a configured password must pass the policy (it is never echoed). */
export async function bootstrapAdmin(
  deps: AccountDeps,
  options: { password?: string | undefined },
): Promise<BootstrapResult> {
  if ((await deps.store.users.count()) > 0) return { created: false };
  const password = options.password ?? deps.passwords.generate();
  requireStrongPassword(password, BOOTSTRAP_LOGIN);
  const passwordHash = await deps.passwords.hash(password);
  const now = deps.clock.now();
  const user: User = {
    id: deps.ids.next("usr"),
    login: BOOTSTRAP_LOGIN,
    displayName: "系统管理员",
    orgId: null,
    personId: null,
    disabled: false,
    version: 1,
  };
  const grant: Grant = { id: deps.ids.next("grt"), userId: user.id, role: "admin", orgId: null };
  const created = await deps.store.transaction(async (tx) => {
    // Two servers starting on one empty database: the second finds the first one's admin and stops here.
    if ((await tx.users.count()) > 0) return false;
    await tx.users.insert(user, passwordHash, now);
    await tx.grants.insert(grant, now);
    await tx.audit.append({
      at: now,
      actor: "system",
      action: "user.create",
      entity: "user",
      entityId: user.id,
      data: {
        login: user.login,
        displayName: user.displayName,
        orgId: null,
        grants: [{ id: grant.id, role: "admin", orgId: null }],
      },
    });
    return true;
  });
  if (!created) return { created: false };
  return {
    created: true,
    login: user.login,
    generatedPassword: options.password === undefined ? password : null,
  };
}
