// Command-line wording of input errors: which flag is missing or wrong, in Chinese, never an internal field name
// (`inspectionId`) or the argument parser's English. Validation fields are renamed to the flag a user typed.

import { DomainError, type FieldIssue } from "../domain/domain-error.ts";

/** A required flag that was not given, named with what it means. */
export const missingFlag = (flag: string, meaning: string): DomainError =>
  new DomainError("invalid_input", `缺少 ${flag}（${meaning}）`);

/** A flag whose value is not one of the accepted ones. */
export const badFlag = (flag: string, expected: string): DomainError =>
  new DomainError("invalid_input", `${flag} 的取值有误：应为 ${expected}`);

/** A flag that must be one of `choices` (value → what it means); undefined when absent. */
export function choiceFlag<T extends string>(
  flag: string,
  value: string | undefined,
  choices: Readonly<Record<T, string>>,
): T | undefined {
  if (value === undefined) return undefined;
  if (Object.hasOwn(choices, value)) return value as T;
  const listed = Object.entries<string>(choices).map(([v, meaning]) => `${v}（${meaning}）`);
  throw badFlag(flag, listed.join("或 "));
}

/**
 * Rewrites an invalid_input error so that it names flags (`--login`) instead of internal field names
 * (`login`); other errors pass through unchanged.
 */
export function namingFlags(e: unknown, flags: Readonly<Record<string, string>>): unknown {
  if (!(e instanceof DomainError) || e.fields === undefined) return e;
  const fields = e.fields.map((f) => ({ ...f, path: flags[f.path] ?? f.path }));
  const first = fields[0];
  const message =
    e.code === "invalid_input" && first ? `参数有误：${first.path} ${first.message}` : e.message;
  return new DomainError(e.code, message, e.code === "invalid_input" ? fields.slice(1) : []);
}

/** Settings (src/config.ts) by the flag or environment variable that gives them. */
export const SETTING_NAMES: Readonly<Record<string, string>> = {
  port: "--port（或环境变量 PORT）",
  host: "--host（或环境变量 HOST）",
  dataDir: "--data（或环境变量 ZHENGGAI_DATA）",
  databaseUrl: "环境变量 DATABASE_URL",
  logLevel: "环境变量 LOG_LEVEL",
  exampleData: "环境变量 ZHENGGAI_EXAMPLE_DATA",
  allowedHosts: "环境变量 ZHENGGAI_ALLOWED_HOSTS",
  auditKey: "环境变量 ZHENGGAI_AUDIT_KEY",
  auditOnTamper: "环境变量 ZHENGGAI_AUDIT_ON_TAMPER",
  adminPassword: "环境变量 ZHENGGAI_ADMIN_PASSWORD",
  sessionIdleMinutes: "环境变量 ZHENGGAI_SESSION_IDLE_MINUTES",
  sessionAbsoluteHours: "环境变量 ZHENGGAI_SESSION_ABSOLUTE_HOURS",
  trustProxy: "环境变量 ZHENGGAI_TRUST_PROXY",
  uploadFileMb: "环境变量 ZHENGGAI_UPLOAD_FILE_MB",
  uploadFiles: "环境变量 ZHENGGAI_UPLOAD_FILES",
  noticeGrid: "--grid（或环境变量 ZHENGGAI_NOTICE_GRID）",
  noticeSettings: "环境变量 ZHENGGAI_NOTICE_SETTINGS（通报版头版记设置文件）",
  fontConfigFile: "环境变量 ZHENGGAI_FONTCONFIG",
  soffice: "环境变量 ZHENGGAI_SOFFICE",
  smtpHost: "环境变量 ZHENGGAI_SMTP_HOST",
  smtpPort: "环境变量 ZHENGGAI_SMTP_PORT",
  smtpSecurity: "环境变量 ZHENGGAI_SMTP_SECURITY",
  smtpUser: "环境变量 ZHENGGAI_SMTP_USER",
  smtpPassword: "环境变量 ZHENGGAI_SMTP_PASSWORD_FILE（或 ZHENGGAI_SMTP_PASSWORD）",
  smtpFrom: "环境变量 ZHENGGAI_SMTP_FROM",
  smtpFromName: "环境变量 ZHENGGAI_SMTP_FROM_NAME",
  smtpTimeoutMs: "环境变量 ZHENGGAI_SMTP_TIMEOUT_MS",
  webhookAllowHttp: "环境变量 ZHENGGAI_WEBHOOK_ALLOW_HTTP",
  webhookTimeoutMs: "环境变量 ZHENGGAI_WEBHOOK_TIMEOUT_MS",
  scheduler: "环境变量 ZHENGGAI_SCHEDULER",
  warningTime: "环境变量 ZHENGGAI_WARNING_TIME",
  digestTime: "环境变量 ZHENGGAI_DIGEST_TIME",
  publicUrl: "环境变量 ZHENGGAI_PUBLIC_URL",
};

/** Use-case input fields that commands fill from flags, by flag. */
export const FIELD_FLAGS: Readonly<Record<string, string>> = {
  inspectionId: "--inspection",
  version: "--version",
  layout: "--layout",
  format: "--format",
  issuedOn: "--date",
  roundLabel: "--round",
  unitName: "--unit",
  login: "--login",
  name: "--name",
  orgId: "--org",
  role: "--role",
  password: "--password-file",
};

/**
 * The lines to print for an invalid_input error: fields named by their flag or setting (a field no flag gives is
 * described without its internal path), and parseInput's summary, which names a field by its internal path,
 * worded again.
 */
export function describeInputError(e: DomainError): string[] {
  const isConfig = e.message.startsWith("配置有误");
  const nameOf = (path: string): string | undefined =>
    path.startsWith("-") ? path : (isConfig ? SETTING_NAMES : FIELD_FLAGS)[path];
  const line = (f: FieldIssue): string => {
    const name = nameOf(f.path);
    return name === undefined ? f.message : `${name} ${f.message}`;
  };
  const [first, ...rest] = e.fields ?? [];
  if (first !== undefined && e.message.endsWith(`${first.path}：${first.message}`)) {
    return [
      `错误：${isConfig ? "设置有误" : "参数有误"}：${line(first)}`,
      ...rest.map((f) => `  ${line(f)}`),
    ];
  }
  return [`错误：${e.message}`, ...(e.fields ?? []).map((f) => `  ${line(f)}`)];
}

/**
 * The argument parser's refusals (node:util parseArgs, English) in Chinese, naming the flag. Returns undefined
 * for anything else.
 */
export function describeParseError(e: unknown): string | undefined {
  const code = (e as { code?: unknown }).code;
  const message = e instanceof Error ? e.message : "";
  const flag = /'(-{1,2}[^'\s<]+)/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `没有 ${flag} 这个选项`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return "多余的参数";
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message)) return `${flag} 不带取值`;
      if (/ambiguous/.test(message)) {
        return `${flag} 缺少取值（如取值以“-”开头，请写作 ${flag}=-…）`;
      }
      return `${flag} 缺少取值`;
    default:
      return undefined;
  }
}
