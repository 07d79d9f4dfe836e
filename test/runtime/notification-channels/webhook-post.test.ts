// What every robot and webhook channel shares: which addresses may be called, a receiver that is down or slow,
// a caller that gives up, and no token or secret in any error text.

import { describe, expect, it } from "vitest";
import { dingTalkRobot } from "../../../src/runtime/notification-channels/dingtalk-robot.ts";
import { weComRobot } from "../../../src/runtime/notification-channels/wecom-robot.ts";
import { MESSAGE, closeReceiversAfterEach, deadOrigin, startReceiver } from "./receiver.ts";

closeReceiversAfterEach();

describe("robot addresses", () => {
  it.each([
    [
      "http:// without the setting",
      "http://oapi.dingtalk.com/robot/send?access_token=abcdef123",
      /只能以 https:\/\//,
    ],
    ["another scheme", "ftp://oapi.dingtalk.com/robot/send?access_token=abcdef123", /只能以 https:\/\//],
    ["a file URL", "file:///etc/passwd", /只能以/],
    ["credentials in the URL", "https://user:pa55word@oapi.dingtalk.com/robot/send", /用户名或密码/],
    ["not a URL", "oapi.dingtalk.com/robot/send", /不是有效的网址/],
  ])("refuses %s, final and without the token", async (_name, address, error) => {
    const result = await dingTalkRobot({ allowHttp: false, timeoutMs: 10_000 }).send(
      { kind: "dingtalk", address, secret: "SECsecretsecret" },
      MESSAGE,
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(error) as string,
    });
    if (!result.ok) {
      expect(result.error).not.toContain("abcdef123");
      expect(result.error).not.toContain("pa55word");
    }
  });

  it("calls http:// only when the setting allows it", async () => {
    const receiver = await startReceiver(() => ({ json: { errcode: 0 } }));
    const address = `${receiver.origin}/cgi-bin/webhook/send?key=k-123456`;
    const refused = await weComRobot({ allowHttp: false, timeoutMs: 10_000 }).send(
      { kind: "wecom", address },
      MESSAGE,
    );
    expect(refused.ok).toBe(false);
    expect(receiver.received).toHaveLength(0);
    const sent = await weComRobot({ allowHttp: true, timeoutMs: 10_000 }).send(
      { kind: "wecom", address },
      MESSAGE,
    );
    expect(sent.ok).toBe(true);
  });
});

describe("robot transport failures", () => {
  it("answers a receiver that is down as retryable, naming only scheme, host and port", async () => {
    const origin = await deadOrigin();
    const result = await weComRobot({ allowHttp: true, timeoutMs: 10_000 }).send(
      { kind: "wecom", address: `${origin}/cgi-bin/webhook/send?key=k-secret-key-1` },
      MESSAGE,
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
    if (!result.ok) {
      expect(result.error).toBe(`无法连接企业微信机器人 ${origin}（ECONNREFUSED）`);
    }
  });

  it("stops when the caller's signal aborts, before its own time limit, as retryable", async () => {
    const receiver = await startReceiver(() => ({ delayMs: 5000, json: { errcode: 0 } }));
    const started = Date.now();
    const result = await weComRobot({ allowHttp: true, timeoutMs: 10_000 }).send(
      { kind: "wecom", address: `${receiver.origin}/send?key=k-123456` },
      MESSAGE,
      AbortSignal.timeout(150),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/中止/) as string,
    });
  });

  it("never quotes a secret that a receiver echoes back in its error message", async () => {
    const secret = "SECechoedsecret0001";
    const receiver = await startReceiver((r) => ({
      json: {
        errcode: 310000,
        errmsg: `sign not match: ${r.query.get("sign") ?? ""} ${secret} ${r.rawQuery}`,
      },
    }));
    const result = await dingTalkRobot({ allowHttp: true, timeoutMs: 10_000 }).send(
      { kind: "dingtalk", address: `${receiver.origin}/robot/send?access_token=tok-echoed-0001`, secret },
      MESSAGE,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).not.toContain(secret);
      expect(result.error).not.toContain("tok-echoed-0001");
      expect(result.error).toContain("***");
    }
  });
});
