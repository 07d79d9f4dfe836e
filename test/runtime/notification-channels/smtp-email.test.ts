// The email channel against a real SMTP server started here (smtp-server on port 0): the mail that arrives is read
// back (recipient, Chinese subject and sender name, text and HTML with the link), and each failure is classified.

import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from "node:net";
import type { SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import {
  smtpEmailChannel,
  type SmtpEmailChannel,
  type SmtpSettings,
} from "../../../src/runtime/notification-channels/smtp-email.ts";
import { MESSAGE } from "./receiver.ts";
import { readMail } from "./read-mail.ts";
import { startSmtp as startSmtpServer } from "./smtp-test-server.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A test SMTP server closed after the test. */
async function startSmtp(options: Partial<SMTPServerOptions> = {}) {
  const smtp = await startSmtpServer(options);
  cleanups.push(smtp.close);
  return smtp;
}

function channel(port: number, settings: Partial<SmtpSettings> = {}): SmtpEmailChannel {
  const made = smtpEmailChannel({
    host: "127.0.0.1",
    port,
    security: "none",
    from: "zhenggai@example.org",
    fromName: "整改台账",
    timeoutMs: 10_000,
    ...settings,
  });
  cleanups.push(() => made.close());
  return made;
}

const to = (address: string) => ({ kind: "email" as const, address });

describe("SMTP email channel", () => {
  it("delivers a UTF-8 mail with the Chinese subject, sender name, text and an HTML alternative with the link", async () => {
    const smtp = await startSmtp();
    const result = await channel(smtp.port).send(to("zhang.san@example.org"), MESSAGE);
    expect(result.ok).toBe(true);
    expect(smtp.delivered).toHaveLength(1);
    const [mail] = smtp.delivered;
    expect(mail?.rcptTo).toEqual(["zhang.san@example.org"]);
    expect(mail?.mailFrom).toBe("zhenggai@example.org");
    const read = readMail(mail?.raw ?? "");
    expect(read.subject).toBe("【督办预警】整改措施即将逾期");
    expect(read.from).toContain("整改台账");
    expect(read.from).toContain("<zhenggai@example.org>");
    expect(read.headers.get("x-zhenggai-dedupe-key")).toBe(MESSAGE.dedupeKey);
    expect(read.headers.get("content-type")).toMatch(/multipart\/alternative/);
    const text = read.parts.get("text/plain") ?? "";
    expect(text).toContain("问题：财务管理不规范\n措施：完善报销制度（剩余 3 天）");
    expect(text).toContain(`查看详情：${MESSAGE.link}`);
    const html = read.parts.get("text/html") ?? "";
    expect(html).toContain("措施：完善报销制度（剩余 3 天）");
    expect(html).toContain(`<a href="${MESSAGE.link}">查看详情</a>`);
  });

  it("escapes the text in the HTML and leaves out a link that is not http(s)", async () => {
    const smtp = await startSmtp();
    const result = await channel(smtp.port).send(to("li.si@example.org"), {
      ...MESSAGE,
      text: "<script>alert(1)</script> & 其他",
      link: "javascript:alert(1)",
    });
    expect(result.ok).toBe(true);
    const read = readMail(smtp.delivered[0]?.raw ?? "");
    const html = read.parts.get("text/html") ?? "";
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他");
    expect(html).not.toContain("javascript:");
    expect(read.parts.get("text/plain")).not.toContain("javascript:");
  });

  it("reuses one pooled connection for messages sent one after another", async () => {
    const smtp = await startSmtp();
    const email = channel(smtp.port);
    for (const who of ["a", "b", "c"]) {
      expect((await email.send(to(`${who}@example.org`), MESSAGE)).ok).toBe(true);
    }
    expect(smtp.delivered).toHaveLength(3);
    expect(smtp.connections()).toBe(1);
  });

  it("answers a recipient refused with 550 as not retryable, and 451 as retryable", async () => {
    const smtp = await startSmtp({
      onRcptTo(address, _session, callback) {
        const code = address.address.startsWith("nobody")
          ? 550
          : address.address.startsWith("busy")
            ? 451
            : 0;
        if (code === 0) return callback();
        const err = Object.assign(new Error(code === 550 ? "No such user here" : "Try again later"), {
          responseCode: code,
        });
        return callback(err);
      },
    });
    const email = channel(smtp.port);
    expect(await email.send(to("nobody@example.org"), MESSAGE)).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/拒收（550）.*No such user here/) as string,
    });
    expect(await email.send(to("busy@example.org"), MESSAGE)).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/暂时拒收（451）/) as string,
    });
    expect(smtp.delivered).toHaveLength(0);
  });

  it("answers a server that is down as retryable", async () => {
    const port = await freedPort();
    const result = await channel(port).send(to("zhang.san@example.org"), MESSAGE);
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/无法连接SMTP 服务器 127\.0\.0\.1:\d+（ECONNREFUSED）/) as string,
    });
  });

  it("answers a server that never greets as retryable once the time limit passes", async () => {
    const silent = await silentServer();
    const result = await channel(silent.port, { timeoutMs: 300 }).send(to("zhang.san@example.org"), MESSAGE);
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/300 毫秒内未响应/) as string,
    });
  });

  it("stops when the caller's signal aborts, as retryable", async () => {
    const smtp = await startSmtp({
      onMailFrom(_address, _session, callback) {
        setTimeout(() => callback(), 5000).unref();
      },
    });
    const started = Date.now();
    const result = await channel(smtp.port).send(to("a@example.org"), MESSAGE, AbortSignal.timeout(200));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringMatching(/中止/) as string,
    });
    expect(smtp.delivered).toHaveLength(0);
  });

  it("answers wrong credentials with a clear, final error that does not contain the password", async () => {
    const password = "Wr0ng-P@ssw0rd-正确吗";
    const smtp = await startSmtp({
      authOptional: false,
      allowInsecureAuth: true,
      authMethods: ["PLAIN", "LOGIN"],
      onAuth(_auth, _session, callback) {
        callback(new Error("Invalid username or password"));
      },
    });
    const result = await channel(smtp.port, { user: "zhenggai", password }).send(
      to("a@example.org"),
      MESSAGE,
    );
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringMatching(/拒绝了登录（用户 zhenggai）.*535/) as string,
    });
    if (!result.ok) {
      expect(result.error).not.toContain(password);
      expect(result.error).not.toContain(Buffer.from(password).toString("base64"));
    }
    expect(smtp.delivered).toHaveLength(0);
  });

  it("refuses an address that is not an email address before connecting", async () => {
    const smtp = await startSmtp();
    const result = await channel(smtp.port).send(to("张三"), MESSAGE);
    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(smtp.connections()).toBe(0);
  });
});

/** A TCP port on 127.0.0.1 where nothing listens any more. */
async function freedPort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP server that accepts connections and never says anything. */
async function silentServer(): Promise<{ port: number }> {
  const sockets = new Set<Socket>();
  const server: Server = createTcpServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { port: (server.address() as AddressInfo).port };
}
