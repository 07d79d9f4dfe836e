// Sets a new password: people change their own (giving the current one), an admin resets anyone's. Every
// session of the account is signed out. Audited without the password or its hash.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { changePasswordSchema, type ChangePasswordInput } from "../shared/account-input.ts";
import { parseInput } from "../shared/validation.ts";
import { callerScope, requireAdmin, requireStrongPassword, userNotFound } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";
import { isAdmin } from "../domain/account.ts";
import { auditBy } from "./audit-by.ts";

export async function changePassword(
  deps: AccountDeps,
  caller: Caller,
  input: ChangePasswordInput,
): Promise<{ generatedPassword: string | null }> {
  const wanted = parseInput(changePasswordSchema, input, "修改密码");
  const found = await deps.store.users.findByLogin(wanted.login);
  const user = found && (await deps.store.users.get(await callerScope(deps.store, caller), found.id));
  if (!user) throw userNotFound();
  const own = user.id === caller.user.id;
  if (!own) requireAdmin(caller);
  if (own && !isAdmin(caller)) {
    const credentials = await deps.store.users.credentials(user.id);
    const current = wanted.currentPassword ?? "";
    if (!credentials || !(await deps.passwords.verify(credentials.passwordHash, current))) {
      throw new DomainError("password_incorrect", "当前密码不正确");
    }
  }
  const password = wanted.password ?? deps.passwords.generate();
  requireStrongPassword(password, user.login);
  const passwordHash = await deps.passwords.hash(password);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.users.setPasswordHash(user.id, user.version, passwordHash))) {
      throw new DomainError("user_changed", "该账号已被他人修改，请重试");
    }
    const signedOut = await tx.sessions.revokeAllForUser(user.id);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "user.password",
      entity: "user",
      entityId: user.id,
      data: { sessionsRevoked: signedOut },
    });
  });
  return { generatedPassword: wanted.password === undefined ? password : null };
}
