// Reading a robot's JSON answer: DingTalk and WeCom say `errcode`, Feishu `code` (older bots `StatusCode`); 0 is
// success. Each vendor lists the codes that are worth another attempt (rate limits, "system busy"); any other
// code (bad token, signature, keyword, IP allow-list, malformed message) will be answered again, so it is final.

import type { DeliveryResult } from "../../app/notification-channel.ts";
import { excerpt, failed, redactUrl, scrub } from "./delivery-failure.ts";
import { httpFailure, type WebhookAnswer } from "./webhook-post.ts";

export interface RobotCodes {
  /** The vendor's result code in an answer, if there is one. */
  readonly codeOf: (json: Readonly<Record<string, unknown>>) => number | undefined;
  /** The vendor's words for it (errmsg, msg). */
  readonly messageOf: (json: Readonly<Record<string, unknown>>) => string | undefined;
  /** Codes that a later attempt may get past, with the reason in Chinese. */
  readonly retryable: ReadonlyMap<number, string>;
  /** Codes that are the target's own configuration, with the reason in Chinese (the rest are named generally). */
  readonly final: ReadonlyMap<number, string>;
}

/** The outcome of an answer from a robot: the vendor's code decides when there is one, else the HTTP status. */
export function robotResult(
  label: string,
  url: URL,
  answer: WebhookAnswer,
  codes: RobotCodes,
): DeliveryResult {
  const json = answer.json;
  const record =
    typeof json === "object" && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  const code = record === undefined ? undefined : codes.codeOf(record);
  // A vendor code beats the status: Feishu answers some refusals with HTTP 400 and a code, DingTalk with 200.
  if (record !== undefined && code !== undefined) {
    if (code === 0) {
      return answer.status >= 200 && answer.status < 300
        ? { ok: true }
        : (httpFailure(label, url, answer) ?? { ok: true });
    }
    const where = redactUrl(url.href);
    // Vendors' messages may echo the request (a token, a signature): scrubbed like the raw text.
    const said = excerpt(scrub(codes.messageOf(record) ?? "", answer.secrets));
    const known = codes.retryable.get(code) ?? codes.final.get(code);
    const reason = `${label} ${where} 返回错误 ${code}${known === undefined ? "" : `（${known}）`}${said === "" ? "" : `：${said}`}`;
    return failed(codes.retryable.has(code), reason);
  }
  const byStatus = httpFailure(label, url, answer);
  if (byStatus !== undefined) return byStatus;
  return failed(
    false,
    `${label} ${redactUrl(url.href)} 的答复不是预期的格式：${excerpt(answer.text) || "（空）"}`,
  );
}

/** A numeric field of an answer (vendors send numbers; a numeric string is accepted too). */
export function numberField(json: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = json[name];
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

/** A text field of an answer. */
export function textField(json: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = json[name];
  return typeof value === "string" ? value : undefined;
}
