// The zhenggai command: argv → the same use cases as the API; returns an exit code, never calls process.exit.

import { parseArgs } from "node:util";
import { isDomainError } from "../domain/domain-error.ts";
import { StorageConflictError, StorageUnavailableError } from "../storage/storage-errors.ts";
import type { ConfigOverrides } from "../config.ts";
import { EXIT, type CliIo } from "./cli-io.ts";
import { describeInputError, describeParseError } from "./flag-errors.ts";
import { auditVerifyCommand } from "./commands/audit-verify.ts";
import { calendarCommand } from "./commands/calendar.ts";
import { supervisionCommand } from "./commands/supervision.ts";
import { dbMigrate } from "./commands/db-migrate.ts";
import { exportLedgerCommand } from "./commands/export-ledger.ts";
import { importLedgerCommand } from "./commands/import-ledger.ts";
import { importNoticeCommand } from "./commands/import-notice.ts";
import { reportNoticeCommand } from "./commands/report-notice.ts";
import { reportBulletinCommand } from "./commands/report-bulletin.ts";
import { reportSupervisionCommand } from "./commands/report-supervision.ts";
import { listInspectionsCommand } from "./commands/list-inspections.ts";
import { listOrgsCommand } from "./commands/list-orgs.ts";
import { serve } from "./commands/serve.ts";
import { userAddCommand } from "./commands/user-add.ts";
import { userGrantCommand } from "./commands/user-grant.ts";
import { userListCommand } from "./commands/user-list.ts";
import { userPasswdCommand } from "./commands/user-passwd.ts";
import { HELP, VERSION } from "./help.ts";

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  "dry-run": { type: "boolean" },
  "allow-duplicate": { type: "boolean" },
  json: { type: "boolean" },
  unit: { type: "string" },
  inspection: { type: "string" },
  // `report notice --version internal|public`; a bare `--version` / `-v` prints the program version.
  version: { type: "string" },
  layout: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  date: { type: "string" },
  // report notice: grid, 版头, 主送, 附件, 附注 contact and 版记 of this document (docs/notices.md).
  grid: { type: "string" },
  issuer: { type: "string" },
  "issuer-mark": { type: "string" },
  "doc-number": { type: "string" },
  signer: { type: "string", multiple: true },
  addressee: { type: "string" },
  attachment: { type: "string", multiple: true },
  "contact-person": { type: "string" },
  "contact-phone": { type: "string" },
  "copy-to": { type: "string", multiple: true },
  "public-contact": { type: "string" },
  "printed-by": { type: "string" },
  "printed-on": { type: "string" },
  // report supervision: 书面回复时限 in working days.
  "reply-days": { type: "string" },
  // report bulletin: the month of the 月度整改进展通报.
  month: { type: "string" },
  round: { type: "string" },
  all: { type: "boolean" },
  map: { type: "string", multiple: true },
  "skip-invalid": { type: "boolean" },
  "row-limit": { type: "string" },
  checkpoint: { type: "string", multiple: true },
  seal: { type: "boolean" },
  login: { type: "string" },
  name: { type: "string" },
  org: { type: "string" },
  role: { type: "string" },
  kind: { type: "string" },
  // calendar import: the year of a notice that does not name it.
  year: { type: "string" },
  // supervision reply: the unit's written reply to a 督办通知; admonish / talk: the 告诫 or 约谈 record.
  summary: { type: "string" },
  evidence: { type: "string" },
  content: { type: "string" },
  person: { type: "string", multiple: true },
  place: { type: "string" },
  "held-by": { type: "string", multiple: true },
  "follow-up": { type: "string" },
  measure: { type: "string", multiple: true },
  "password-file": { type: "string" },
} as const;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-v")) {
    io.out(`${VERSION}\n`);
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const said = describeParseError(e);
    if (said === undefined) throw e;
    io.err(`命令行参数有误：${said}\n运行 zhenggai --help 查看用法。\n`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === "help") {
    io.out(HELP);
    return EXIT.ok;
  }
  if (values.port !== undefined && !isPort(values.port)) {
    io.err("错误：--port 的取值有误：应为 0 到 65535 之间的整数\n");
    return EXIT.usage;
  }
  const overrides: ConfigOverrides = {
    ...(values.port !== undefined ? { port: values.port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.data !== undefined ? { dataDir: values.data } : {}),
  };
  const command = positionals.slice(0, 2).join(" ");
  try {
    switch (command) {
      case "serve":
        return await serve(overrides, io);
      case "db migrate":
        return await dbMigrate(overrides, io);
      case "import notice":
        return await importNoticeCommand(
          {
            file: positionals[2],
            dryRun: values["dry-run"] ?? false,
            allowDuplicate: values["allow-duplicate"] ?? false,
            json: values.json ?? false,
            unit: values.unit,
          },
          overrides,
          io,
        );
      case "report bulletin":
        return await reportBulletinCommand(
          {
            inspection: values.inspection,
            round: values.round,
            month: values.month,
            out: values.out,
            format: values.format,
            docNumber: values["doc-number"],
          },
          overrides,
          io,
        );
      case "report supervision":
        return await reportSupervisionCommand(
          {
            inspection: values.inspection,
            out: values.out,
            format: values.format,
            docNumber: values["doc-number"],
            replyDays: values["reply-days"],
          },
          overrides,
          io,
        );
      case "report notice":
        return await reportNoticeCommand(
          {
            inspection: values.inspection,
            version: values.version,
            layout: values.layout,
            format: values.format,
            out: values.out,
            issuedOn: values.date,
            grid: values.grid,
            official: {
              issuer: values.issuer,
              issuerMark: values["issuer-mark"],
              docNumber: values["doc-number"],
              signers: values.signer,
              addressee: values.addressee,
              attachments: values.attachment,
              contactPerson: values["contact-person"],
              contactPhone: values["contact-phone"],
              copyTo: values["copy-to"],
              publicContact: values["public-contact"],
              printedBy: values["printed-by"],
              printedOn: values["printed-on"],
            },
          },
          overrides,
          io,
        );
      case "export ledger":
        return await exportLedgerCommand(
          { inspection: values.inspection, round: values.round, all: values.all ?? false, out: values.out },
          overrides,
          io,
        );
      case "import ledger":
        return await importLedgerCommand(
          {
            file: positionals[2],
            dryRun: values["dry-run"] ?? false,
            json: values.json ?? false,
            inspection: values.inspection,
            unit: values.unit,
            map: values.map ?? [],
            skipInvalid: values["skip-invalid"] ?? false,
            rowLimit: values["row-limit"],
          },
          overrides,
          io,
        );
      case "audit verify":
        return await auditVerifyCommand(
          { checkpoints: values.checkpoint ?? [], seal: values.seal ?? false, json: values.json ?? false },
          overrides,
          io,
        );
      case "user add":
        return await userAddCommand(
          {
            login: values.login,
            name: values.name,
            org: values.org,
            role: values.role,
            passwordFile: values["password-file"],
          },
          overrides,
          io,
        );
      case "user grant":
        return await userGrantCommand(
          { login: values.login, role: values.role, org: values.org },
          overrides,
          io,
        );
      case "user passwd":
        return await userPasswdCommand(
          { login: values.login, passwordFile: values["password-file"] },
          overrides,
          io,
        );
      case "user list":
        return await userListCommand({ json: values.json ?? false }, overrides, io);
      case "inspections":
        return await listInspectionsCommand({ json: values.json ?? false }, overrides, io);
      case "calendar list":
      case "calendar set":
      case "calendar delete":
      case "calendar import":
      case "calendar":
        return await calendarCommand(
          {
            action: positionals[1],
            file: positionals[2],
            dryRun: values["dry-run"] ?? false,
            year: values.year,
            date: values.date,
            kind: values.kind,
            name: values.name,
            json: values.json ?? false,
          },
          overrides,
          io,
        );
      case "orgs":
        return await listOrgsCommand({ json: values.json ?? false }, overrides, io);
      case "supervision list":
      case "supervision reply":
      case "supervision admonish":
      case "supervision talk":
      case "supervision":
        return await supervisionCommand(
          {
            action: positionals[1],
            actionId: positionals[2],
            inspection: values.inspection,
            date: values.date,
            summary: values.summary,
            evidence: values.evidence,
            content: values.content,
            person: values.person,
            place: values.place,
            heldBy: values["held-by"],
            followUp: values["follow-up"],
            measure: values.measure,
            json: values.json ?? false,
          },
          overrides,
          io,
        );
      default:
        io.err(`未知命令：${command}\n运行 zhenggai --help 查看用法。\n`);
        return EXIT.usage;
    }
  } catch (e) {
    return reportFailure(e, io);
  }
}

const isPort = (text: string): boolean => /^\d{1,5}$/.test(text) && Number(text) <= 65535;

/** Errors of the data, not of the command line: a failure, not a usage error. */
const DATA_ERRORS = new Set(["audit_chain_broken", "audit_key_required", "audit_seal_refused"]);

function reportFailure(e: unknown, io: CliIo): number {
  if (isDomainError(e)) {
    io.err(`${describeInputError(e).join("\n")}\n`);
    return DATA_ERRORS.has(e.code) ? EXIT.failure : EXIT.usage;
  }
  if (e instanceof StorageUnavailableError || e instanceof StorageConflictError) {
    io.err(`错误：${e.message}\n`);
    return EXIT.failure;
  }
  const code = (e as { code?: string }).code;
  if (code === "EADDRINUSE") {
    io.err("错误：端口已被占用，请用 --port 指定其他端口\n");
    return EXIT.failure;
  }
  // A fault of ours, not of the input: say so in Chinese; the library's words follow only as a detail to report.
  io.err(
    `错误：执行时发生了未预料的内部错误，没有保存任何不完整的内容。请把以下详情告知维护人员：\n  ${(e as Error).name}: ${(e as Error).message}\n`,
  );
  return EXIT.failure;
}
