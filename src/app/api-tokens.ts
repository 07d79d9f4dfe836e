// API tokens for scripts: create (the secret `zg_…` is returned once, only its sha-256 is stored), list one's own,
// revoke (one's own; an admin any), and resolve a presented secret to the caller it acts for.

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { createApiTokenSchema, type CreateApiTokenInput } from "../shared/admin-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { ApiToken } from "../storage/store.ts";
import type { Deps } from "./deps.ts";
import type { Tokens } from "./session-deps.ts";
import { tokenDigest } from "./token-digest.ts";
import { auditBy } from "./audit-by.ts";

/** Every secret starts with this, so that leaked tokens are easy to find in code and logs. */
export const API_TOKEN_PREFIX = "zg_";

/** Writing last_used_at on every request would make every read a write. */
const TOUCH_AFTER_MS = 60_000;
const DAY_MS = 86_400_000;

/** What the owner learns about a token: never the secret, never its hash. */
export type ApiTokenView = Omit<ApiToken, "tokenHash">;

export const presentApiToken = ({ tokenHash: _hash, ...view }: ApiToken): ApiTokenView => view;

const tokenNotFound = (): DomainError => new DomainError("token_not_found", "未找到该令牌（或无权查看）");

export async function createApiToken(
  deps: Deps & { readonly tokens: Tokens },
  caller: Caller,
  input: CreateApiTokenInput,
): Promise<{ token: ApiTokenView; secret: string }> {
  const wanted = parseInput(createApiTokenSchema, input, "令牌信息");
  const now = deps.clock.now();
  const secret = `${API_TOKEN_PREFIX}${deps.tokens.random()}`;
  const token: ApiToken = {
    id: deps.ids.next("tok"),
    userId: caller.user.id,
    name: wanted.name,
    tokenHash: tokenDigest(secret),
    readOnly: wanted.readOnly,
    createdAt: now,
    expiresAt: new Date(Date.parse(now) + wanted.expiresInDays * DAY_MS).toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.apiTokens.insert(token);
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "token.create",
      entity: "user",
      entityId: caller.user.id,
      data: { tokenId: token.id, name: token.name, readOnly: token.readOnly, expiresAt: token.expiresAt },
    });
  });
  return { token: presentApiToken(token), secret };
}

export async function listApiTokens(deps: Deps, caller: Caller): Promise<ApiTokenView[]> {
  return (await deps.store.apiTokens.listByUser(caller.user.id)).map(presentApiToken);
}

/** Revokes a token of the caller's (an admin: anyone's). Revoking a revoked token again changes nothing. */
export async function revokeApiToken(deps: Deps, caller: Caller, input: { tokenId: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    const token = await tx.apiTokens.get(input.tokenId);
    if (!token || (token.userId !== caller.user.id && !isAdmin(caller))) throw tokenNotFound();
    if (!(await tx.apiTokens.revoke(token.id, now))) return;
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "token.revoke",
      entity: "user",
      entityId: token.userId,
      data: { tokenId: token.id, name: token.name },
    });
  });
}

/**
 * The caller a presented secret acts for, with the owner's current grants, or null when the token is unknown,
 * revoked, expired, or its account is gone or disabled. Marks the token used (at most once a minute).
 */
export async function resolveApiToken(
  deps: Deps,
  secret: string,
): Promise<{ caller: Caller; token: ApiToken } | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 256) return null;
  const now = deps.clock.now();
  const token = await deps.store.apiTokens.findByHash(tokenDigest(secret));
  if (!token || token.revokedAt !== null) return null;
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= Date.parse(now)) return null;
  const user = await deps.store.users.get(SCOPE_ALL, token.userId);
  if (!user || user.disabled) return null;
  if (token.lastUsedAt === null || Date.parse(now) - Date.parse(token.lastUsedAt) >= TOUCH_AFTER_MS) {
    await deps.store.apiTokens.touch(token.id, now);
  }
  return { caller: { user, grants: await deps.store.grants.listByUser(user.id) }, token };
}
