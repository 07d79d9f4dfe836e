// The accounts' part of the storage interface (see store.ts): users, their credentials, grants and sessions.

import type { Grant, Role, User } from "../domain/account.ts";
import type { Scope } from "../domain/scope.ts";

/** Sign-in facts of a user: kept apart from `User` so the hash never travels with an account. */
export interface UserCredentials {
  readonly userId: string;
  /** argon2id PHC string. */
  readonly passwordHash: string;
  /** Failed sign-ins since the last success or lockout. */
  readonly failedLogins: number;
  /** ISO UTC; sign-in is refused before this moment. */
  readonly lockedUntil: string | null;
}

export interface UserRepository {
  insert(user: User, passwordHash: string, createdAt: string): Promise<void>;
  /** A user whose org lies in `scope` (users without an org only in the unrestricted scope). */
  get(scope: Scope, id: string): Promise<User | undefined>;
  /** By login (any case), unscoped: for sign-in and the operator's command line only. */
  findByLogin(login: string): Promise<User | undefined>;
  /** Users in scope, ordered by login. */
  list(scope: Scope): Promise<User[]>;
  /** How many accounts exist at all (the first start creates the admin when none does). */
  count(): Promise<number>;
  credentials(userId: string): Promise<UserCredentials | undefined>;
  /** Sets a new hash if the version still matches; bumps the version and clears the lockout. */
  setPasswordHash(id: string, expectedVersion: number, passwordHash: string): Promise<boolean>;
  /**
   * Counts a sign-in attempt before its password is checked, atomically; returns the attempts counted since the
   * last success or lock (this one included). Counting first bounds the guesses a burst of parallel requests gets.
   */
  countSignInAttempt(id: string): Promise<number>;
  /** Locks the account until `lockUntil` (ISO UTC); the count stays, so attempts racing the lock stay refused. */
  lockLogin(id: string, lockUntil: string): Promise<void>;
  /**
   * After a lock ran out: starts counting again, only if the lock is still the one `lockedUntil` names (of
   * concurrent attempts exactly one resets, the others count on from there).
   */
  endLock(id: string, lockedUntil: string): Promise<void>;
  /** A successful sign-in clears the failure count and any lock. */
  clearFailedLogins(id: string): Promise<void>;
  /** Writes the account's details if the version still matches (optimistic lock); bumps the version. */
  update(id: string, expectedVersion: number, change: UserChange): Promise<boolean>;
}

/** What an admin may change of an account (login and password have their own ways). */
export interface UserChange {
  readonly displayName: string;
  readonly orgId: string | null;
  readonly personId: string | null;
  readonly disabled: boolean;
}

export interface GrantRepository {
  insert(grant: Grant, createdAt: string): Promise<void>;
  get(id: string): Promise<Grant | undefined>;
  /** Ordered by role then org. */
  listByUser(userId: string): Promise<Grant[]>;
  delete(id: string): Promise<boolean>;
  /** How many grants of `role` exist, over all users (the last admin grant may not be revoked). */
  countByRole(role: Role): Promise<number>;
  /** How many enabled accounts hold a grant of `role` (the last enabled admin may not be disabled). */
  countEnabledHolders(role: Role): Promise<number>;
}

/** A server-side session; `id` is the sha-256 of the cookie token. */
export interface Session {
  readonly id: string;
  readonly userId: string;
  /** sha-256 (hex) of the CSRF token handed to the client at sign-in. */
  readonly csrfTokenHash: string;
  /** ISO UTC. */
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end of the session (ISO UTC), whatever the activity. */
  readonly expiresAt: string;
  readonly revoked: boolean;
}

/** A session with its account and the account's grants: what every request signed in with a cookie needs. */
export interface SessionWithAccount {
  readonly session: Session;
  readonly user: User;
  /** Ordered by role, org, id (as `grants.listByUser`). */
  readonly grants: Grant[];
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  get(id: string): Promise<Session | undefined>;
  /** The session `id` with its account and grants, read in one statement; undefined when either is missing. */
  withAccount(id: string): Promise<SessionWithAccount | undefined>;
  touch(id: string, lastSeenAt: string): Promise<void>;
  revoke(id: string): Promise<boolean>;
  /** Signs the user out everywhere (but in session `exceptId`, if given); returns how many were revoked. */
  revokeAllForUser(userId: string, exceptId?: string): Promise<number>;
}

/** A token for scripts: `Authorization: Bearer zg_…`. Only the sha-256 of the secret is stored. */
export interface ApiToken {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  /** sha-256 (hex) of the secret. */
  readonly tokenHash: string;
  /** May only read (GET/HEAD), whatever the user's roles allow. */
  readonly readOnly: boolean;
  /** ISO UTC. */
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface ApiTokenRepository {
  insert(token: ApiToken): Promise<void>;
  get(id: string): Promise<ApiToken | undefined>;
  /** By the sha-256 of the secret, whatever its state (the caller checks revocation and expiry). */
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  /** The user's tokens, revoked ones included, newest first. */
  listByUser(userId: string): Promise<ApiToken[]>;
  touch(id: string, lastUsedAt: string): Promise<void>;
  /** False when the token was already revoked (or does not exist). */
  revoke(id: string, at: string): Promise<boolean>;
  /** Revokes every live token of the user; returns how many. */
  revokeAllForUser(userId: string, at: string): Promise<number>;
}
