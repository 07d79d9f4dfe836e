// Finds or creates orgs and people by name inside one transaction, remembering what it resolved.

import { childPath, type Org, type OrgKind } from "../domain/org.ts";
import type { Repositories } from "../storage/store.ts";
import type { IdGenerator } from "./deps.ts";

export interface OrgResolver {
  org(parent: Org | null, kind: OrgKind, name: string): Promise<Org>;
  person(org: Org, name: string): Promise<string>;
}

/**
 * The cache holds promises, not results: callers resolving the same name at the same time (Promise.all over
 * a measure's cooperating departments) share one lookup instead of each creating the org.
 */
export function orgResolver(tx: Repositories, ids: IdGenerator): OrgResolver {
  const orgs = new Map<string, Promise<Org>>();
  const people = new Map<string, Promise<string>>();
  const remember = <T>(cache: Map<string, Promise<T>>, key: string, find: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (!found) {
      found = find();
      cache.set(key, found);
    }
    return found;
  };
  return {
    org(parent, kind, name) {
      return remember(orgs, `${parent?.id ?? ""}\u0000${name}`, async () => {
        const existing = await tx.orgs.findChildByName(parent?.id ?? null, name);
        if (existing) return existing;
        const id = ids.next(kind === "department" ? "dep" : kind === "unit" ? "unt" : "ovs");
        // Another writer may be creating the same name right now: the store returns whichever is stored.
        return tx.orgs.insertUnlessNamed({
          id,
          parentId: parent?.id ?? null,
          kind,
          name,
          path: childPath(parent?.path ?? null, id),
        });
      });
    },
    person(org, name) {
      return remember(people, `${org.id}\u0000${name}`, async () => {
        const existing = await tx.people.findByName(org.id, name);
        if (existing) return existing.id;
        const id = ids.next("psn");
        await tx.people.insert({ id, orgId: org.id, name, post: null });
        return id;
      });
    },
  };
}
