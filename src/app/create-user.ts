// Creates an account under an org, optionally with a role over that org; only an admin may. Audited, hash never shown.

import type { Caller, Grant, User } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { createUserSchema, type CreateUserInput } from "../shared/account-input.ts";
import { parseInput } from "../shared/validation.ts";
import {
  callerScope,
  orgNotFound,
  requireAdmin,
  requireLinkablePerson,
  requireStrongPassword,
} from "./account-access.ts";
import type { AccountDeps } from "./account-deps.ts";
import { auditBy } from "./audit-by.ts";

export interface CreatedUser {
  readonly user: User;
  readonly grants: readonly Grant[];
  /** The generated password when none was given: show it once, it is stored only as a hash. */
  readonly generatedPassword: string | null;
}

export const loginTaken = (): DomainError => new DomainError("login_taken", "该登录名已被使用，请换一个");

export async function createUser(
  deps: AccountDeps,
  caller: Caller,
  input: CreateUserInput,
): Promise<CreatedUser> {
  const wanted = parseInput(createUserSchema, input, "账号信息");
  const org = await deps.store.orgs.get(await callerScope(deps.store, caller), wanted.orgId);
  if (!org) throw orgNotFound();
  requireAdmin(caller);
  if (wanted.personId !== undefined) await requireLinkablePerson(deps.store, wanted.personId, org);
  const password = wanted.password ?? deps.passwords.generate();
  requireStrongPassword(password, wanted.login);
  if (await deps.store.users.findByLogin(wanted.login)) throw loginTaken();
  // Hashing takes tens of milliseconds: done before the transaction so it holds no write lock meanwhile.
  const passwordHash = await deps.passwords.hash(password);
  const now = deps.clock.now();
  const user: User = {
    id: deps.ids.next("usr"),
    login: wanted.login,
    displayName: wanted.displayName,
    orgId: org.id,
    personId: wanted.personId ?? null,
    disabled: false,
    version: 1,
  };
  const grants: Grant[] = wanted.role
    ? [
        {
          id: deps.ids.next("grt"),
          userId: user.id,
          role: wanted.role,
          orgId: wanted.role === "admin" ? null : org.id,
        },
      ]
    : [];
  await deps.store.transaction(async (tx) => {
    if (await tx.users.findByLogin(user.login)) throw loginTaken();
    await tx.users.insert(user, passwordHash, now);
    for (const grant of grants) await tx.grants.insert(grant, now);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "user.create",
      entity: "user",
      entityId: user.id,
      data: {
        login: user.login,
        displayName: user.displayName,
        orgId: user.orgId,
        personId: user.personId,
        grants: grants.map((g) => ({ id: g.id, role: g.role, orgId: g.orgId })),
      },
    });
  });
  return { user, grants, generatedPassword: wanted.password === undefined ? password : null };
}
