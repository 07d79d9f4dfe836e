// The notification routes of /api/v1 (提醒): one's own inbox and preferences, and the administrator's outbox
// failures and organisation robots. Part of the one route table (api-routes.ts spreads them in).

import { defineRoute, EMPTY, json } from "./api-contract.ts";
import { idParams } from "./id-params.ts";
import {
  deliveryQuery,
  inboxQuery,
  notificationPreferencesInput,
  notificationTargetInput,
} from "./notification-input.ts";
import {
  deliveryListSchema,
  deliverySchema,
  notificationListSchema,
  notificationPreferencesSchema,
  notificationTargetListSchema,
  notificationTargetSchema,
  readAllSchema,
} from "./notification-models.ts";

export const NOTIFICATION_ROUTES = {
  listNotifications: defineRoute({
    method: "GET",
    path: "/api/v1/notifications",
    summary: "我的站内提醒（最新在前；unread=true 只看未读）",
    tag: "提醒",
    access: "signedIn",
    query: inboxQuery,
    answer: json(notificationListSchema),
  }),
  readNotification: defineRoute({
    method: "POST",
    path: "/api/v1/notifications/:id/read",
    summary: "把一条提醒标为已读",
    tag: "提醒",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["notification_not_found"],
  }),
  readAllNotifications: defineRoute({
    method: "POST",
    path: "/api/v1/notifications/read-all",
    summary: "把我的全部提醒标为已读",
    tag: "提醒",
    access: "signedIn",
    answer: json(readAllSchema),
  }),
  getNotificationPreferences: defineRoute({
    method: "GET",
    path: "/api/v1/me/notification-preferences",
    summary: "我的提醒设置：逐条即时或每日汇总，是否接收邮件",
    tag: "提醒",
    access: "signedIn",
    answer: json(notificationPreferencesSchema),
  }),
  setNotificationPreferences: defineRoute({
    method: "PUT",
    path: "/api/v1/me/notification-preferences",
    summary: "修改我的提醒设置",
    tag: "提醒",
    access: "signedIn",
    body: notificationPreferencesInput,
    answer: json(notificationPreferencesSchema),
  }),
  listDeliveries: defineRoute({
    method: "GET",
    path: "/api/v1/admin/notification-deliveries",
    summary: "通知发送记录（管理员；默认列出失败待重试和已放弃的，含失败原因和下次重试时间）",
    tag: "提醒",
    access: "signedIn",
    query: deliveryQuery,
    answer: json(deliveryListSchema),
  }),
  retryDelivery: defineRoute({
    method: "POST",
    path: "/api/v1/admin/notification-deliveries/:id/retry",
    summary: "立即重试一条发送失败或已放弃的通知（管理员）",
    tag: "提醒",
    access: "signedIn",
    params: idParams,
    answer: json(deliverySchema),
    errors: ["notification_delivery_not_found", "delivery_not_retryable"],
  }),
  listNotificationTargets: defineRoute({
    method: "GET",
    path: "/api/v1/admin/notification-targets",
    summary: "各单位的群机器人和 Webhook（管理员；密钥从不返回）",
    tag: "提醒",
    access: "signedIn",
    answer: json(notificationTargetListSchema),
  }),
  putNotificationTarget: defineRoute({
    method: "PUT",
    path: "/api/v1/admin/notification-targets",
    summary: "设置某单位某类机器人（每单位每类一个，再次设置即替换；管理员）",
    tag: "提醒",
    access: "signedIn",
    body: notificationTargetInput,
    answer: json(notificationTargetSchema),
    errors: ["org_not_found"],
  }),
  deleteNotificationTarget: defineRoute({
    method: "DELETE",
    path: "/api/v1/admin/notification-targets/:id",
    summary: "删除一个机器人（管理员）",
    tag: "提醒",
    access: "signedIn",
    params: idParams,
    answer: EMPTY,
    errors: ["notification_target_not_found"],
  }),
} as const;
