// What the organisation routes answer (units and departments in their tree, and the people in them), as zod schemas
// of the JSON the server sends; the ledger refers to both.

import { z } from "zod";
import { ORG_KINDS } from "../domain/org.ts";
import { id, nullableId } from "./model-scalars.ts";

export const orgSchema = z.object({
  id,
  parentId: nullableId,
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  path: z.string().describe("物化路径 /根/…/本单位/"),
});

export const personSchema = z.object({ id, orgId: id, name: z.string(), post: z.string().nullable() });

export const ORG_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Org: orgSchema,
  Person: personSchema,
};
