// Feishu custom bot (飞书自定义机器人): a rich-text `post` message; with 签名校验 the JSON body carries
// `timestamp` (seconds) and `sign` = base64(HMAC-SHA256(key = timestamp + "\n" + secret, message = "")).
// Success is `code: 0`; older bots answer `StatusCode: 0`, accepted too.

import { createHmac } from "node:crypto";
import { robotResult, numberField, textField, type RobotCodes } from "./robot-answer.ts";
import { robotChannel, type RobotFormat } from "./robot-channel.ts";
import { safeLink, truncateUtf8 } from "./message-text.ts";
import type { NotificationChannel } from "../../app/notification-channel.ts";
import type { WebhookOptions } from "./webhook-post.ts";

const LABEL = "飞书机器人";

/** The 签名校验 signature for `timestamp` (seconds, as sent) and `secret`: the key is the string, the message empty. */
export function feishuSign(timestamp: string, secret: string): string {
  return createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
}

const CODES: RobotCodes = {
  codeOf: (json) => numberField(json, "code") ?? numberField(json, "StatusCode"),
  messageOf: (json) => textField(json, "msg") ?? textField(json, "StatusMessage"),
  retryable: new Map([[11232, "发送频率超限：每个机器人每分钟 100 次、每秒 5 次"]]),
  final: new Map([
    [9499, "请求格式错误"],
    [19021, "签名校验失败，或时间戳与飞书服务器相差超过 1 小时"],
    [19022, "请求的 IP 不在机器人的白名单内"],
    [19024, "消息不含机器人设置的自定义关键词"],
  ]),
};

const format: RobotFormat = {
  kind: "feishu",
  label: LABEL,
  request(url, target, message, nowMs) {
    const link = safeLink(message);
    // Feishu refuses a body over 20 KB; the text is cut well below it.
    const lines = truncateUtf8(message.text, 16_000)
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => [{ tag: "text", text: line }]);
    const content = [...lines, ...(link === undefined ? [] : [[{ tag: "a", text: "查看详情", href: link }]])];
    const signing =
      target.secret !== undefined && target.secret !== ""
        ? (() => {
            const timestamp = String(Math.floor(nowMs / 1000));
            return { timestamp, sign: feishuSign(timestamp, target.secret) };
          })()
        : {};
    const body = {
      ...signing,
      msg_type: "post",
      content: { post: { zh_cn: { title: message.subject, content } } },
    };
    return { url, body: JSON.stringify(body) };
  },
  interpret: (url, answer) => robotResult(LABEL, url, answer, CODES),
};

export const feishuBot = (options: WebhookOptions): NotificationChannel => robotChannel(format, options);
