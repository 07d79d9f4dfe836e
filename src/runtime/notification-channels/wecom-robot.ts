// WeCom group robot (企业微信群机器人): a markdown message to the address with its `key`; no signature (the key
// is the credential). Success is `errcode: 0`; 45009 is the rate limit (20 messages a minute per robot).

import { robotResult, numberField, textField, type RobotCodes } from "./robot-answer.ts";
import { markdownHref, robotChannel, type RobotFormat } from "./robot-channel.ts";
import { safeLink, truncateUtf8 } from "./message-text.ts";
import type { NotificationChannel } from "../../app/notification-channel.ts";
import type { WebhookOptions } from "./webhook-post.ts";

const LABEL = "企业微信机器人";

const CODES: RobotCodes = {
  codeOf: (json) => numberField(json, "errcode"),
  messageOf: (json) => textField(json, "errmsg"),
  retryable: new Map([
    [-1, "企业微信系统繁忙"],
    [45009, "接口调用超过频率限制：每个机器人每分钟最多 20 条"],
  ]),
  final: new Map([[93000, "机器人地址无效：key 错误或机器人已被移出群聊"]]),
};

const format: RobotFormat = {
  kind: "wecom",
  label: LABEL,
  request(url, _target, message) {
    const link = safeLink(message);
    const content = [
      `**${message.subject}**`,
      message.text,
      ...(link === undefined ? [] : [`[查看详情](${markdownHref(link)})`]),
    ].join("\n");
    // WeCom refuses markdown content over 4,096 bytes of UTF-8.
    const body = { msgtype: "markdown", markdown: { content: truncateUtf8(content, 4096) } };
    return { url, body: JSON.stringify(body) };
  },
  interpret: (url, answer) => robotResult(LABEL, url, answer, CODES),
};

export const weComRobot = (options: WebhookOptions): NotificationChannel => robotChannel(format, options);
