// DingTalk custom robot (钉钉自定义机器人): a markdown message; with 加签 the query carries `timestamp` (ms) and
// `sign` = urlencode(base64(HMAC-SHA256(key = secret, timestamp + "\n" + secret))). Success is `errcode: 0`.

import { createHmac } from "node:crypto";
import { robotResult, numberField, textField, type RobotCodes } from "./robot-answer.ts";
import { markdownHref, robotChannel, type RobotFormat } from "./robot-channel.ts";
import { safeLink, truncateUtf8 } from "./message-text.ts";
import type { NotificationChannel } from "../../app/notification-channel.ts";
import type { WebhookOptions } from "./webhook-post.ts";

const LABEL = "钉钉机器人";

/** The 加签 signature of `timestamp` (ms, as sent) with `secret`, before URL encoding. */
export function dingTalkSign(timestamp: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

const CODES: RobotCodes = {
  codeOf: (json) => numberField(json, "errcode"),
  messageOf: (json) => textField(json, "errmsg"),
  retryable: new Map([
    [-1, "钉钉系统繁忙"],
    [130101, "发送太快：每个机器人每分钟最多 20 条，超出后限流 10 分钟"],
  ]),
  final: new Map([
    [300001, "access_token 无效：请核对机器人地址"],
    [310000, "安全设置校验未通过：加签密钥、自定义关键词或 IP 地址段不符"],
    [400013, "群已解散"],
    [400102, "机器人已停用"],
  ]),
};

const format: RobotFormat = {
  kind: "dingtalk",
  label: LABEL,
  request(url, target, message, nowMs) {
    if (target.secret !== undefined && target.secret !== "") {
      const timestamp = String(nowMs);
      url.searchParams.set("timestamp", timestamp);
      url.searchParams.set("sign", dingTalkSign(timestamp, target.secret));
    }
    const link = safeLink(message);
    const paragraphs = message.text.split("\n").filter((line) => line.trim() !== "");
    const text = [
      `#### ${message.subject}`,
      ...paragraphs,
      ...(link === undefined ? [] : [`[查看详情](${markdownHref(link)})`]),
    ].join("\n\n");
    // DingTalk refuses a markdown text over 5,000 characters; 12,000 bytes of Chinese stay under it.
    const body = {
      msgtype: "markdown",
      markdown: { title: message.subject, text: truncateUtf8(text, 12_000) },
    };
    return { url, body: JSON.stringify(body) };
  },
  interpret: (url, answer) => robotResult(LABEL, url, answer, CODES),
};

export const dingTalkRobot = (options: WebhookOptions): NotificationChannel => robotChannel(format, options);
