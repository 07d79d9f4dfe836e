// Composition root: config → store → deps → HTTP server. The only place that picks concrete implementations.

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { randomUUID } from "node:crypto";
import { chmod, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { AccountDeps } from "./app/account-deps.ts";
import { bootstrapAdmin } from "./app/bootstrap-admin.ts";
import { offerExampleLedger } from "./app/offer-example-ledger.ts";
import { describeAuditBreak, verifyAuditTrail } from "./app/verify-audit-trail.ts";
import { cachedCalendarSource, type CalendarDeps } from "./app/working-calendar.ts";
import { databaseTarget, describeTarget, type Config } from "./config.ts";
import { effectiveAllowedHosts } from "./http/allowed-hosts.ts";
import { buildApp, type AppDeps } from "./http/build-app.ts";
import { argon2Passwords } from "./runtime/argon2-passwords.ts";
// The PDF converter for the CLI, which may not import the runtime layer itself.
import { libreOfficePdf } from "./runtime/libreoffice-pdf.ts";
export { libreOfficePdf };
import { diskEvidenceFiles } from "./runtime/disk-evidence-files.ts";
import { memoryUnknownLoginFailures, randomTokens } from "./runtime/random-tokens.ts";
import { systemClock, randomIds } from "./runtime/system-ports.ts";
import { auditGuardedStore } from "./storage/audit-guarded-store.ts";
import { migrateDatabase, openStore } from "./storage/kysely/kysely-store.ts";
import type { Store } from "./storage/store.ts";
import { holidayRulesFromChineseDays } from "./domain/working-days.ts";
import { parseDailyTime } from "./domain/daily-schedule.ts";
import {
  closeNotificationChannels,
  describeNotificationChannels,
  notificationChannelsFromConfig,
} from "./runtime/notification-channels/notification-channels-from-config.ts";
import { createScheduler, type Scheduler } from "./scheduler/scheduler.ts";

/** A real published notice (市文联党组, 2021), shipped as example data. */
const EXAMPLE_NOTICE = new URL("../assets/example-notice.txt", import.meta.url);
const PACKAGE_JSON = new URL("../package.json", import.meta.url);
const WEB_BUILD = new URL("../dist/web", import.meta.url);

/** A folder only the server's account may enter (mode 700, also when it existed with a wider mode). */
async function privateFolder(path: string): Promise<string> {
  await mkdir(path, { recursive: true, mode: 0o700 });
  await chmod(path, 0o700);
  return path;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  /** The ports the server's use cases run on; writes through its store pass the audit guard. */
  readonly deps: AppDeps;
  close(): Promise<void>;
}

/**
 * The working-day calendar of the use cases: chinese-days' holiday table (its data file, read here because the
 * domain imports no package) under the overrides stored in the database, rebuilt when those change.
 */
export const chineseDaysCalendar = (): CalendarDeps["calendar"] =>
  cachedCalendarSource(holidayRulesFromChineseDays(chineseDaysData));

/**
 * Opens the store (applying migrations), verifies the whole audit chain, and serves the API; resolves once
 * listening. A broken chain is logged loudly; with auditOnTamper "refuse" every write is refused, reads go on.
 */
export async function startServer(config: Config, log: (line: string) => void): Promise<RunningServer> {
  const target = databaseTarget(config);
  // Checked before the database is touched: a bad entry stops the start with a message naming it.
  const allowedHosts = effectiveAllowedHosts(config.host, config.allowedHosts);
  const channels = notificationChannelsFromConfig(config);
  const opened = await openStore(target, { auditKey: config.auditKey });
  let store: Store;
  try {
    store = await guardedAtStart(opened, config, log);
  } catch (e) {
    await opened.close();
    throw e;
  }
  const evidenceFiles = diskEvidenceFiles(join(config.dataDir, "evidence"));
  // Temp files of uploads cut off by a crash; a day's margin leaves uploads in progress on other nodes alone.
  await evidenceFiles.sweepIncoming(Date.now() - 24 * 60 * 60 * 1000);
  // One converter for the process: LibreOffice runs one conversion at a time, with its own profile.
  const pdf = libreOfficePdf({
    binary: config.soffice,
    ...(config.fontConfigFile ? { fontConfigFile: config.fontConfigFile } : {}),
  });
  const deps: AppDeps = {
    pdf,
    ...(config.noticeSettings ? { noticeSettings: config.noticeSettings } : {}),
    store,
    clock: systemClock,
    ids: randomIds,
    passwords: argon2Passwords,
    tokens: randomTokens,
    unknownLogins: memoryUnknownLoginFailures(),
    // Evidence content lives beside the SQLite file, also when the database is PostgreSQL (docs/evidence.md).
    files: evidenceFiles,
    calendar: chineseDaysCalendar(),
  };
  try {
    await announceFirstAdmin(deps, config, log);
  } catch (e) {
    await store.close();
    throw e;
  }
  if (config.exampleData) {
    try {
      const exampleId = await offerExampleLedger(deps, await readFile(EXAMPLE_NOTICE, "utf8"));
      if (exampleId) log(`数据库为空，已载入示例台账（示例）：${exampleId}`);
    } catch (e) {
      if ((e as { code?: string }).code !== "audit_chain_broken") throw e;
      log("审计链校验未通过，未载入示例台账");
    }
  }
  const app = buildApp(deps, {
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    allowedHosts,
    sessionTimeouts: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
    trustProxy: config.trustProxy,
    uploadLimits: { fileBytes: config.uploadFileMb * 1024 * 1024, files: config.uploadFiles },
    requestIds: randomUUID,
    version: (JSON.parse(await readFile(PACKAGE_JSON, "utf8")) as { version: string }).version,
    uploadTempDir: await privateFolder(join(config.dataDir, "uploads-tmp")),
    webRoot: fileURLToPath(WEB_BUILD),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await store.close();
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`;
  log(`zhenggai 已启动：${url}（数据库：${describeTarget(target)}）`);
  const scheduler = startScheduler(deps, channels, config, log);
  return {
    url,
    app,
    deps,
    async close() {
      await scheduler?.stop();
      closeNotificationChannels(channels);
      await app.close();
      await pdf.close();
      await store.close();
    },
  };
}

/** Creates `admin` on an empty accounts table; a generated password is printed here once, a configured one never. */
/** The scheduler of this node (docs/notifications.md), unless ZHENGGAI_SCHEDULER=off; the CLI never starts one. */
function startScheduler(
  deps: AppDeps,
  channels: ReturnType<typeof notificationChannelsFromConfig>,
  config: Config,
  log: (line: string) => void,
): Scheduler | undefined {
  if (!config.scheduler) {
    log("调度已关闭（ZHENGGAI_SCHEDULER=off）：本节点不发送督办预警提醒和每日汇总");
    return undefined;
  }
  log(describeNotificationChannels(config));
  const scheduler = createScheduler(
    {
      ...deps,
      notificationChannels: channels,
      random: Math.random,
      ...(config.publicUrl === undefined ? {} : { publicBaseUrl: config.publicUrl }),
    },
    {
      holder: randomUUID(),
      // Validated by the config schema.
      warningAt: parseDailyTime(config.warningTime)!,
      digestAt: parseDailyTime(config.digestTime)!,
      log,
    },
  );
  scheduler.start();
  return scheduler;
}

async function announceFirstAdmin(
  deps: AccountDeps,
  config: Config,
  log: (line: string) => void,
): Promise<void> {
  try {
    const result = await bootstrapAdmin(deps, { password: config.adminPassword });
    if (!result.created) return;
    log(
      result.generatedPassword === null
        ? `尚无任何账号，已创建系统管理员账号 ${result.login}（密码取自 ZHENGGAI_ADMIN_PASSWORD）`
        : `尚无任何账号，已创建系统管理员账号 ${result.login}，初始密码：${result.generatedPassword}（只显示这一次，请登录后立即修改）`,
    );
  } catch (e) {
    if ((e as { code?: string }).code !== "audit_chain_broken") throw e;
    log("审计链校验未通过，未创建系统管理员账号");
  }
}

/** The full verification at start: a loud line when broken, then the guard that applies auditOnTamper. */
async function guardedAtStart(store: Store, config: Config, log: (line: string) => void): Promise<Store> {
  const started = performance.now();
  const check = await verifyAuditTrail({ store, clock: systemClock });
  const took = `${Math.round(performance.now() - started)} ms`;
  let knownProblem: string | null = null;
  if (check.status === "intact") {
    log(`审计链完整：${check.events} 条记录${check.keyed ? "（已用密钥校验）" : ""}，用时 ${took}`);
  } else {
    knownProblem = check.lines[0] ?? "审计链校验未通过";
    const consequence =
      config.auditOnTamper === "refuse"
        ? "已暂停一切写入（ZHENGGAI_AUDIT_ON_TAMPER=refuse），查询照常"
        : "写入照常进行（ZHENGGAI_AUDIT_ON_TAMPER=warn）";
    log(`【警告】${knownProblem} ${consequence}；请运行 zhenggai audit verify 核查。`);
  }
  return auditGuardedStore(store, {
    mode: config.auditOnTamper,
    knownProblem,
    describe: (b) => describeAuditBreak(b),
    log,
  });
}

export interface WithDepsOptions {
  /**
   * Check the audit chain's head before each write and apply auditOnTamper (default true). Off only for
   * `zhenggai audit verify`, which reports the chain itself.
   */
  readonly auditGuard?: boolean;
  /** Where a warning about a broken chain goes (default: stderr). */
  readonly log?: (line: string) => void;
}

/** Opens the configured store for one command, hands the use-case deps to `work`, and closes it again. */
export async function withDeps<T>(
  config: Config,
  work: (deps: AccountDeps & CalendarDeps) => Promise<T>,
  options: WithDepsOptions = {},
): Promise<T> {
  const opened = await openStore(databaseTarget(config), { auditKey: config.auditKey });
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const store =
    options.auditGuard === false
      ? opened
      : auditGuardedStore(opened, {
          mode: config.auditOnTamper,
          describe: (b) => describeAuditBreak(b),
          log,
        });
  try {
    return await work({
      store,
      clock: systemClock,
      ids: randomIds,
      passwords: argon2Passwords,
      calendar: chineseDaysCalendar(),
    });
  } finally {
    await opened.close();
  }
}

/** Applies pending migrations to the configured database. */
export async function migrate(config: Config): Promise<{ target: string; applied: string[] }> {
  const target = databaseTarget(config);
  return { target: describeTarget(target), applied: await migrateDatabase(target) };
}
