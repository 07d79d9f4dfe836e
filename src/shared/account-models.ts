// What the account routes answer (users, their grants, the session, API tokens), as zod schemas of the JSON the server
// sends: never a password hash, and a token's secret only in the one answer that creates it.

import { z } from "zod";
import { ROLES } from "../domain/account.ts";
import { id, instant, nullableId } from "./model-scalars.ts";

export const userSchema = z.object({
  id,
  login: z.string(),
  displayName: z.string(),
  orgId: nullableId,
  personId: nullableId,
  disabled: z.boolean(),
  version: z.number().int(),
});

export const grantSchema = z.object({
  id,
  userId: id,
  role: z.enum(ROLES),
  orgId: nullableId,
  roleLabel: z.string().describe("角色的中文名称"),
});

export const accountSchema = z.object({ user: userSchema, grants: z.array(grantSchema) });

export const sessionSchema = accountSchema.extend({
  csrfToken: z.string().optional().describe("写请求在 X-CSRF-Token 头中带上它（以 API 令牌调用时没有）"),
});

export const apiTokenSchema = z.object({
  id,
  userId: id,
  name: z.string(),
  readOnly: z.boolean(),
  createdAt: instant,
  expiresAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});

export const createdApiTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().describe("令牌本身（zg_…），只在此时返回一次"),
});

export const ACCOUNT_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  User: userSchema,
  Grant: grantSchema,
  Account: accountSchema,
  Session: sessionSchema,
  ApiToken: apiTokenSchema,
};
