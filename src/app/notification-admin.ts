// The administrator's side of notifications: the outbox's failures (with the redacted last error and the next
// attempt) and retrying one; the organisations' robots, whose secret is stored but never answered. Audited writes.

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { deliveryQuery, notificationTargetInput } from "../shared/notification-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Delivery, NotificationTarget } from "../storage/store.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";

function requireAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统管理员可以管理通知发送");
}

export type DeliveryAnswer = Omit<Delivery, "address" | "text" | "link" | "notificationId" | "dedupeKey">;

const deliveryAnswer = (d: Delivery): DeliveryAnswer => ({
  id: d.id,
  channel: d.channel,
  recipientId: d.recipientId,
  targetId: d.targetId,
  digestDay: d.digestDay,
  subject: d.subject,
  state: d.state,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt,
  lastError: d.lastError,
  createdAt: d.createdAt,
  sentAt: d.sentAt,
});

export async function listDeliveries(
  deps: Deps,
  caller: Caller,
  options: { query: unknown },
): Promise<{ items: DeliveryAnswer[] }> {
  requireAdmin(caller);
  const q = parseInput(deliveryQuery, options.query ?? {}, "查询条件");
  const states = q.state === undefined ? (["failed", "dead"] as const) : [q.state];
  const rows = await deps.store.notificationDeliveries.list({ states, limit: 500 });
  return { items: rows.map(deliveryAnswer) };
}

/** Makes a failed or dead delivery due now; 409 delivery_not_retryable when it is pending or sent. */
export async function retryDelivery(
  deps: Deps,
  caller: Caller,
  options: { id: string },
): Promise<DeliveryAnswer> {
  requireAdmin(caller);
  const now = deps.clock.now();
  const result = await deps.store.transaction(async (tx) => {
    const before = await tx.notificationDeliveries.get(options.id);
    if (before === undefined) throw new DomainError("notification_delivery_not_found", "未找到该发送记录");
    if (!(await tx.notificationDeliveries.retry(options.id, now))) {
      throw new DomainError("delivery_not_retryable", "只有发送失败或已放弃的通知可以重试");
    }
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "notification.retry_delivery",
      entity: "notification_delivery",
      entityId: options.id,
      data: { state: before.state, attempts: before.attempts, lastError: before.lastError },
    });
    return tx.notificationDeliveries.get(options.id);
  });
  return deliveryAnswer(result!);
}

export interface TargetAnswer {
  readonly id: string;
  readonly orgId: string;
  readonly orgName: string;
  readonly kind: NotificationTarget["kind"];
  readonly url: string;
  readonly secretSet: boolean;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * The URL as shown: query values and a long last path segment masked — DingTalk's access_token, WeCom's key and
 * Feishu's hook token are themselves credentials.
 */
export function maskRobotUrl(url: string): string {
  const [head = "", query] = url.split("?", 2);
  const masked = head.replace(/\/([^/]{12,})$/, (_, last: string) => `/${last.slice(0, 4)}***`);
  if (query === undefined) return masked;
  return `${masked}?${query
    .split("&")
    .map((pair) => pair.replace(/=.*/, "=***"))
    .join("&")}`;
}

const targetAnswer = (t: NotificationTarget, orgName: string): TargetAnswer => ({
  id: t.id,
  orgId: t.orgId,
  orgName,
  kind: t.kind,
  url: maskRobotUrl(t.url),
  secretSet: t.secret !== null,
  updatedAt: t.updatedAt,
  updatedBy: t.updatedBy,
});

export async function listNotificationTargets(
  deps: Deps,
  caller: Caller,
): Promise<{ items: TargetAnswer[] }> {
  requireAdmin(caller);
  const rows = await deps.store.notificationTargets.list();
  return { items: rows.map((t) => targetAnswer(t, t.orgName)) };
}

/** Sets the org's robot of that kind (replacing it); a secret left out keeps the stored one, null clears it. */
export async function putNotificationTarget(
  deps: Deps,
  caller: Caller,
  options: { input: unknown },
): Promise<TargetAnswer> {
  requireAdmin(caller);
  const input = parseInput(notificationTargetInput, options.input ?? {}, "通知机器人");
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const org = await tx.orgs.get(SCOPE_ALL, input.orgId);
    if (org === undefined) throw new DomainError("org_not_found", "未找到该单位");
    const existing = (await tx.notificationTargets.list()).find(
      (t) => t.orgId === org.id && t.kind === input.kind,
    );
    const secret = input.secret === undefined ? (existing?.secret ?? null) : input.secret;
    const stored = await tx.notificationTargets.put({
      id: existing?.id ?? deps.ids.next("ntg"),
      orgId: org.id,
      kind: input.kind,
      url: input.url,
      secret,
      updatedAt: now,
      updatedBy: caller.user.id,
    });
    await tx.audit.append({
      at: now,
      ...auditBy(caller),
      action: "notification.set_target",
      entity: "notification_target",
      entityId: stored.id,
      // Never the secret or the URL's token: what changed, masked.
      data: { orgId: org.id, kind: input.kind, url: maskRobotUrl(input.url), secretSet: secret !== null },
    });
    return targetAnswer(stored, org.name);
  });
}

export async function deleteNotificationTarget(
  deps: Deps,
  caller: Caller,
  options: { id: string },
): Promise<void> {
  requireAdmin(caller);
  await deps.store.transaction(async (tx) => {
    const target = await tx.notificationTargets.get(options.id);
    if (target === undefined || !(await tx.notificationTargets.delete(options.id))) {
      throw new DomainError("notification_target_not_found", "未找到该通知机器人");
    }
    await tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "notification.delete_target",
      entity: "notification_target",
      entityId: options.id,
      data: { orgId: target.orgId, kind: target.kind },
    });
  });
}
