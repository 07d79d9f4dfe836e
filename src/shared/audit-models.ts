// What the audit-trail route answers: one event of the append-only, hash-chained trail as stored (its data as
// written, its hash and the previous one), so that a reader can check the chain. A zod schema of the JSON sent.

import { z } from "zod";
import { instant } from "./model-scalars.ts";

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: instant,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  data: z.unknown(),
  requestId: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
  alg: z.enum(["sha256", "hmac-sha256"]),
});

export const AUDIT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  AuditEvent: auditEventSchema,
};
