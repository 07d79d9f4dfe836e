// What the notification routes answer, as zod schemas (the response half of their contract). Never a robot's
// secret: only whether one is set.

import { z } from "zod";
import { BOARD_LEVELS } from "../domain/warning-board.ts";
import { DELIVERY_STATES, NOTIFICATION_MODES, ROBOT_KINDS } from "./notification-input.ts";

const instant = z.string().describe("时间，ISO 8601 UTC");

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe("warning 督办预警"),
  subject: z.string(),
  text: z.string(),
  link: z.string().nullable().describe("站内路径"),
  inspectionId: z.string().nullable(),
  measureId: z.string().nullable(),
  level: z.enum(BOARD_LEVELS).nullable(),
  createdAt: instant,
  readAt: instant.nullable(),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int().describe("未读总数"),
  nextCursor: z.string().nullable(),
});

export const readAllSchema = z.object({ marked: z.number().int() });

export const notificationPreferencesSchema = z.object({
  mode: z.enum(NOTIFICATION_MODES).describe("immediate 逐条即时；daily_digest 每日汇总"),
  emailEnabled: z.boolean(),
  email: z.string().nullable(),
  updatedAt: instant.nullable().describe("null：尚未设置，按默认（即时、不发邮件）"),
});

export const deliverySchema = z.object({
  id: z.string(),
  channel: z.string(),
  recipientId: z.string().nullable(),
  targetId: z.string().nullable(),
  digestDay: z.string().nullable(),
  subject: z.string(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  nextAttemptAt: instant,
  lastError: z.string().nullable().describe("最近一次失败原因（已去除地址与密钥）"),
  createdAt: instant,
  sentAt: instant.nullable(),
});
export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });

export const notificationTargetSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(ROBOT_KINDS),
  url: z.string().describe("机器人地址（查询参数中的令牌已隐去）"),
  secretSet: z.boolean().describe("是否已设置签名密钥；密钥本身从不返回"),
  updatedAt: instant,
  updatedBy: z.string(),
});
export const notificationTargetListSchema = z.object({ items: z.array(notificationTargetSchema) });
