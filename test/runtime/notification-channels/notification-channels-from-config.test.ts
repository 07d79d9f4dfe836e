// From the environment to working channels: readConfig parses the SMTP and webhook settings (the password from a
// file), the factory builds the channels, and the email one delivers to a real SMTP server.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../../src/config.ts";
import {
  closeNotificationChannels,
  describeNotificationChannels,
  notificationChannelsFromConfig,
} from "../../../src/runtime/notification-channels/notification-channels-from-config.ts";
import { MESSAGE, closeReceiversAfterEach, startReceiver } from "./receiver.ts";
import { readMail } from "./read-mail.ts";
import { startSmtp } from "./smtp-test-server.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
closeReceiversAfterEach();

function passwordFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "zg-smtp-")), "smtp.password");
  writeFileSync(file, content);
  return file;
}

describe("notification channels from the settings", () => {
  it("offers the robot and webhook kinds always, and email only when an SMTP host is set", () => {
    const channels = notificationChannelsFromConfig(readConfig({}, {}));
    expect(Object.keys(channels).sort()).toEqual(["dingtalk", "feishu", "webhook", "wecom"]);
    expect(describeNotificationChannels(readConfig({}, {}))).toContain("邮件未启用");
  });

  it("reads the SMTP settings, the password from its file, and delivers through the configured server", async () => {
    const smtp = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "zg" && auth.password === "s3cret-密码") callback(null, { user: "zg" });
        else callback(new Error("Invalid username or password"));
      },
    });
    cleanups.push(smtp.close);
    const config = readConfig(
      {},
      {
        ZHENGGAI_SMTP_HOST: "127.0.0.1",
        ZHENGGAI_SMTP_PORT: String(smtp.port),
        ZHENGGAI_SMTP_SECURITY: "none",
        ZHENGGAI_SMTP_USER: "zg",
        ZHENGGAI_SMTP_PASSWORD_FILE: passwordFile("s3cret-密码\n"),
        ZHENGGAI_SMTP_FROM: "noreply@zg.example.cn",
        ZHENGGAI_SMTP_FROM_NAME: "某市整改台账",
      },
    );
    expect(config.smtpPassword).toBe("s3cret-密码");
    const channels = notificationChannelsFromConfig(config);
    cleanups.push(() => closeNotificationChannels(channels));
    const result = await channels.email?.send({ kind: "email", address: "wang.wu@example.org" }, MESSAGE);
    expect(result?.ok).toBe(true);
    const read = readMail(smtp.delivered[0]?.raw ?? "");
    expect(read.from).toBe("某市整改台账 <noreply@zg.example.cn>");
    expect(read.subject).toBe(MESSAGE.subject);
    const line = describeNotificationChannels(config);
    expect(line).toContain(`127.0.0.1:${smtp.port}`);
    expect(line).not.toContain("s3cret");
  });

  it("refuses an SMTP host without a sender, and a user without a password, naming the settings", () => {
    expect(() =>
      notificationChannelsFromConfig(readConfig({}, { ZHENGGAI_SMTP_HOST: "smtp.example.org" })),
    ).toThrow(/ZHENGGAI_SMTP_FROM/);
    const noPassword = readConfig(
      {},
      {
        ZHENGGAI_SMTP_HOST: "smtp.example.org",
        ZHENGGAI_SMTP_FROM: "a@example.org",
        ZHENGGAI_SMTP_USER: "zg",
      },
    );
    expect(() => notificationChannelsFromConfig(noPassword)).toThrow(/ZHENGGAI_SMTP_PASSWORD_FILE/);
    expect(() => readConfig({}, { ZHENGGAI_SMTP_FROM: "不是地址" })).toThrow(/smtpFrom/);
    expect(() => readConfig({}, { ZHENGGAI_SMTP_PASSWORD_FILE: "/nonexistent/smtp.password" })).toThrow(
      /SMTP 密码文件（ZHENGGAI_SMTP_PASSWORD_FILE）/,
    );
  });

  it("defaults the SMTP port by security and the webhook settings to https only with a 10 s limit", () => {
    const tls = readConfig({}, { ZHENGGAI_SMTP_HOST: "smtp.example.org", ZHENGGAI_SMTP_SECURITY: "tls" });
    expect(describeNotificationChannels(tls)).toContain("smtp.example.org:465");
    const plain = readConfig({}, { ZHENGGAI_SMTP_HOST: "smtp.example.org" });
    expect(plain.smtpSecurity).toBe("starttls");
    expect(describeNotificationChannels(plain)).toContain("smtp.example.org:587");
    const defaults = readConfig({}, {});
    expect(defaults.webhookAllowHttp).toBe(false);
    expect(defaults.webhookTimeoutMs).toBe(10_000);
  });

  it("lets the robots call http:// only with ZHENGGAI_WEBHOOK_ALLOW_HTTP", async () => {
    const receiver = await startReceiver(() => ({ json: { errcode: 0 } }));
    const target = {
      kind: "wecom" as const,
      address: `${receiver.origin}/cgi-bin/webhook/send?key=k-123456`,
    };
    const strict = notificationChannelsFromConfig(readConfig({}, {}));
    expect((await strict.wecom?.send(target, MESSAGE))?.ok).toBe(false);
    const intranet = notificationChannelsFromConfig(readConfig({}, { ZHENGGAI_WEBHOOK_ALLOW_HTTP: "1" }));
    expect((await intranet.wecom?.send(target, MESSAGE))?.ok).toBe(true);
    expect(receiver.received).toHaveLength(1);
  });
});
