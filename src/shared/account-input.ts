// zod schemas of account inputs (create a user, grant a role, change a password), shared by API and CLI.

import { z } from "zod";
import { ROLE_LABELS, ROLES } from "../domain/account.ts";
import { labelledEnum, requiredText } from "./validation.ts";

/** 2–32 characters: letters, digits, `.`, `_`, `-`, starting with a letter or digit; stored in lower case. */
export const loginSchema = z
  .string({ error: "必须填写" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, {
    error: "登录名应为 2–32 位字母、数字或 . _ -，以字母或数字开头",
  })
  .transform((s) => s.toLowerCase());

export const roleSchema = labelledEnum(ROLES, ROLE_LABELS, "角色");

const idSchema = z.string({ error: "必须填写" }).trim().min(1, { error: "不能为空" }).max(100);

/** Passwords are checked by the policy (domain), not here; this only bounds the size handed to argon2. */
const passwordSchema = z.string().max(1024, { error: "不能超过1024个字符" });

export const createUserSchema = z.object({
  login: loginSchema,
  displayName: requiredText(50),
  orgId: idSchema,
  /** The person (人员) of the org's subtree this account is, if any. */
  personId: idSchema.optional(),
  /** Granted over the user's own org (admin: over everything). */
  role: roleSchema.optional(),
  /** Absent: one is generated and returned once. */
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const grantRoleSchema = z
  .object({ login: loginSchema, role: roleSchema, orgId: idSchema.optional() })
  .refine((g) => g.role === "admin" || g.orgId !== undefined, {
    error: "除系统管理员外，授予角色必须指定所辖单位",
    path: ["orgId"],
  });
export type GrantRoleInput = z.input<typeof grantRoleSchema>;

export const revokeGrantSchema = z.object({ grantId: idSchema });
export type RevokeGrantInput = z.input<typeof revokeGrantSchema>;

export const changePasswordSchema = z.object({
  login: loginSchema,
  /** Absent: one is generated and returned once. */
  password: passwordSchema.optional(),
  /** Required when people change their own password (an admin resetting someone else's does not give it). */
  currentPassword: passwordSchema.optional(),
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

/** POST /api/v1/session. Any login text is accepted here: a wrong one fails like a wrong password. */
export const signInSchema = z.object({
  login: z.string({ error: "必须填写" }).trim().min(1, { error: "不能为空" }).max(64),
  password: z.string({ error: "必须填写" }).min(1, { error: "不能为空" }).max(1024),
});
