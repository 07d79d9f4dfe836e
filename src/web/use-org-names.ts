// Names of the units and departments the caller can see, for the ids that measures and inspections carry.
import { useEffect, useState } from "react";
import { api } from "./api.ts";

export type OrgNames = ReadonlyMap<string, string>;

export function useOrgNames(): OrgNames {
  const [names, setNames] = useState<OrgNames>(new Map());
  useEffect(() => {
    let current = true;
    const load = async () => {
      const found = new Map<string, string>();
      let cursor: string | undefined;
      // A province has a few thousand orgs at most; stop after a bounded number of pages all the same.
      for (let page = 0; page < 20; page++) {
        const answer = await api.call("listOrgs", { query: { limit: 500, ...(cursor ? { cursor } : {}) } });
        for (const org of answer.items) found.set(org.id, org.name);
        if (answer.nextCursor === null) break;
        cursor = answer.nextCursor;
      }
      if (current) setNames(found);
    };
    // Without names the pages still work: ids are replaced by "—", never shown raw.
    load().catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return names;
}
