// One account with its grants, for an admin (the administration pages); others are refused.

import type { Caller } from "../domain/account.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { requireAdmin, userNotFound } from "./account-access.ts";
import type { Deps } from "./deps.ts";
import type { UserWithGrants } from "./list-users.ts";

export async function getUser(
  deps: Deps,
  caller: Caller,
  input: { userId: string },
): Promise<UserWithGrants> {
  requireAdmin(caller);
  return deps.store.snapshot(async (tx) => {
    const user = await tx.users.get(SCOPE_ALL, input.userId);
    if (!user) throw userNotFound();
    return { user, grants: await tx.grants.listByUser(user.id) };
  });
}
