// Feishu custom bot against a local receiver: the 签名校验 fields recomputed here from the documented recipe
// (key = timestamp + "\n" + secret, empty message), the post body, both success shapes, and the classification.

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { feishuBot } from "../../../src/runtime/notification-channels/feishu-bot.ts";
import { MESSAGE, closeReceiversAfterEach, optionsFor, startReceiver, type Answer } from "./receiver.ts";

const HOOK = "5e3d587e-d78e-4a07-bd07-265f269f86fd";
const SECRET = "nIMtb7r3N9pkXyXdtAbx6e";

closeReceiversAfterEach();

async function sendTo(answer: Answer, secret: string | null = SECRET) {
  const receiver = await startReceiver(() => answer);
  const address = `${receiver.origin}/open-apis/bot/v2/hook/${HOOK}`;
  const result = await feishuBot(optionsFor(answer)).send(
    { kind: "feishu", address, secret: secret ?? undefined },
    MESSAGE,
  );
  return { result, request: receiver.received[0] };
}

interface FeishuBody {
  timestamp?: string;
  sign?: string;
  msg_type: string;
  content: { post: { zh_cn: { title: string; content: { tag: string; text: string; href?: string }[][] } } };
}

describe("Feishu bot", () => {
  it("puts timestamp (seconds) and sign in the body and sends a post with title, lines and link", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { result, request } = await sendTo({ json: { code: 0, msg: "success", data: {} } });
    expect(result).toEqual({ ok: true });
    expect(request?.path).toBe(`/open-apis/bot/v2/hook/${HOOK}`);
    const body = request?.json as FeishuBody;
    const timestamp = body.timestamp ?? "";
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    const expected = createHmac("sha256", `${timestamp}\n${SECRET}`).update(Buffer.alloc(0)).digest("base64");
    expect(body.sign).toBe(expected);
    expect(body.msg_type).toBe("post");
    expect(body.content.post.zh_cn.title).toBe(MESSAGE.subject);
    expect(body.content.post.zh_cn.content).toEqual([
      [{ tag: "text", text: "问题：财务管理不规范" }],
      [{ tag: "text", text: "措施：完善报销制度（剩余 3 天）" }],
      [{ tag: "a", text: "查看详情", href: MESSAGE.link }],
    ]);
  });

  it("accepts the older StatusCode: 0 answer and sends no signature without a secret", async () => {
    const { result, request } = await sendTo({ json: { StatusCode: 0, StatusMessage: "success" } }, null);
    expect(result).toEqual({ ok: true });
    const body = request?.json as FeishuBody;
    expect(body.sign).toBeUndefined();
    expect(body.timestamp).toBeUndefined();
  });

  it.each<[string, Answer, boolean, RegExp]>([
    [
      "a rejected signature",
      { json: { code: 19021, msg: "sign match fail", data: {} } },
      false,
      /19021.*签名校验失败/,
    ],
    ["a missing keyword", { json: { code: 19024, msg: "Key Words Not Found" } }, false, /19024/],
    ["a bad request with HTTP 400", { status: 400, json: { code: 9499, msg: "Bad Request" } }, false, /9499/],
    [
      "the rate limit with HTTP 400",
      { status: 400, json: { code: 11232, msg: "frequency limited" } },
      true,
      /11232/,
    ],
    ["HTTP 503", { status: 503, text: "unavailable" }, true, /HTTP 503/],
    ["a slow answer", { delayMs: 3000, json: { code: 0 } }, true, /未答复/],
  ])("classifies %s", async (_name, answer, retryable, error) => {
    const { result } = await sendTo(answer);
    expect(result).toMatchObject({ ok: false, retryable, error: expect.stringMatching(error) as string });
    if (!result.ok) {
      // The hook's token is in the path: no part of it may be quoted.
      expect(result.error).not.toContain(HOOK);
      expect(result.error).not.toContain("/open-apis");
      expect(result.error).not.toContain(SECRET);
    }
  });
});
