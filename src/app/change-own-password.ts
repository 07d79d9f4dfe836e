// The signed-in caller changes their own password, always giving the current one (an admin too: a stolen session
// must not be enough). Wrong current passwords count as failed sign-ins (5 lock the account for 15 minutes), so a
// stolen session cannot guess it. Every other session of the account is signed out; this one stays. Audited
// without secrets.

import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { isLocked, lockoutEnd, MAX_FAILED_LOGINS } from "../domain/sign-in-policy.ts";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import { requireStrongPassword } from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";

const incorrect = (): DomainError =>
  new DomainError("password_incorrect", "当前密码不正确", [
    { path: "currentPassword", code: "password_incorrect", message: "当前密码不正确" },
  ]);
const locked = (): DomainError =>
  new DomainError("sign_in_locked", "密码错误次数过多，该账号已暂时锁定，请 15 分钟后再试");

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
  const now = deps.clock.now();
  const credentials = await deps.store.users.credentials(user.id);
  if (!credentials) throw incorrect();
  if (isLocked(credentials.lockedUntil, now)) throw locked();
  if (credentials.lockedUntil !== null) await deps.store.users.endLock(user.id, credentials.lockedUntil);
  // Counted before the check, as at sign-in: a burst of parallel guesses gets at most MAX_FAILED_LOGINS verified.
  const attempt = await deps.store.users.countSignInAttempt(user.id);
  if (attempt > MAX_FAILED_LOGINS) {
    await deps.store.users.lockLogin(user.id, lockoutEnd(now));
    throw locked();
  }
  if (!(await deps.passwords.verify(credentials.passwordHash, wanted.currentPassword))) {
    if (attempt === MAX_FAILED_LOGINS) await deps.store.users.lockLogin(user.id, lockoutEnd(now));
    throw incorrect();
  }
  await deps.store.users.clearFailedLogins(user.id);
  requireStrongPassword(wanted.newPassword, user.login);
  const passwordHash = await deps.passwords.hash(wanted.newPassword);
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
