// Orgs over HTTP: the caller's visible orgs (flat, tree order, cursor-paged), a new org (admin), a new person of an
// org (admin or the unit office over it).

import type { FastifyInstance } from "fastify";
import { addPerson } from "../../app/add-person.ts";
import { createOrg } from "../../app/create-org.ts";
import type { Deps } from "../../app/deps.ts";
import { listOrgs } from "../../app/list-orgs.ts";
import { idParamSchema } from "../../shared/admin-input.ts";
import { parseInput } from "../../shared/validation.ts";
import { callerOf } from "../auth.ts";

export function orgRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/v1/orgs", async (request) => listOrgs(deps, callerOf(request), request.query as never));

  app.post("/api/v1/orgs", async (request, reply) => {
    const org = await createOrg(deps, callerOf(request), (request.body ?? {}) as never);
    return reply.status(201).send(org);
  });

  app.post("/api/v1/orgs/:id/people", async (request, reply) => {
    const { id } = parseInput(idParamSchema, request.params, "路径参数");
    const body = (request.body ?? {}) as Record<string, unknown>;
    const person = await addPerson(deps, callerOf(request), { ...body, orgId: id } as never);
    return reply.status(201).send(person);
  });
}
