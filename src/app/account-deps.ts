// The ports account use cases need beyond Deps: password hashing and generation (argon2id in production, fakes in tests).

import type { Deps } from "./deps.ts";

export interface Passwords {
  /** A PHC string (argon2id in production); never logged, never returned by an API. */
  hash(password: string): Promise<string>;
  /** False for a wrong password or a hash that cannot be read. */
  verify(hash: string, password: string): Promise<boolean>;
  /** A random password that satisfies the password policy, for the first admin and for accounts without one. */
  generate(): string;
}

export interface AccountDeps extends Deps {
  readonly passwords: Passwords;
}
