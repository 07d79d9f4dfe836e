// Signs a person in: checks the lockout and the password (argon2id; a dummy hash for unknown logins, so both take
// about as long), then opens a server-side session. Returns the tokens once; only their sha-256 are stored.

import type { z } from "zod";
import { signInSchema } from "../shared/account-input.ts";
import type { Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import {
  addMinutes,
  isLocked,
  lockoutEnd,
  MAX_FAILED_LOGINS,
  type SessionTimeouts,
} from "../domain/sign-in-policy.ts";
import { parseInput } from "../shared/validation.ts";
import type { Session } from "../storage/store.ts";
import type { SessionDeps } from "./session-deps.ts";
import { csrfTokenFor, tokenDigest } from "./token-digest.ts";

export type SignInInput = z.input<typeof signInSchema>;

export interface SignedIn {
  readonly caller: Caller;
  readonly session: Session;
  /** The cookie value; never stored. */
  readonly token: string;
  /** Sent back in X-CSRF-Token with every unsafe request; never stored. */
  readonly csrfToken: string;
}

/** A valid argon2id hash of a random password: unknown logins are verified against it to take the same time. */
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$aR4WHf3PQ6davxvqWj1RQw$a9wEZnQo0s/TfreYDphKQO+hctbaPp80O2GhZJfEHJw";

const failed = (): DomainError => new DomainError("sign_in_failed", "登录名或密码不正确");
const locked = (): DomainError =>
  new DomainError("sign_in_locked", "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试");

export async function signIn(
  deps: SessionDeps,
  input: SignInInput,
  timeouts: SessionTimeouts,
): Promise<SignedIn> {
  const { login, password } = parseInput(signInSchema, input, "登录信息");
  const now = deps.clock.now();
  const user = await deps.store.users.findByLogin(login);
  const credentials = user && !user.disabled ? await deps.store.users.credentials(user.id) : undefined;
  if (!user || !credentials) {
    if (deps.unknownLogins.lockedUntil(login, now) !== null) throw locked();
    await deps.passwords.verify(DUMMY_HASH, password);
    deps.unknownLogins.record(login, now);
    throw failed();
  }
  if (isLocked(credentials.lockedUntil, now)) throw locked();
  if (credentials.lockedUntil !== null) await deps.store.users.endLock(user.id, credentials.lockedUntil);
  // The attempt is counted before the password is checked: of a burst of parallel guesses only the first
  // MAX_FAILED_LOGINS are ever verified.
  const attempt = await deps.store.users.countSignInAttempt(user.id);
  if (attempt > MAX_FAILED_LOGINS) {
    await deps.store.users.lockLogin(user.id, lockoutEnd(now));
    throw locked();
  }
  if (!(await deps.passwords.verify(credentials.passwordHash, password))) {
    if (attempt === MAX_FAILED_LOGINS) await deps.store.users.lockLogin(user.id, lockoutEnd(now));
    throw failed();
  }
  const token = deps.tokens.random();
  const csrfToken = csrfTokenFor(token);
  const session: Session = {
    id: tokenDigest(token),
    userId: user.id,
    csrfTokenHash: tokenDigest(csrfToken),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: addMinutes(now, timeouts.absoluteHours * 60),
    revoked: false,
  };
  await deps.store.users.clearFailedLogins(user.id);
  await deps.store.sessions.insert(session);
  return { caller: { user, grants: await deps.store.grants.listByUser(user.id) }, session, token, csrfToken };
}
