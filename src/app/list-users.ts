// The accounts the caller may see (their grants' subtrees; all for an admin), each with its grants.

import type { Caller, Grant, User } from "../domain/account.ts";
import { callerScope } from "./account-access.ts";
import type { Deps } from "./deps.ts";

export interface UserWithGrants {
  readonly user: User;
  readonly grants: readonly Grant[];
}

export async function listUsers(deps: Deps, caller: Caller): Promise<UserWithGrants[]> {
  return deps.store.snapshot(async (tx) => {
    const users = await tx.users.list(await callerScope(tx, caller));
    const result: UserWithGrants[] = [];
    for (const user of users) result.push({ user, grants: await tx.grants.listByUser(user.id) });
    return result;
  });
}
