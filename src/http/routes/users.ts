// Accounts over HTTP (admin only): list, read, create, change (If-Match on the account's version, ETag in the
// answer), grant and revoke roles; and the caller's own password. Never a password or a hash in an answer.

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
import { createUserRequestSchema, grantRequestSchema, idParamSchema } from "../../shared/admin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { expectedVersionOf, sendVersion } from "../if-match.ts";
import { callerOf, sessionOf } from "../auth.ts";

const presentGrant = (g: Grant) => ({ ...g, roleLabel: ROLE_LABELS[g.role] });

const withEtag = (reply: FastifyReply, user: User): FastifyReply => sendVersion(reply, user.version);

const idOf = (request: FastifyRequest): string => parseInput(idParamSchema, request.params, "路径参数").id;

export function userRoutes(app: FastifyInstance, deps: AccountDeps): void {
  app.get("/api/v1/users", async (request) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const users = await listUsers(deps, caller);
    return { items: users.map((u) => ({ user: u.user, grants: u.grants.map(presentGrant) })) };
  });

  app.get("/api/v1/users/:id", async (request, reply) => {
    const found = await getUser(deps, callerOf(request), { userId: idOf(request) });
    return withEtag(reply, found.user).send({ user: found.user, grants: found.grants.map(presentGrant) });
  });

  app.post("/api/v1/users", async (request, reply) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const input = parseInput(createUserRequestSchema, request.body ?? {}, "账号信息");
    const created = await createUser(deps, caller, input);
    return withEtag(reply.status(201), created.user).send({
      user: created.user,
      grants: created.grants.map(presentGrant),
    });
  });

  app.patch("/api/v1/users/:id", async (request, reply) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    const userId = idOf(request);
    const user = await updateUser(deps, caller, {
      userId,
      expectedVersion: expectedVersionOf(request),
      change: request.body ?? {},
    });
    return withEtag(reply, user).send({ user });
  });

  app.post("/api/v1/users/:id/grants", async (request, reply) => {
    const caller = callerOf(request);
    const { user } = await getUser(deps, caller, { userId: idOf(request) });
    const wanted = parseInput(grantRequestSchema, request.body ?? {}, "授权信息");
    const grant = await grantRole(deps, caller, { login: user.login, ...wanted });
    return reply.status(201).send(presentGrant(grant));
  });

  app.delete("/api/v1/grants/:id", async (request, reply) => {
    const caller = callerOf(request);
    requireAdmin(caller);
    await revokeGrant(deps, caller, { grantId: idOf(request) });
    return reply.status(204).send();
  });

  app.put("/api/v1/session/password", async (request, reply) => {
    const session = sessionOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    await changeOwnPassword(deps, callerOf(request), { ...body, sessionId: session.id } as never);
    return reply.status(204).send();
  });
}
