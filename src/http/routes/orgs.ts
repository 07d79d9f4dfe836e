// Orgs over HTTP: the caller's visible orgs (flat, tree order, cursor-paged), a new org (admin), a new person of an
// org (admin or the unit office over it).

import { addPerson } from "../../app/add-person.ts";
import { createOrg } from "../../app/create-org.ts";
import type { Deps } from "../../app/deps.ts";
import { listOrgs } from "../../app/list-orgs.ts";
import { API_ROUTES as API } from "../../shared/api-routes.ts";
import { callerOf } from "../auth.ts";
import type { ContractRouter } from "../contract-route.ts";

export function orgRoutes(route: ContractRouter, deps: Deps): void {
  route(API.listOrgs, async ({ request, query }) => listOrgs(deps, callerOf(request), query));

  route(API.createOrg, async ({ request }) =>
    createOrg(deps, callerOf(request), (request.body ?? {}) as never),
  );

  route(API.addPerson, async ({ request, params }) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    return addPerson(deps, callerOf(request), { ...body, orgId: params.id } as never);
  });
}
