// The delivery worker: claims the deliveries due now, sends each once through its channel (the port) within a bounded
// time, and records the outcome — sent; failed with the next attempt after an exponential backoff with jitter; dead
// after the last attempt or when retrying cannot help. Errors are kept redacted (no address, URL or secret).

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import {
  DEFAULT_RETRY_POLICY,
  isDeadAfter,
  retryDelayMs,
  type RetryPolicy,
} from "../domain/retry-backoff.ts";
import type { Delivery } from "../storage/store.ts";
import type { ChannelTarget, DeliveryResult } from "./notification-channel.ts";
import type { NotificationDeps } from "./notification-deps.ts";

export interface DeliverOptions {
  /** Who claims (the scheduler's node id): only the claimant records the outcome. */
  readonly holder: string;
  /** At most this many deliveries per call. */
  readonly limit?: number;
  /** Each send is given up after this long (ms); the claim lasts four times as long. */
  readonly sendTimeoutMs?: number;
  readonly policy?: RetryPolicy;
}

export interface DeliverSummary {
  readonly sent: number;
  readonly failed: number;
  readonly dead: number;
}

/** Removes what must not be kept with an error: URLs' queries, email addresses, long tails; at most 300 characters. */
export function redactError(error: string, secrets: readonly string[] = []): string {
  let text = error;
  for (const s of secrets) if (s.length >= 4) text = text.split(s).join("***");
  text = text
    .replace(/(https?:\/\/[^\s?#]+)[?#][^\s]*/g, "$1?***")
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "***@***");
  return text.length <= 300 ? text : `${text.slice(0, 299)}…`;
}

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

async function sendBounded(
  deps: NotificationDeps,
  delivery: Delivery,
  target: ChannelTarget,
  timeoutMs: number,
): Promise<DeliveryResult> {
  const channel = deps.notificationChannels[delivery.channel];
  if (channel === undefined) {
    return { ok: false, retryable: true, error: `未配置${delivery.channel}发送渠道` };
  }
  const abort = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<DeliveryResult>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve({ ok: false, retryable: true, error: `发送超时（${timeoutMs} 毫秒）` });
    }, timeoutMs);
  });
  try {
    const message = {
      dedupeKey: delivery.dedupeKey,
      subject: delivery.subject,
      text: delivery.text,
      ...(delivery.link === null ? {} : { link: delivery.link }),
    };
    return await Promise.race([channel.send(target, message, abort.signal), timeout]);
  } catch (e) {
    // The port promises not to throw; a bug in a channel must still not stop the worker.
    return { ok: false, retryable: true, error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Sends what is due now. System or administrator only (the scheduler calls it). */
export async function deliverNotifications(
  deps: NotificationDeps,
  caller: Caller,
  options: DeliverOptions,
): Promise<DeliverSummary> {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统可以发送通知");
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const timeoutMs = options.sendTimeoutMs ?? 10_000;
  const now = deps.clock.now();
  const claimed = await deps.store.notificationDeliveries.claimDue(
    now,
    options.holder,
    addMs(now, timeoutMs * 4),
    options.limit ?? 50,
  );
  const summary = { sent: 0, failed: 0, dead: 0 };
  for (const delivery of claimed) {
    let target: ChannelTarget | undefined = { kind: delivery.channel, address: delivery.address };
    if (delivery.targetId !== null || delivery.channel !== "email") {
      const stored =
        delivery.targetId === null ? undefined : await deps.store.notificationTargets.get(delivery.targetId);
      target =
        stored === undefined
          ? undefined
          : {
              kind: stored.kind,
              address: stored.url,
              ...(stored.secret === null ? {} : { secret: stored.secret }),
            };
    }
    const result: DeliveryResult =
      target === undefined
        ? { ok: false, retryable: false, error: "接收机器人已被删除" }
        : await sendBounded(deps, delivery, target, timeoutMs);
    const at = deps.clock.now();
    if (result.ok) {
      await deps.store.notificationDeliveries.finish(delivery.id, options.holder, { state: "sent", at });
      summary.sent += 1;
      continue;
    }
    const attempts = delivery.attempts + 1;
    const dead = !result.retryable || isDeadAfter(attempts, policy);
    const secrets = target === undefined ? [] : [target.address, target.secret ?? ""];
    await deps.store.notificationDeliveries.finish(delivery.id, options.holder, {
      state: dead ? "dead" : "failed",
      error: redactError(result.error, secrets),
      nextAttemptAt: dead ? at : addMs(at, retryDelayMs(attempts, deps.random(), policy)),
    });
    summary[dead ? "dead" : "failed"] += 1;
  }
  return summary;
}
