// The units and departments the caller can see, and their names for the ids that measures and inspections carry.
import { useEffect, useState } from "react";
import { api } from "./api.ts";
import type { Org } from "./models.ts";

export type OrgNames = ReadonlyMap<string, string>;

/** Every org the caller can see, in the tree's order. */
export async function loadAllOrgs(): Promise<Org[]> {
  const found: Org[] = [];
  let cursor: string | undefined;
  // A province has a few thousand orgs at most; stop after a bounded number of pages all the same.
  for (let page = 0; page < 20; page++) {
    const answer = await api.call("listOrgs", { query: { limit: 500, ...(cursor ? { cursor } : {}) } });
    found.push(...answer.items);
    if (answer.nextCursor === null) break;
    cursor = answer.nextCursor;
  }
  return found;
}

export function useOrgNames(): OrgNames {
  const [names, setNames] = useState<OrgNames>(new Map());
  useEffect(() => {
    let current = true;
    // Without names the pages still work: ids are replaced by "—", never shown raw.
    loadAllOrgs().then(
      (orgs) => current && setNames(new Map(orgs.map((o) => [o.id, o.name]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return names;
}
