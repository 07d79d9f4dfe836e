// The scheduler inside the app process: on each tick it takes (or renews) the database lease, and only the node
// holding it runs the daily warning job, the daily digests, and the delivery worker. Each daily run is claimed by its
// scheduler_runs row (job, day), and every notification and delivery carries a dedupe key, so a restart, a lease
// lost mid-run or a second node never tells anyone twice. Runs missed while no node ran are caught up at the next
// tick as one run for the latest due day (docs/notifications.md says why).

import { deliverNotifications } from "../app/deliver-notifications.ts";
import type { NotificationDeps } from "../app/notification-deps.ts";
import { notifyWarnings } from "../app/notify-warnings.ts";
import { sendDigests } from "../app/send-digests.ts";
import { SYSTEM_CALLER } from "../domain/account.ts";
import { latestDueDay, missedDays, type DailyTime } from "../domain/daily-schedule.ts";
import type { RetryPolicy } from "../domain/retry-backoff.ts";

export const SCHEDULER_LEASE = "scheduler";

export interface SchedulerOptions {
  /** This node's id (random per start): the lease's and the claims' holder. */
  readonly holder: string;
  /** When the warning job runs each day, Asia/Shanghai (default 08:30). */
  readonly warningAt: DailyTime;
  /** When the digests go out each day, Asia/Shanghai (default 17:30: the day's items gathered). */
  readonly digestAt: DailyTime;
  /** How long the lease lasts without renewal (ms, default 120 s): another node takes over after it. */
  readonly leaseMs?: number;
  /** Between ticks (ms, default 15 s): how soon a queued delivery goes out. */
  readonly tickMs?: number;
  /** A run claimed but unfinished for this long (ms, default 30 min) is taken over (its node died). */
  readonly staleRunMs?: number;
  readonly sendTimeoutMs?: number;
  readonly deliveryBatch?: number;
  readonly retryPolicy?: RetryPolicy;
  /** Where the scheduler says what it did and what failed (the server log). */
  readonly log: (line: string) => void;
}

export interface TickReport {
  /** False when another node holds the lease: this one did nothing. */
  readonly acting: boolean;
  readonly warnings?: { day: string; notified: number; queued: number; caughtUp: readonly string[] };
  readonly digests?: { day: string; people: number; queued: number };
  readonly deliveries?: { sent: number; failed: number; dead: number };
}

export interface Scheduler {
  /** Ticks now and then every tickMs until stop. */
  start(): void;
  /** Stops ticking, waits for a tick under way, and gives the lease up. */
  stop(): Promise<void>;
  /** One tick (tests call it with a fake clock). */
  tick(): Promise<TickReport>;
}

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

export function createScheduler(deps: NotificationDeps, options: SchedulerOptions): Scheduler {
  const leaseMs = options.leaseMs ?? 120_000;
  const tickMs = options.tickMs ?? 15_000;
  const staleRunMs = options.staleRunMs ?? 30 * 60_000;
  const scheduler = deps.store.scheduler;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  /** Claims `job`'s run of the latest due day, runs it and records the missed days it covered. */
  async function daily<T>(
    job: string,
    now: string,
    at: DailyTime,
    work: (day: string) => Promise<T>,
  ): Promise<{ day: string; result: T; caughtUp: string[] } | undefined> {
    const due = latestDueDay(now, at);
    const last = await scheduler.lastFinished(job);
    if (last !== null && last >= due) return undefined;
    if (!(await scheduler.claimRun(job, due, options.holder, now, addMs(now, -staleRunMs)))) return undefined;
    const result = await work(due);
    const caughtUp = missedDays(last, due).filter((d) => d !== due);
    for (const day of caughtUp) {
      if (await scheduler.claimRun(job, day, options.holder, now, addMs(now, -staleRunMs))) {
        await scheduler.finishRun(job, day, options.holder, deps.clock.now(), `由 ${due} 的运行一并补做`);
      }
    }
    await scheduler.finishRun(job, due, options.holder, deps.clock.now(), JSON.stringify(result));
    return { day: due, result, caughtUp };
  }

  async function tick(): Promise<TickReport> {
    const now = deps.clock.now();
    if (!(await scheduler.takeLease(SCHEDULER_LEASE, options.holder, now, addMs(now, leaseMs)))) {
      return { acting: false };
    }
    const report: {
      acting: true;
      warnings?: TickReport["warnings"];
      digests?: TickReport["digests"];
      deliveries?: TickReport["deliveries"];
    } = { acting: true };
    // The ladder is judged on today (Shanghai), also when the run caught up an earlier due day.
    const warned = await daily("warnings", now, options.warningAt, () =>
      notifyWarnings(deps, SYSTEM_CALLER, { day: deps.clock.today() }),
    );
    if (warned !== undefined) {
      report.warnings = {
        day: warned.day,
        notified: warned.result.notified,
        queued: warned.result.queued,
        caughtUp: warned.caughtUp,
      };
    }
    const digested = await daily("digests", now, options.digestAt, (day) =>
      sendDigests(deps, SYSTEM_CALLER, { day, before: now }),
    );
    if (digested !== undefined) {
      report.digests = { day: digested.day, people: digested.result.people, queued: digested.result.queued };
    }
    report.deliveries = await deliverNotifications(deps, SYSTEM_CALLER, {
      holder: options.holder,
      ...(options.deliveryBatch === undefined ? {} : { limit: options.deliveryBatch }),
      ...(options.sendTimeoutMs === undefined ? {} : { sendTimeoutMs: options.sendTimeoutMs }),
      ...(options.retryPolicy === undefined ? {} : { policy: options.retryPolicy }),
    });
    return report;
  }

  const loop = (): void => {
    if (stopped) return;
    running = tick()
      .then((r) => {
        if (r.warnings !== undefined) {
          const extra = r.warnings.caughtUp.length > 0 ? `，补做 ${r.warnings.caughtUp.join("、")}` : "";
          options.log(
            `督办预警提醒 ${r.warnings.day}：新提醒 ${r.warnings.notified} 条，待发送 ${r.warnings.queued} 条${extra}`,
          );
        }
        if (r.digests !== undefined) {
          options.log(`每日汇总 ${r.digests.day}：${r.digests.people} 人，待发送 ${r.digests.queued} 封`);
        }
      })
      .catch((e: unknown) => {
        options.log(`调度任务出错（下次自动重试）：${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(loop, tickMs);
      });
  };

  return {
    start() {
      stopped = false;
      loop();
    },
    async stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      await running;
      try {
        await scheduler.releaseLease(SCHEDULER_LEASE, options.holder);
      } catch (e) {
        options.log(`释放调度租约失败：${e instanceof Error ? e.message : String(e)}`);
      }
    },
    tick,
  };
}
