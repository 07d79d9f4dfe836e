// The channels this process can use, from its settings: email only when an SMTP host is set, every robot and
// webhook kind always (their addresses and secrets come from stored targets). Picked by the composition root.

import type { NotificationChannels } from "../../app/notification-channel.ts";
import { DomainError } from "../../domain/domain-error.ts";
import { dingTalkRobot } from "./dingtalk-robot.ts";
import { feishuBot } from "./feishu-bot.ts";
import { genericWebhook } from "./generic-webhook.ts";
import { smtpEmailChannel } from "./smtp-email.ts";
import { weComRobot } from "./wecom-robot.ts";

/** The settings read (the same names as in src/config.ts, so the whole config can be passed). */
export interface NotificationChannelSettings {
  readonly smtpHost?: string | undefined;
  readonly smtpPort?: number | undefined;
  readonly smtpSecurity: "starttls" | "tls" | "none";
  readonly smtpUser?: string | undefined;
  readonly smtpPassword?: string | undefined;
  readonly smtpFrom?: string | undefined;
  readonly smtpFromName: string;
  readonly smtpTimeoutMs: number;
  readonly webhookAllowHttp: boolean;
  readonly webhookTimeoutMs: number;
}

/** Every channel the settings allow; an incomplete SMTP setting is a clear error at start, not a silent gap. */
export function notificationChannelsFromConfig(config: NotificationChannelSettings): NotificationChannels {
  const webhook = { allowHttp: config.webhookAllowHttp, timeoutMs: config.webhookTimeoutMs };
  const robots: NotificationChannels = {
    dingtalk: dingTalkRobot(webhook),
    wecom: weComRobot(webhook),
    feishu: feishuBot(webhook),
    webhook: genericWebhook(webhook),
  };
  if (config.smtpHost === undefined) return robots;
  if (config.smtpFrom === undefined) {
    throw new DomainError(
      "invalid_input",
      "设置了 ZHENGGAI_SMTP_HOST 时须同时设置发件地址 ZHENGGAI_SMTP_FROM",
    );
  }
  if ((config.smtpUser === undefined) !== (config.smtpPassword === undefined)) {
    throw new DomainError(
      "invalid_input",
      "SMTP 用户名与密码须同时设置：ZHENGGAI_SMTP_USER 与 ZHENGGAI_SMTP_PASSWORD_FILE（或 ZHENGGAI_SMTP_PASSWORD）",
    );
  }
  const email = smtpEmailChannel({
    host: config.smtpHost,
    port: smtpPortOf(config),
    security: config.smtpSecurity,
    user: config.smtpUser,
    password: config.smtpPassword,
    from: config.smtpFrom,
    fromName: config.smtpFromName,
    timeoutMs: config.smtpTimeoutMs,
  });
  return { ...robots, email };
}

/** The SMTP port: the setting, else 465 for implicit TLS and 587 (submission) otherwise. */
const smtpPortOf = (config: NotificationChannelSettings): number =>
  config.smtpPort ?? (config.smtpSecurity === "tls" ? 465 : 587);

/** Ends what the channels hold open (the SMTP pool's connections); call once at shutdown. */
export function closeNotificationChannels(channels: NotificationChannels): void {
  for (const channel of Object.values(channels)) {
    const closable = channel as { close?: unknown };
    if (typeof closable.close === "function") (closable.close as () => void).call(channel);
  }
}

/** One line for the start-up log: which channels are on (never the user, password or any address's token). */
export function describeNotificationChannels(config: NotificationChannelSettings): string {
  const email =
    config.smtpHost === undefined
      ? "邮件未启用（未设置 ZHENGGAI_SMTP_HOST）"
      : `邮件经 ${config.smtpHost}:${smtpPortOf(config)}（${config.smtpSecurity}）`;
  const http = config.webhookAllowHttp ? "，允许 http:// 地址" : "";
  return `通知渠道：${email}；钉钉、企业微信、飞书机器人与通用 Webhook 可用${http}`;
}
