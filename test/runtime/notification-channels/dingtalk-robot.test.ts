// DingTalk robot against a local receiver: the 加签 signature recomputed here from the documented recipe, the
// markdown body, and the classification of each kind of answer.

import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { dingTalkRobot } from "../../../src/runtime/notification-channels/dingtalk-robot.ts";
import { MESSAGE, closeReceiversAfterEach, optionsFor, startReceiver, type Answer } from "./receiver.ts";

const TOKEN = "tok_6a1f0c9e2b7d4c3aa1b2";
const SECRET = "SEC0123456789abcdef0123456789abcdef";

closeReceiversAfterEach();

async function sendTo(answer: Answer, secret: string | null = SECRET) {
  const receiver = await startReceiver(() => answer);
  const address = `${receiver.origin}/robot/send?access_token=${TOKEN}`;
  const result = await dingTalkRobot(optionsFor(answer)).send(
    { kind: "dingtalk", address, secret: secret ?? undefined },
    MESSAGE,
  );
  return { result, request: receiver.received[0] };
}

describe("DingTalk robot", () => {
  it("signs with timestamp and sign in the query and sends the message as markdown", async () => {
    const before = Date.now();
    const { result, request } = await sendTo({ json: { errcode: 0, errmsg: "ok" } });
    expect(result).toEqual({ ok: true });
    expect(request?.path).toBe("/robot/send");
    expect(request?.query.get("access_token")).toBe(TOKEN);
    const timestamp = request?.query.get("timestamp") ?? "";
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
    const expected = createHmac("sha256", SECRET).update(`${timestamp}\n${SECRET}`).digest("base64");
    expect(request?.query.get("sign")).toBe(expected);
    // The base64 goes URL-encoded: + / = never raw in the query.
    expect(request?.rawQuery).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(request?.headers["content-type"]).toMatch(/application\/json/);
    const body = request?.json as { msgtype: string; markdown: { title: string; text: string } };
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.title).toBe(MESSAGE.subject);
    expect(body.markdown.text).toContain("#### 【督办预警】整改措施即将逾期");
    expect(body.markdown.text).toContain("措施：完善报销制度（剩余 3 天）");
    expect(body.markdown.text).toContain(`[查看详情](${MESSAGE.link})`);
  });

  it("sends no signature for a robot without 加签", async () => {
    const { result, request } = await sendTo({ json: { errcode: 0 } }, null);
    expect(result.ok).toBe(true);
    expect(request?.query.has("sign")).toBe(false);
    expect(request?.query.has("timestamp")).toBe(false);
  });

  it.each<[string, Answer, boolean, RegExp]>([
    [
      "a rejected signature",
      { json: { errcode: 310000, errmsg: "sign not match" } },
      false,
      /310000.*安全设置/,
    ],
    ["an unknown token", { json: { errcode: 300001, errmsg: "token is not exist" } }, false, /300001/],
    [
      "the rate limit",
      { json: { errcode: 130101, errmsg: "send too fast" } },
      true,
      /130101.*每分钟最多 20 条/,
    ],
    ["system busy", { json: { errcode: -1, errmsg: "系统繁忙" } }, true, /-1/],
    ["HTTP 500", { status: 500, text: "oops" }, true, /HTTP 500/],
    ["HTTP 429", { status: 429, text: "" }, true, /HTTP 429/],
    ["HTTP 404", { status: 404, text: "not found" }, false, /HTTP 404/],
    ["an answer that is not JSON", { text: "<html>portal</html>" }, false, /不是预期的格式/],
    ["a slow answer", { delayMs: 3000, json: { errcode: 0 } }, true, /300 毫秒内未答复/],
  ])("classifies %s", async (_name, answer, retryable, error) => {
    const { result } = await sendTo(answer);
    expect(result).toMatchObject({ ok: false, retryable, error: expect.stringMatching(error) as string });
    if (!result.ok) {
      expect(result.error).toContain("钉钉机器人 http://127.0.0.1:");
      expect(result.error).not.toContain(TOKEN);
      expect(result.error).not.toContain(SECRET);
    }
  });
});
