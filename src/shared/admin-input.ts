// zod schemas of the administration API (orgs, people, accounts, grants, own password) and of API tokens.
// Field messages are Chinese through parseInput; ids are opaque strings.

import { z } from "zod";
import { ORG_KIND_LABELS, ORG_KINDS } from "../domain/org.ts";
import { loginSchema, roleSchema } from "./account-input.ts";
import { labelledEnum, optionalText, requiredText } from "./validation.ts";

const idSchema = z.string({ error: "必须填写" }).trim().min(1, { error: "不能为空" }).max(100);
const passwordSchema = z.string({ error: "必须填写" }).max(1024, { error: "不能超过1024个字符" });

/** `?cursor=&limit=` of a paged list: limit 1–500, default 100; the cursor is opaque. */
export const pageQuerySchema = z.object({
  cursor: z.string().max(1000).optional(),
  limit: z.coerce
    .number({ error: "应为数字" })
    .int({ error: "应为整数" })
    .min(1, { error: "至少为1" })
    .max(500, { error: "不能超过500" })
    .default(100),
});
export type PageQuery = z.input<typeof pageQuerySchema>;

/**
 * A new org: an oversight office (巡察办, kind oversight, no parent), a team (巡察组, kind oversight under an
 * office), a unit (under an office or a unit, or a root) or a department (under a unit or a department).
 */
export const createOrgSchema = z.object({
  name: requiredText(100),
  kind: labelledEnum(ORG_KINDS, ORG_KIND_LABELS, "类型"),
  parentId: idSchema.nullish(),
});
export type CreateOrgInput = z.input<typeof createOrgSchema>;

export const addPersonSchema = z.object({ orgId: idSchema, name: requiredText(50), post: optionalText(100) });
export type AddPersonInput = z.input<typeof addPersonSchema>;

/** POST /api/v1/users: the initial password is required over HTTP (none is generated and shown). */
export const createUserRequestSchema = z.object({
  login: loginSchema,
  displayName: requiredText(50),
  orgId: idSchema,
  personId: idSchema.optional(),
  role: roleSchema.optional(),
  password: passwordSchema,
});

/** PATCH /api/v1/users/:id: the fields to change; at least one. */
export const updateUserSchema = z
  .object({
    displayName: requiredText(50).optional(),
    orgId: idSchema.optional(),
    /** null unlinks the person. */
    personId: idSchema.nullable().optional(),
    disabled: z.boolean({ error: "应为 true 或 false" }).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { error: "至少需要修改一项" });
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/** POST /api/v1/users/:id/grants. */
export const grantRequestSchema = z
  .object({ role: roleSchema, orgId: idSchema.optional() })
  .refine((g) => g.role === "admin" || g.orgId !== undefined, {
    error: "除系统管理员外，授予角色必须指定所辖单位",
    path: ["orgId"],
  });

/** PUT /api/v1/session/password: the caller's own password. */
export const changeOwnPasswordSchema = z.object({
  currentPassword: passwordSchema,
  newPassword: passwordSchema,
});
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordSchema>;

/** The longest life of an API token, in days. */
export const MAX_TOKEN_DAYS = 365;

export const createApiTokenSchema = z.object({
  name: requiredText(50),
  readOnly: z.boolean({ error: "应为 true 或 false" }).default(true),
  expiresInDays: z
    .number({ error: "应为数字" })
    .int({ error: "应为整数" })
    .min(1, { error: "至少为1天" })
    .max(MAX_TOKEN_DAYS, { error: `不能超过${MAX_TOKEN_DAYS}天` })
    .default(90),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const idParamSchema = z.object({ id: idSchema });
