// The daily warning job (督办预警通知): judges every open, dated measure with the warning ladder (the inspection's
// profile and the working-day calendar, as the warning board does) and tells the people the rules name for its level
// (domain/warning-recipients.ts), once per measure, level, deadline and person: the dedupe key makes a level that
// lasts many days one message, and a restart or a second node inserting it again is ignored by the database. Each
// new step is one audit event by the system; the organisations' robots post each step once too.

import { isAdmin, type Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { deadlineWarning, type DatedWarning } from "../domain/deadline-warning.ts";
import { DomainError } from "../domain/domain-error.ts";
import { warningMessage } from "../domain/notification-digest.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import type { BoardLevel, WarningBoardOptions } from "../domain/warning-board.ts";
import {
  RECIPIENT_PART_LABELS,
  recipientDirectory,
  warningRecipients,
  type RecipientPart,
} from "../domain/warning-recipients.ts";
import type {
  MeasureToJudge,
  NotificationPreference,
  NotificationTarget,
  Repositories,
} from "../storage/store.ts";
import { warningOptions } from "./measure-warnings.ts";
import { newDelivery, type DeliveryFields } from "./new-delivery.ts";
import { absoluteLink, type NotificationDeps } from "./notification-deps.ts";

export interface WarningRunSummary {
  readonly day: CalendarDate;
  /** Open, dated measures judged. */
  readonly judged: number;
  /** Measures on the ladder (green or worse) today. */
  readonly onLadder: number;
  /** Notifications inserted by this run (not those a run before already made). */
  readonly notified: number;
  /** Deliveries queued by this run (email for immediate recipients, robots). */
  readonly queued: number;
}

const PAGE = 1_000;

interface Event {
  readonly measure: MeasureToJudge;
  readonly warning: DatedWarning & { level: BoardLevel };
  readonly recipients: ReadonlyArray<{ userId: string; part: RecipientPart; key: string }>;
  readonly robots: ReadonlyArray<{ target: NotificationTarget; key: string }>;
}

/** Runs the job for `day` (the Shanghai date judged). Only the system (or an administrator) runs it. */
export async function notifyWarnings(
  deps: NotificationDeps,
  caller: Caller,
  options: { day: CalendarDate },
): Promise<WarningRunSummary> {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统可以运行督办预警提醒");
  const store = deps.store;
  const directory = recipientDirectory(await store.scheduler.directory());
  const targets = await store.notificationTargets.list();
  const preferences = new Map<string, NotificationPreference>();
  const optionsByInspection = new Map<string, WarningBoardOptions>();
  let judged = 0;
  let onLadder = 0;
  let notified = 0;
  let queued = 0;
  let afterId: string | null = null;
  for (;;) {
    const page = await store.scheduler.measuresToJudge(SCOPE_ALL, { afterId, limit: PAGE });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    const events: Event[] = [];
    for (const measure of page) {
      judged += 1;
      let opts = optionsByInspection.get(measure.inspectionId);
      if (opts === undefined) {
        opts = await warningOptions(deps, store, measure.inspectionId, options.day);
        optionsByInspection.set(measure.inspectionId, opts);
      }
      const warning = deadlineWarning(measure, opts);
      if (warning.level === "not_warned" || warning.level === "normal") continue;
      const level = warning.level;
      onLadder += 1;
      const base = `warning:${measure.id}:${level}:${warning.judgedAgainst}`;
      events.push({
        measure,
        warning: { ...warning, level },
        recipients: warningRecipients(level, measure, directory).map((r) => ({
          ...r,
          key: `${base}:${r.userId}`,
        })),
        robots: targets
          .filter((t) => measure.unitPath.startsWith(t.orgPath))
          .map((target) => ({ target, key: `${base}:target:${target.id}` })),
      });
    }
    // One look for the page's keys: most days most levels were told already, and need no transaction.
    const known = await store.notifications.existingKeys(
      events.flatMap((e) => e.recipients.map((r) => r.key)),
    );
    const knownRobots = await store.notificationDeliveries.existingKeys(
      events.flatMap((e) => e.robots.map((r) => r.key)),
    );
    const fresh = events.filter(
      (e) => e.recipients.some((r) => !known.has(r.key)) || e.robots.some((r) => !knownRobots.has(r.key)),
    );
    const newUsers = [...new Set(fresh.flatMap((e) => e.recipients.map((r) => r.userId)))].filter(
      (id) => !preferences.has(id),
    );
    for (const p of await store.notificationPreferences.getMany(newUsers)) preferences.set(p.userId, p);
    for (const event of fresh) {
      const counts = await store.transaction((tx) => recordEvent(deps, tx, event, preferences, options.day));
      notified += counts.notified;
      queued += counts.queued;
    }
    if (page.length < PAGE) break;
  }
  return { day: options.day, judged, onLadder, notified, queued };
}

/** Inserts one measure's step for everyone it concerns, queues their deliveries and audits it, in one transaction. */
async function recordEvent(
  deps: NotificationDeps,
  tx: Repositories,
  event: Event,
  preferences: ReadonlyMap<string, NotificationPreference>,
  day: CalendarDate,
): Promise<{ notified: number; queued: number }> {
  const now = deps.clock.now();
  const { measure, warning } = event;
  // The measure's page in the web UI (src/web/routes.ts): the inbox and every sent message lead there.
  const link = `/measures/${encodeURIComponent(measure.id)}`;
  const facts = {
    level: warning.level,
    unitName: measure.unitName,
    problemTitle: measure.problemTitle,
    measureText: measure.text,
    deadline: warning.judgedAgainst,
    daysLeft: warning.daysLeft,
    daysOverdue: warning.daysOverdue,
    basis: warning.basis,
  };
  const told: Array<{ userId: string; part: RecipientPart }> = [];
  let queued = 0;
  const queue = async (fields: DeliveryFields) => {
    if (await tx.notificationDeliveries.insertOnce(newDelivery(deps.ids.next("dlv"), now, fields)))
      queued += 1;
  };
  for (const r of event.recipients) {
    const message = warningMessage({ ...facts, partLabel: RECIPIENT_PART_LABELS[r.part] });
    const preference = preferences.get(r.userId);
    const viaDigest = preference?.mode === "daily_digest";
    const id = deps.ids.next("ntf");
    const inserted = await tx.notifications.insertOnce({
      id,
      recipientId: r.userId,
      kind: "warning",
      ...message,
      link,
      inspectionId: measure.inspectionId,
      measureId: measure.id,
      level: warning.level,
      dedupeKey: r.key,
      viaDigest,
      digestDay: null,
      createdAt: now,
      readAt: null,
    });
    if (!inserted) continue;
    told.push({ userId: r.userId, part: r.part });
    if (!viaDigest && preference?.emailEnabled === true && preference.email !== null) {
      await queue({
        notificationId: id,
        digestDay: null,
        recipientId: r.userId,
        targetId: null,
        channel: "email",
        address: preference.email,
        ...message,
        link: absoluteLink(deps, link),
        dedupeKey: r.key,
      });
    }
  }
  const robotMessage = warningMessage({ ...facts, partLabel: "单位整改工作群" });
  const robots: string[] = [];
  for (const { target, key } of event.robots) {
    const before = queued;
    await queue({
      notificationId: null,
      digestDay: null,
      recipientId: null,
      targetId: target.id,
      channel: target.kind,
      address: "",
      ...robotMessage,
      link: absoluteLink(deps, link),
      dedupeKey: key,
    });
    if (queued > before) robots.push(target.id);
  }
  if (told.length > 0 || robots.length > 0) {
    await tx.audit.append({
      at: now,
      actor: "system",
      action: "notification.warning",
      entity: "measure",
      entityId: measure.id,
      data: {
        day,
        level: warning.level,
        deadline: warning.judgedAgainst,
        daysLeft: warning.daysLeft,
        daysOverdue: warning.daysOverdue,
        told,
        robots,
      },
    });
  }
  return { notified: told.length, queued };
}
