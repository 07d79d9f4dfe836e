// One JSON POST to a robot or webhook with Node's fetch: the address checked (https only unless allowed), a time
// limit on top of the caller's signal, redirects not followed, the answer read with a size cap, and transport
// failures classified (network errors and time-outs may pass, so they are retryable). Vendors read the answer.

import type { DeliveryResult } from "../../app/notification-channel.ts";
import { excerpt, failed, redactUrl, scrub, secretsOf } from "./delivery-failure.ts";

export interface WebhookOptions {
  /** Accept http:// addresses (config webhookAllowHttp): tests and intranet receivers only. */
  readonly allowHttp: boolean;
  /** Time limit of one call, ms (config webhookTimeoutMs). */
  readonly timeoutMs: number;
  /** Milliseconds since the epoch, for the signatures' timestamps (tests may fix it). */
  readonly now?: () => number;
}

/** A robot's answer that arrived: its HTTP status and its body parsed as JSON (undefined if it is not JSON). */
export interface WebhookAnswer {
  readonly status: number;
  readonly json: unknown;
  /** The body as text, already scrubbed of the target's secrets. */
  readonly text: string;
  /** The target's token and secret forms: whatever of the JSON is quoted goes through `scrub` with them. */
  readonly secrets: readonly string[];
}

export type PostOutcome =
  | { readonly answered: true; readonly answer: WebhookAnswer }
  | { readonly answered: false; readonly result: DeliveryResult };

/** The largest answer read; robots answer a few dozen bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/** The target's URL if it may be called, else why not (not retryable: the address itself is wrong). */
export function checkAddress(
  label: string,
  address: string,
  allowHttp: boolean,
): { readonly url: URL } | { readonly result: DeliveryResult } {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { result: failed(false, `${label}地址不是有效的网址`) };
  }
  if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) {
    const allowed = allowHttp
      ? "https:// 或 http://"
      : "https://（http:// 需设置 ZHENGGAI_WEBHOOK_ALLOW_HTTP=1）";
    return { result: failed(false, `${label}地址只能以 ${allowed} 开头：${redactUrl(address)}`) };
  }
  if (url.username !== "" || url.password !== "") {
    return { result: failed(false, `${label}地址中不能含用户名或密码：${redactUrl(address)}`) };
  }
  return { url };
}

/** POSTs `body` (JSON text) and answers what came back, or the failure classified. Never throws. */
export async function postJson(
  label: string,
  url: URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: WebhookOptions & { readonly secret?: string | undefined },
  signal?: AbortSignal,
): Promise<PostOutcome> {
  const where = redactUrl(url.href);
  const secrets = secretsOf(url.href, options.secret);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const combined = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
      body,
      redirect: "manual",
      signal: combined,
    });
    const text = await readCapped(response);
    let json: unknown;
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
    return { answered: true, answer: { status: response.status, json, text: scrub(text, secrets), secrets } };
  } catch (e) {
    if (timeout.aborted) {
      return {
        answered: false,
        result: failed(true, `${label} ${where} 在 ${options.timeoutMs} 毫秒内未答复`),
      };
    }
    if (signal?.aborted === true) {
      return { answered: false, result: failed(true, `${label} ${where} 的发送被中止（超出本轮发送时限）`) };
    }
    const code = causeCode(e);
    return {
      answered: false,
      result: failed(
        true,
        scrub(`无法连接${label} ${where}${code === undefined ? "" : `（${code}）`}`, secrets),
      ),
    };
  }
}

/**
 * The failure for an answer that is not a success by HTTP status alone: 408, 429 and 5xx may pass later
 * (retryable), a redirect or another 4xx will not. Undefined for a 2xx status.
 */
export function httpFailure(label: string, url: URL, answer: WebhookAnswer): DeliveryResult | undefined {
  const { status } = answer;
  if (status >= 200 && status < 300) return undefined;
  const where = redactUrl(url.href);
  const said = answer.text === "" ? "" : `：${excerpt(answer.text)}`;
  if (status === 408 || status === 429 || status >= 500) {
    return failed(true, `${label} ${where} 暂时无法处理（HTTP ${status}）${said}`);
  }
  if (status >= 300 && status < 400) {
    return failed(false, `${label} ${where} 答复了重定向（HTTP ${status}），未跟随：请核对地址`);
  }
  return failed(false, `${label} ${where} 拒绝了请求（HTTP ${status}）${said}`);
}

/** The body as text, at most MAX_ANSWER_BYTES of it. */
async function readCapped(response: Response): Promise<string> {
  if (response.body === null) return "";
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString("utf8");
}

/** The system error code under fetch's "fetch failed" (ECONNREFUSED, ENOTFOUND, ECONNRESET…). */
function causeCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^E[A-Z_]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}
