// Every setting in one zod schema, read once at start from the environment and command-line overrides.

import { existsSync, readFileSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { DomainError } from "./domain/domain-error.ts";
import { noticeSettingsFileSchema } from "./shared/notice-layout-options.ts";
import { parseInput } from "./shared/validation.ts";

export const configSchema = z.object({
  /** HTTP port (PORT, --port). */
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Interface to bind (HOST, --host). Loopback by default: sign-in arrives with the API issue. */
  host: z.string().min(1).default("127.0.0.1"),
  /** Folder for the SQLite file and evidence (ZHENGGAI_DATA, --data). */
  dataDir: z.string().min(1).default("./data"),
  /** postgres://… selects PostgreSQL; unset or file:PATH selects SQLite (DATABASE_URL). */
  databaseUrl: z.string().optional(),
  /** Load the example ledger (示例) into an empty database at start (ZHENGGAI_EXAMPLE_DATA=0 turns it off). */
  exampleData: z
    .preprocess(
      (v) => (typeof v === "string" ? !["0", "false", "no", "off"].includes(v.toLowerCase()) : v),
      z.boolean(),
    )
    .default(true),
  /**
   * Host names the server answers to (ZHENGGAI_ALLOWED_HOSTS, comma-separated). Empty = localhost, 127.0.0.1,
   * ::1 and the bind address: any other Host header is refused, which defeats DNS rebinding.
   */
  allowedHosts: z
    .preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((h) => h.trim().toLowerCase())
              .filter((h) => h !== "")
          : v,
      z.array(z.string().min(1)),
    )
    .default([]),
  /**
   * Key of the audit chain's HMAC (ZHENGGAI_AUDIT_KEY, or a file holding it: ZHENGGAI_AUDIT_KEY_FILE). Kept
   * outside the database, so whoever can write the database cannot recompute the chain. Unset = unkeyed.
   */
  auditKey: z.string().min(16, "审计密钥至少 16 个字符").optional(),
  /** What a broken audit chain at start does (ZHENGGAI_AUDIT_ON_TAMPER): warn loudly, or refuse every write. */
  auditOnTamper: z.enum(["warn", "refuse"]).default("warn"),
  /**
   * Password of the `admin` account the first start creates when no account exists (ZHENGGAI_ADMIN_PASSWORD).
   * Unset = a random one, printed once. Must pass the password policy; never printed or logged.
   */
  adminPassword: z.string().min(1).optional(),
  /** Minutes a session may go unused before it ends (ZHENGGAI_SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** Hours after sign-in a session ends whatever the activity (ZHENGGAI_SESSION_ABSOLUTE_HOURS). */
  sessionAbsoluteHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /**
   * Behind a reverse proxy: trust its X-Forwarded-For/-Proto (ZHENGGAI_TRUST_PROXY=1), so that sign-ins that came
   * over https get a Secure cookie. Off by default: anyone could send those headers to the process directly.
   */
  trustProxy: z
    .preprocess(
      (v) => (typeof v === "string" ? ["1", "true", "yes", "on"].includes(v.toLowerCase()) : v),
      z.boolean(),
    )
    .default(false),
  /** Largest evidence or import file, MiB (ZHENGGAI_UPLOAD_FILE_MB); docs/evidence.md. */
  uploadFileMb: z.coerce.number().int().min(1).max(1024).default(20),
  /** Most files in one upload request (ZHENGGAI_UPLOAD_FILES). */
  uploadFiles: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Grid of generated notices (ZHENGGAI_NOTICE_GRID): `portable` (line grid + tracking, 22 × 28 in Word, WPS and
   * LibreOffice) or `word` (Word's character grid). `report notice --grid` overrides it per document.
   */
  noticeGrid: z.enum(["portable", "word"]).default("portable"),
  /**
   * Per-unit 版头 and 版记 of notices (发文机关, 发文字号, 主送, 抄送, 印发机关, 联系人…): a JSON file named by
   * ZHENGGAI_NOTICE_SETTINGS, `{ "default": {…}, "units": { "单位名称或编号": {…} } }` (docs/notices.md).
   */
  noticeSettings: noticeSettingsFileSchema.optional(),
  /** The fontconfig file that maps the official font names for the PDF conversion (ZHENGGAI_FONTCONFIG). */
  fontConfigFile: z.string().min(1).optional(),
  /** LibreOffice for PDF notices (ZHENGGAI_SOFFICE; else soffice/libreoffice on PATH); unset = PDF refused. */
  soffice: z.string().min(1).optional(),
  /** SMTP server of the email notifications (ZHENGGAI_SMTP_HOST); unset = no email channel (docs/notifications.md). */
  smtpHost: z.string().min(1).optional(),
  /** Its port (ZHENGGAI_SMTP_PORT); unset = 465 with `tls`, 587 otherwise. */
  smtpPort: z.coerce.number().int().min(1).max(65535).optional(),
  /**
   * How the SMTP connection is protected (ZHENGGAI_SMTP_SECURITY): `starttls` (the upgrade is required), `tls`
   * (implicit TLS, port 465), `none` (plain, for a relay on the intranet or a test server only).
   */
  smtpSecurity: z.enum(["starttls", "tls", "none"]).default("starttls"),
  /** Account on the SMTP server (ZHENGGAI_SMTP_USER); unset = no authentication. */
  smtpUser: z.string().min(1).optional(),
  /** Its password: a file holding it (ZHENGGAI_SMTP_PASSWORD_FILE) or ZHENGGAI_SMTP_PASSWORD; never printed or logged. */
  smtpPassword: z.string().min(1).optional(),
  /** Sender address of the emails (ZHENGGAI_SMTP_FROM); required when a host is set. */
  smtpFrom: z.email("不是有效的邮箱地址").optional(),
  /** Sender's display name (ZHENGGAI_SMTP_FROM_NAME). */
  smtpFromName: z.string().min(1).default("整改台账"),
  /** Time limit of each SMTP wait — connecting, the greeting, an idle socket —, ms (ZHENGGAI_SMTP_TIMEOUT_MS). */
  smtpTimeoutMs: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** Robot and webhook addresses may be http:// (ZHENGGAI_WEBHOOK_ALLOW_HTTP=1): tests and intranet receivers only. */
  webhookAllowHttp: z
    .preprocess(
      (v) => (typeof v === "string" ? ["1", "true", "yes", "on"].includes(v.toLowerCase()) : v),
      z.boolean(),
    )
    .default(false),
  /** Time limit of one robot or webhook call, ms (ZHENGGAI_WEBHOOK_TIMEOUT_MS). */
  webhookTimeoutMs: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The scheduler (warnings, digests, sending) in `serve` (ZHENGGAI_SCHEDULER=off turns it off; docs/notifications.md). */
  scheduler: z
    .preprocess(
      (v) => (typeof v === "string" ? !["0", "false", "no", "off"].includes(v.toLowerCase()) : v),
      z.boolean(),
    )
    .default(true),
  /** When the daily warning job runs, HH:MM Asia/Shanghai (ZHENGGAI_WARNING_TIME). */
  warningTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "应为北京时间 HH:MM，如 08:30")
    .default("08:30"),
  /** When the daily digests go out, HH:MM Asia/Shanghai (ZHENGGAI_DIGEST_TIME). */
  digestTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "应为北京时间 HH:MM，如 17:30")
    .default("17:30"),
  /** zhenggai's public address (ZHENGGAI_PUBLIC_URL): links in emails and robot posts; unset = no links. */
  publicUrl: z.url("应为完整地址，如 https://zhenggai.example.org").optional(),
  /** pino level (LOG_LEVEL). */
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.output<typeof configSchema>;
export type ConfigOverrides = Partial<Record<keyof Config, string | number | boolean>>;

/** Settings from an environment (process.env by default) with command-line overrides on top. */
export function readConfig(
  overrides: ConfigOverrides = {},
  env: Record<string, string | undefined> = process.env,
): Config {
  const fromEnv = {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.ZHENGGAI_DATA,
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL,
    exampleData: env.ZHENGGAI_EXAMPLE_DATA,
    allowedHosts: env.ZHENGGAI_ALLOWED_HOSTS,
    auditKey: env.ZHENGGAI_AUDIT_KEY || readKeyFile(env.ZHENGGAI_AUDIT_KEY_FILE),
    auditOnTamper: env.ZHENGGAI_AUDIT_ON_TAMPER,
    adminPassword: env.ZHENGGAI_ADMIN_PASSWORD,
    sessionIdleMinutes: env.ZHENGGAI_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.ZHENGGAI_SESSION_ABSOLUTE_HOURS,
    trustProxy: env.ZHENGGAI_TRUST_PROXY,
    uploadFileMb: env.ZHENGGAI_UPLOAD_FILE_MB,
    uploadFiles: env.ZHENGGAI_UPLOAD_FILES,
    noticeGrid: env.ZHENGGAI_NOTICE_GRID,
    noticeSettings: readNoticeSettings(env.ZHENGGAI_NOTICE_SETTINGS),
    fontConfigFile: env.ZHENGGAI_FONTCONFIG,
    soffice: env.ZHENGGAI_SOFFICE || onPath(env.PATH, ["soffice", "libreoffice"]),
    smtpHost: env.ZHENGGAI_SMTP_HOST,
    smtpPort: env.ZHENGGAI_SMTP_PORT,
    smtpSecurity: env.ZHENGGAI_SMTP_SECURITY,
    smtpUser: env.ZHENGGAI_SMTP_USER,
    smtpPassword:
      readKeyFile(env.ZHENGGAI_SMTP_PASSWORD_FILE, "SMTP 密码文件（ZHENGGAI_SMTP_PASSWORD_FILE）") ||
      env.ZHENGGAI_SMTP_PASSWORD,
    smtpFrom: env.ZHENGGAI_SMTP_FROM,
    smtpFromName: env.ZHENGGAI_SMTP_FROM_NAME,
    smtpTimeoutMs: env.ZHENGGAI_SMTP_TIMEOUT_MS,
    webhookAllowHttp: env.ZHENGGAI_WEBHOOK_ALLOW_HTTP,
    webhookTimeoutMs: env.ZHENGGAI_WEBHOOK_TIMEOUT_MS,
    scheduler: env.ZHENGGAI_SCHEDULER,
    warningTime: env.ZHENGGAI_WARNING_TIME,
    digestTime: env.ZHENGGAI_DIGEST_TIME,
    publicUrl: env.ZHENGGAI_PUBLIC_URL,
  };
  const merged = Object.fromEntries(
    Object.entries({ ...fromEnv, ...overrides }).filter(([, v]) => v !== undefined && v !== ""),
  );
  return parseInput(configSchema, merged, "配置");
}

/** The first of `names` in the folders of a PATH value. */
function onPath(path: string | undefined, names: readonly string[]): string | undefined {
  for (const dir of (path ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/** The notice settings file as JSON (validated by the schema with the rest); unreadable or not JSON is a clear error. */
function readNoticeSettings(path: string | undefined): unknown {
  if (path === undefined || path === "") return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new DomainError("invalid_input", `无法读取通报版式设置文件（ZHENGGAI_NOTICE_SETTINGS）：${path}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError(
      "invalid_input",
      `通报版式设置文件不是有效的 JSON（ZHENGGAI_NOTICE_SETTINGS）：${path}`,
    );
  }
}

/** A secret (audit key, SMTP password) from a file, trailing newline dropped; a missing or unreadable file is a clear error. */
function readKeyFile(
  path: string | undefined,
  what = "审计密钥文件（ZHENGGAI_AUDIT_KEY_FILE）",
): string | undefined {
  if (path === undefined || path === "") return undefined;
  try {
    return readFileSync(path, "utf8").replace(/\r?\n$/, "");
  } catch {
    throw new DomainError("invalid_input", `无法读取${what}：${path}`);
  }
}

/**
 * Where the data lives, as settings say it. Plain data: storage's `openStore`/`openDatabase` accept it as it is
 * (their own target type has the same shape), so configuration does not depend on storage.
 */
export type DatabaseTarget =
  | { readonly kind: "sqlite"; readonly file: string; readonly lockTimeoutMs?: number }
  | { readonly kind: "postgres"; readonly url: string; readonly lockTimeoutMs?: number };

/** Where the data lives, from DATABASE_URL or the data folder. */
export function databaseTarget(config: Config): DatabaseTarget {
  const url = config.databaseUrl;
  if (url === undefined) return { kind: "sqlite", file: resolve(join(config.dataDir, "zhenggai.db")) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    return { kind: "sqlite", file: isAbsolute(path) ? path : resolve(path) };
  }
  throw new Error("DATABASE_URL 只支持 postgres://… 或 file:路径");
}

/** A database target safe to print: the password of a URL is masked. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "sqlite") return `SQLite ${target.file}`;
  // Only where the server is and which database: no user secrets, no query options (pg reads ?password= too).
  try {
    const url = new URL(target.url);
    return `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  } catch {
    return "PostgreSQL（连接串无法解析）";
  }
}
