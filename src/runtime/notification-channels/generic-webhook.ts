// The generic JSON webhook: the message as JSON, signed with HMAC-SHA256 over `timestamp + "." + body` (the
// exact bytes sent) with the target's secret, in the headers X-Zhenggai-Timestamp (seconds),
// X-Zhenggai-Signature (`sha256=<hex>`) and X-Zhenggai-Dedupe-Key. Any 2xx is success. docs/notifications.md
// shows a receiver verifying it and refusing replays.

import { createHmac } from "node:crypto";
import { robotChannel, type RobotFormat } from "./robot-channel.ts";
import { failed } from "./delivery-failure.ts";
import { safeLink } from "./message-text.ts";
import { httpFailure, type WebhookOptions } from "./webhook-post.ts";
import type { NotificationChannel } from "../../app/notification-channel.ts";

const LABEL = "Webhook 接收方";

/** `sha256=<hex>` of HMAC-SHA256(secret, timestamp + "." + body). */
export function webhookSignature(timestamp: string, body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

/** A header carries only visible ASCII: a key with anything else is sent percent-encoded. */
const headerSafe = (value: string): string =>
  /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);

const format: RobotFormat = {
  kind: "webhook",
  label: LABEL,
  request(url, target, message, nowMs) {
    if (target.secret === undefined || target.secret === "") {
      return failed(false, "通用 Webhook 必须设置签名密钥：接收方要凭它核对消息确实来自本系统");
    }
    const timestamp = String(Math.floor(nowMs / 1000));
    const link = safeLink(message);
    const body = JSON.stringify({
      type: "zhenggai.notification",
      dedupeKey: message.dedupeKey,
      subject: message.subject,
      text: message.text,
      ...(link === undefined ? {} : { link }),
      sentAt: new Date(nowMs).toISOString(),
    });
    const headers = {
      "x-zhenggai-timestamp": timestamp,
      "x-zhenggai-signature": webhookSignature(timestamp, body, target.secret),
      "x-zhenggai-dedupe-key": headerSafe(message.dedupeKey),
    };
    return { url, body, headers };
  },
  interpret: (url, answer) =>
    httpFailure(LABEL, url, answer) ?? { ok: true, detail: `HTTP ${answer.status}` },
};

export const genericWebhook = (options: WebhookOptions): NotificationChannel => robotChannel(format, options);
