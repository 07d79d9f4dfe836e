// Finds or creates orgs and people by name inside one transaction, remembering what it resolved.

import { childPath, type Org, type OrgKind } from "../domain/org.ts";
import type { Repositories } from "../storage/store.ts";
import type { IdGenerator } from "./deps.ts";

export interface OrgResolver {
  org(parent: Org | null, kind: OrgKind, name: string): Promise<Org>;
  person(org: Org, name: string): Promise<string>;
}

export function orgResolver(tx: Repositories, ids: IdGenerator): OrgResolver {
  const orgs = new Map<string, Org>();
  const people = new Map<string, string>();
  return {
    async org(parent, kind, name) {
      const key = `${parent?.id ?? ""}\u0000${name}`;
      const known = orgs.get(key);
      if (known) return known;
      let org = await tx.orgs.findChildByName(parent?.id ?? null, name);
      if (!org) {
        const id = ids.next(kind === "department" ? "dep" : kind === "unit" ? "unt" : "ovs");
        org = { id, parentId: parent?.id ?? null, kind, name, path: childPath(parent?.path ?? null, id) };
        await tx.orgs.insert(org);
      }
      orgs.set(key, org);
      return org;
    },
    async person(org, name) {
      const key = `${org.id}\u0000${name}`;
      const known = people.get(key);
      if (known) return known;
      let id = (await tx.people.findByName(org.id, name))?.id;
      if (!id) {
        id = ids.next("psn");
        await tx.people.insert({ id, orgId: org.id, name, post: null });
      }
      people.set(key, id);
      return id;
    },
  };
}
