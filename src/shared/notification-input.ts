// Requests of the notification routes (the inbox, one's preferences, the organisations' robots), shared by the
// server and the web UI; messages in Chinese name the field.

import { z } from "zod";
import { labelledEnum } from "./validation.ts";

export const NOTIFICATION_MODES = ["immediate", "daily_digest"] as const;
export const NOTIFICATION_MODE_LABELS = { immediate: "逐条即时提醒", daily_digest: "每日汇总一次" } as const;
export const ROBOT_KINDS = ["dingtalk", "wecom", "feishu", "webhook"] as const;
export const ROBOT_KIND_LABELS = {
  dingtalk: "钉钉群机器人",
  wecom: "企业微信群机器人",
  feishu: "飞书群机器人",
  webhook: "通用 Webhook（HMAC 签名 JSON）",
} as const;
export const DELIVERY_STATES = ["pending", "sent", "failed", "dead"] as const;

/** PUT /api/v1/me/notification-preferences. */
export const notificationPreferencesInput = z
  .object({
    mode: labelledEnum(NOTIFICATION_MODES, NOTIFICATION_MODE_LABELS, "提醒方式"),
    emailEnabled: z.boolean({ error: "是否接收邮件应为 true 或 false" }),
    email: z
      .string({ error: "邮箱地址应为文字" })
      .trim()
      .max(254, { error: "邮箱地址不能超过254个字符" })
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "邮箱地址格式不正确，如 zhangsan@example.org" })
      .nullable()
      .default(null),
  })
  .refine((p) => !p.emailEnabled || p.email !== null, {
    error: "接收邮件时须填写邮箱地址",
    path: ["email"],
  });
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesInput>;

/** PUT /api/v1/admin/notification-targets: one robot per org and kind (a second PUT replaces the first). */
export const notificationTargetInput = z.object({
  orgId: z.string({ error: "必须填写单位" }).min(1, { error: "必须填写单位" }).max(100),
  kind: labelledEnum(ROBOT_KINDS, ROBOT_KIND_LABELS, "机器人类型"),
  url: z
    .string({ error: "必须填写机器人地址" })
    .trim()
    .max(1000, { error: "机器人地址不能超过1000个字符" })
    .regex(/^https?:\/\/[^\s]+$/, { error: "机器人地址应以 https:// 或 http:// 开头" }),
  secret: z
    .string()
    .trim()
    .min(1, { error: "签名密钥不能为空；不需要时不填" })
    .max(200, { error: "签名密钥不能超过200个字符" })
    .nullable()
    .optional()
    .describe("加签密钥；不填则保留原有密钥，null 清除"),
});
export type NotificationTargetInput = z.input<typeof notificationTargetInput>;

export const inboxQuery = z.object({
  unread: z
    .enum(["true", "false", "1", "0", ""], { error: "unread 应为 true 或 false" })
    .optional()
    .describe("只看未读"),
  limit: z.coerce
    .number({ error: "limit 应为数字" })
    .int({ error: "limit 应为整数" })
    .min(1, { error: "limit 至少为1" })
    .max(200, { error: "limit 最多为200" })
    .optional(),
  before: z.string().max(200).optional().describe("上一页最后一条的 cursor"),
});

export const deliveryQuery = z.object({
  state: labelledEnum(
    DELIVERY_STATES,
    { pending: "待发送", sent: "已发送", failed: "失败待重试", dead: "已放弃" },
    "状态",
  )
    .optional()
    .describe("默认 failed 与 dead"),
});
