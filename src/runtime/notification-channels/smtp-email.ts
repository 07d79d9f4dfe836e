// Email over SMTP with nodemailer: one pooled transport per process (connections reused between messages),
// UTF-8 subject and body, plain text with a simple HTML alternative. Failures are classified from the SMTP reply:
// 4xx and connection trouble may pass later, 5xx (a recipient refused, a login rejected) will not. No text that
// leaves here carries the password; nodemailer's own logger is off, so the dialogue is never logged.

import { createTransport } from "nodemailer";
import type { NodemailerError } from "nodemailer";
import type { DeliveryResult, NotificationChannel } from "../../app/notification-channel.ts";
import { excerpt, failed, scrub } from "./delivery-failure.ts";
import { emailHtml, emailText } from "./message-text.ts";

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** `starttls`: the upgrade is required; `tls`: implicit TLS (465); `none`: plain (intranet relay, tests). */
  readonly security: "starttls" | "tls" | "none";
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Sender address and its display name (整改台账). */
  readonly from: string;
  readonly fromName: string;
  /** Each wait (connecting, the greeting, an idle socket), ms. */
  readonly timeoutMs: number;
}

/** The email channel; `close` ends the pool's connections (at shutdown). */
export type SmtpEmailChannel = NotificationChannel & { close(): void };

// Deliberately loose: one @, no spaces or angle brackets; the server judges the rest (a 5xx is final).
const ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export function smtpEmailChannel(settings: SmtpSettings): SmtpEmailChannel {
  const transport = createTransport({
    pool: true,
    maxConnections: 2,
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    auth: settings.user === undefined ? undefined : { user: settings.user, pass: settings.password ?? "" },
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "email",
    async send(target, message, signal) {
      if (!ADDRESS.test(target.address)) {
        return failed(false, `收件地址不是有效的邮箱地址：${excerpt(target.address, 80)}`);
      }
      try {
        const info = await transport.sendMail({
          from: { name: settings.fromName, address: settings.from },
          to: target.address,
          subject: message.subject,
          text: emailText(message),
          html: emailHtml(message),
          headers: { "X-Zhenggai-Dedupe-Key": message.dedupeKey },
          ...(signal === undefined ? {} : { signal }),
        });
        return { ok: true, detail: excerpt(scrub(info.response, secretsOf(settings)), 120) };
      } catch (e) {
        return smtpFailure(e, settings);
      }
    },
    close: () => transport.close(),
  };
}

/** The password and its forms (nodemailer sends AUTH PLAIN/LOGIN in base64: scrub covers that). */
const secretsOf = (settings: SmtpSettings): string[] =>
  settings.password === undefined || settings.password === "" ? [] : [settings.password];

/** A failed send, classified. Only our own words and the server's scrubbed reply are quoted. */
export function smtpFailure(e: unknown, settings: SmtpSettings): DeliveryResult {
  const err = (typeof e === "object" && e !== null ? e : {}) as NodemailerError;
  const where = `SMTP 服务器 ${settings.host}:${settings.port}`;
  const reply = err.response === undefined ? "" : `：${excerpt(scrub(err.response, secretsOf(settings)))}`;
  if (err.code === "EAUTH" || err.code === "ENOAUTH") {
    return failed(
      false,
      `${where} 拒绝了登录（用户 ${settings.user ?? "未设置"}）${reply}；请核对 ZHENGGAI_SMTP_USER 与 SMTP 密码`,
    );
  }
  if (typeof err.responseCode === "number") {
    // nodemailer marks the reply class: 5xx (but 503) is permanent; 4xx and 503 may pass on a later attempt.
    const permanent = err.permanent ?? (err.responseCode >= 500 && err.responseCode !== 503);
    return permanent
      ? failed(false, `${where} 拒收（${err.responseCode}）${reply}`)
      : failed(true, `${where} 暂时拒收（${err.responseCode}）${reply}`);
  }
  switch (err.code) {
    case "ETIMEDOUT":
      return failed(true, `${where} 在 ${settings.timeoutMs} 毫秒内未响应`);
    case "EABORT":
      return failed(true, `发往 ${where} 的邮件被中止（超出本轮发送时限）`);
    case "EENVELOPE":
      return failed(false, `${where} 不接受收件地址或发件地址${reply}`);
    case "ECONFIG":
      return failed(false, `邮件设置有误，无法发送（${where}）`);
    case "ETLS":
      return failed(true, `与 ${where} 的 TLS 握手失败；请核对 ZHENGGAI_SMTP_SECURITY`);
    default: {
      if (err.name === "AbortError") return failed(true, `发往 ${where} 的邮件被中止（超出本轮发送时限）`);
      const cause = err.originalCode ?? err.code;
      return failed(true, `无法连接${where}${cause === undefined ? "" : `（${cause}）`}`);
    }
  }
}
