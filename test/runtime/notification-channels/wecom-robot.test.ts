// WeCom group robot against a local receiver: markdown body, no signature, and each kind of answer classified.

import { describe, expect, it } from "vitest";
import { weComRobot } from "../../../src/runtime/notification-channels/wecom-robot.ts";
import { MESSAGE, closeReceiversAfterEach, optionsFor, startReceiver, type Answer } from "./receiver.ts";

const KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

closeReceiversAfterEach();

async function sendTo(
  answer: Answer,
  message: typeof MESSAGE | { [K in keyof typeof MESSAGE]: string } = MESSAGE,
) {
  const receiver = await startReceiver(() => answer);
  const address = `${receiver.origin}/cgi-bin/webhook/send?key=${KEY}`;
  const result = await weComRobot(optionsFor(answer)).send({ kind: "wecom", address }, message);
  return { result, request: receiver.received[0] };
}

describe("WeCom robot", () => {
  it("sends the message as markdown to the address with its key", async () => {
    const { result, request } = await sendTo({ json: { errcode: 0, errmsg: "ok" } });
    expect(result).toEqual({ ok: true });
    expect(request?.path).toBe("/cgi-bin/webhook/send");
    expect(request?.query.get("key")).toBe(KEY);
    expect(request?.query.has("sign")).toBe(false);
    const body = request?.json as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.content.split("\n")).toEqual([
      "**【督办预警】整改措施即将逾期**",
      "问题：财务管理不规范",
      "措施：完善报销制度（剩余 3 天）",
      `[查看详情](${MESSAGE.link})`,
    ]);
  });

  it("cuts a long text to the 4,096 bytes WeCom accepts, on a character boundary", async () => {
    const { request } = await sendTo({ json: { errcode: 0 } }, { ...MESSAGE, text: "整改".repeat(3000) });
    const content = (request?.json as { markdown: { content: string } }).markdown.content;
    expect(Buffer.byteLength(content, "utf8")).toBeLessThanOrEqual(4096);
    expect(content.endsWith("…")).toBe(true);
    expect(content).not.toContain("\uFFFD");
  });

  it.each<[string, Answer, boolean, RegExp]>([
    [
      "the rate limit",
      { json: { errcode: 45009, errmsg: "api freq out of limit" } },
      true,
      /45009.*频率限制/,
    ],
    [
      "an invalid key",
      { json: { errcode: 93000, errmsg: "invalid webhook url" } },
      false,
      /93000.*地址无效.*invalid webhook url/,
    ],
    ["another vendor error", { json: { errcode: 40008, errmsg: "invalid message type" } }, false, /40008/],
    ["HTTP 502", { status: 502, text: "bad gateway" }, true, /HTTP 502/],
    ["HTTP 403", { status: 403, text: "" }, false, /HTTP 403/],
    ["a slow answer", { delayMs: 3000, json: { errcode: 0 } }, true, /未答复/],
  ])("classifies %s", async (_name, answer, retryable, error) => {
    const { result } = await sendTo(answer);
    expect(result).toMatchObject({ ok: false, retryable, error: expect.stringMatching(error) as string });
    if (!result.ok) expect(result.error).not.toContain(KEY);
  });
});
