// The signed-in caller changes their own password, always giving the current one (an admin too: a stolen session
// must not be enough). Every other session of the account is signed out; this one stays. Audited without secrets.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import { requireStrongPassword } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";

export interface ChangeOwnPasswordOptions extends ChangeOwnPasswordInput {
  /** The session the request came in (kept signed in). */
  readonly sessionId: string;
}

export async function changeOwnPassword(
  deps: AccountDeps,
  caller: Caller,
  options: ChangeOwnPasswordOptions,
): Promise<void> {
  const wanted = parseInput(changeOwnPasswordSchema, options, "修改密码");
  const user = caller.user;
  const credentials = await deps.store.users.credentials(user.id);
  if (!credentials || !(await deps.passwords.verify(credentials.passwordHash, wanted.currentPassword))) {
    throw new DomainError("password_incorrect", "当前密码不正确", [
      { path: "currentPassword", code: "password_incorrect", message: "当前密码不正确" },
    ]);
  }
  requireStrongPassword(wanted.newPassword, user.login);
  const passwordHash = await deps.passwords.hash(wanted.newPassword);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.users.setPasswordHash(user.id, user.version, passwordHash))) {
      throw new DomainError("user_changed", "该账号已被他人修改，请重试");
    }
    const signedOut = await tx.sessions.revokeAllForUser(user.id, options.sessionId);
    await tx.audit.append({
      at: now,
      actor: user.id,
      action: "user.password",
      entity: "user",
      entityId: user.id,
      data: { own: true, sessionsRevoked: signedOut },
    });
  });
}
