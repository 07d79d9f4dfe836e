// The generic JSON webhook against a local receiver that verifies it as docs/notifications.md tells receivers
// to: HMAC-SHA256 over `timestamp + "." + raw body`, compared in constant time, replays older than 5 minutes refused.

import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, it } from "vitest";
import { genericWebhook } from "../../../src/runtime/notification-channels/generic-webhook.ts";
import {
  MESSAGE,
  closeReceiversAfterEach,
  optionsFor,
  startReceiver,
  type Answer,
  type Received,
} from "./receiver.ts";

const SECRET = "whsec_2c7f4b1e9a8d4f0b";
const options = { allowHttp: true, timeoutMs: 10_000 };

closeReceiversAfterEach();

/** The receiver's check, written from the documentation (not from the sender's code). */
function verify(request: Received, secret: string, nowSeconds: number): boolean {
  const timestamp = String(request.headers["x-zhenggai-timestamp"] ?? "");
  const signature = String(request.headers["x-zhenggai-signature"] ?? "");
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex")}`;
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function sendTo(
  answer: (r: Received) => Answer,
  opts: typeof options & { now?: () => number } = options,
) {
  const receiver = await startReceiver(answer);
  const address = `${receiver.origin}/hooks/zhenggai`;
  const result = await genericWebhook(opts).send({ kind: "webhook", address, secret: SECRET }, MESSAGE);
  return { result, request: receiver.received[0] };
}

describe("generic JSON webhook", () => {
  it("signs timestamp.body in the headers and sends the message as JSON with its dedupe key", async () => {
    const { result, request } = await sendTo((r) =>
      verify(r, SECRET, Math.floor(Date.now() / 1000)) ? { status: 204 } : { status: 401 },
    );
    expect(result).toEqual({ ok: true, detail: "HTTP 204" });
    expect(request?.headers["x-zhenggai-dedupe-key"]).toBe(MESSAGE.dedupeKey);
    expect(request?.json).toMatchObject({
      type: "zhenggai.notification",
      dedupeKey: MESSAGE.dedupeKey,
      subject: MESSAGE.subject,
      text: MESSAGE.text,
      link: MESSAGE.link,
    });
    // A signature over another secret fails the same check.
    expect(request && verify(request, "another-secret", Math.floor(Date.now() / 1000))).toBe(false);
  });

  it("is refused by a receiver as a replay when its timestamp is more than 5 minutes old", async () => {
    const sixMinutesAgo = Date.now() - 6 * 60 * 1000;
    const { result } = await sendTo(
      (r) =>
        verify(r, SECRET, Math.floor(Date.now() / 1000)) ? { status: 200 } : { status: 401, text: "stale" },
      { ...options, now: () => sixMinutesAgo },
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/HTTP 401/) as string,
    });
  });

  it("refuses to send without a secret, before any request", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    const result = await genericWebhook(options).send(
      { kind: "webhook", address: `${receiver.origin}/hooks` },
      MESSAGE,
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/签名密钥/) as string,
    });
    expect(receiver.received).toHaveLength(0);
  });

  it.each<[string, Answer, boolean]>([
    ["HTTP 500", { status: 500 }, true],
    ["HTTP 429", { status: 429 }, true],
    ["HTTP 408", { status: 408 }, true],
    ["HTTP 400", { status: 400 }, false],
    ["HTTP 410", { status: 410 }, false],
    ["a redirect", { status: 302 }, false],
    ["a slow answer", { delayMs: 3000 }, true],
  ])("classifies %s", async (_name, answer, retryable) => {
    const { result } = await sendTo(() => answer, optionsFor(answer));
    expect(result).toMatchObject({ ok: false, retryable });
  });
});
