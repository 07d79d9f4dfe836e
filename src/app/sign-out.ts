// Signs out: this session only, or every session of the caller's account (after a lost device, say).

import type { Caller } from "../domain/account.ts";
import type { Deps } from "./deps.ts";

export async function signOut(deps: Deps, _caller: Caller, input: { sessionId: string }): Promise<void> {
  await deps.store.sessions.revoke(input.sessionId);
}

/** Returns how many sessions were open. */
export async function signOutEverywhere(deps: Deps, caller: Caller): Promise<number> {
  return deps.store.sessions.revokeAllForUser(caller.user.id);
}
