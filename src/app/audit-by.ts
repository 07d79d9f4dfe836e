// Who an audit event is by: the caller's account and, for a call over HTTP, the request (the X-Request-Id answer
// header), so that an event can be matched with the server log and the person's report.

import type { Caller } from "../domain/account.ts";
import type { Actor } from "./deps.ts";

export const auditBy = (caller: Caller): { actor: string; requestId?: string } => ({
  actor: caller.user.id,
  ...(caller.requestId === undefined ? {} : { requestId: caller.requestId }),
});

/** The actor and request fields of an audit event written for `actor`. */
export const auditByActor = (actor: Actor): { actor: string; requestId?: string } => ({
  actor: actor.id,
  ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
});
