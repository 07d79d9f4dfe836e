// Accounts over HTTP (admin only): list, read, create, change (If-Match on the account's version, ETag in the
// answer), grant and revoke roles; and the caller's own password. Never a password or a hash in an answer.

import type { FastifyReply } from "fastify";
import { requireAdmin } from "../../app/account-access.ts";
import type { AccountDeps } from "../../app/account-deps.ts";
import { changeOwnPassword } from "../../app/change-own-password.ts";
import { createUser } from "../../app/create-user.ts";
import { getUser } from "../../app/get-user.ts";
import { grantRole } from "../../app/grant-role.ts";
import { listUsers } from "../../app/list-users.ts";
import { revokeGrant } from "../../app/revoke-grant.ts";
import { updateUser } from "../../app/update-user.ts";
import { ROLE_LABELS, type Grant, type User } from "../../domain/account.ts";
import { createUserRequestSchema, grantRequestSchema } from "../../shared/admin-input.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf, sessionOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";

const presentGrant = (g: Grant) => ({ ...g, roleLabel: ROLE_LABELS[g.role] });

const withEtag = (reply: FastifyReply, user: User): FastifyReply => sendVersion(reply, user.version);

export function userRoutes(route: ContractRouter, deps: AccountDeps): void {
  route(API.listUsers, async ({ request }) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const users = await listUsers(deps, caller);
    return { items: users.map((u) => ({ user: u.user, grants: u.grants.map(presentGrant) })) };
  });

  route(API.getUser, async ({ request, reply, params }) => {
    const found = await getUser(deps, callerOf(request), { userId: params.id });
    withEtag(reply, found.user);
    return { user: found.user, grants: found.grants.map(presentGrant) };
  });

  route(API.createUser, async ({ request, reply }) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const input = parseInput(createUserRequestSchema, request.body ?? {}, "账号信息");
    const created = await createUser(deps, caller, input);
    withEtag(reply, created.user);
    return { user: created.user, grants: created.grants.map(presentGrant) };
  });

  route(API.updateUser, async ({ request, reply, params }) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const user = await updateUser(deps, caller, {
      userId: params.id,
      expectedVersion: expectedVersionOf(request),
      change: request.body ?? {},
    });
    withEtag(reply, user);
    return { user };
  });

  route(API.grantRole, async ({ request, params }) => {
    const caller = callerOf(request);
    const { user } = await getUser(deps, caller, { userId: params.id });
    const wanted = parseInput(grantRequestSchema, request.body ?? {}, "授权信息");
    return presentGrant(await grantRole(deps, caller, { login: user.login, ...wanted }));
  });

  route(API.revokeGrant, async ({ request, reply, params }) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    await revokeGrant(deps, caller, { grantId: params.id });
    return reply.status(204).send();
  });

  route(API.changeOwnPassword, async ({ request, reply }) => {
    const session = sessionOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    await changeOwnPassword(deps, callerOf(request), { ...body, sessionId: session.id } as never);
    return reply.status(204).send();
  });
}
