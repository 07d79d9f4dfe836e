// The daily digest (每日汇总): for each person who prefers it, the day's items not yet carried out are handed to
// that day's digest and one message per channel is queued, grouped by inspection and level. The hand-over and the
// queued message share a transaction, and the message's dedupe key names the person and the day: a second run or a
// second node queues nothing more.

import { isAdmin, type Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import { digestMessage } from "../domain/notification-digest.ts";
import type { Repositories } from "../storage/store.ts";
import { newDelivery } from "./new-delivery.ts";
import { absoluteLink, type NotificationDeps } from "./notification-deps.ts";

const PEOPLE_PER_TRANSACTION = 100;

export interface DigestRunSummary {
  readonly day: CalendarDate;
  /** People whose digest was made by this run. */
  readonly people: number;
  /** Items gathered into them. */
  readonly items: number;
  /** Messages queued (a person without a channel reads the digest's items in the inbox only). */
  readonly queued: number;
}

/** Makes the digests of `day` from the items created before `before` (ISO UTC). System or administrator only. */
export async function sendDigests(
  deps: NotificationDeps,
  caller: Caller,
  options: { day: CalendarDate; before: string },
): Promise<DigestRunSummary> {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统可以发送每日汇总");
  const recipients = await deps.store.notifications.digestRecipients(options.before);
  let people = 0;
  let items = 0;
  let queued = 0;
  // A hundred people per transaction: one commit (an fsync on SQLite) per person was most of the cost.
  for (let i = 0; i < recipients.length; i += PEOPLE_PER_TRANSACTION) {
    const made = await deps.store.transaction(async (tx) => {
      const counts: Array<{ items: number; queued: number }> = [];
      for (const recipientId of recipients.slice(i, i + PEOPLE_PER_TRANSACTION)) {
        counts.push(await digestOne(deps, tx, recipientId, options));
      }
      return counts;
    });
    for (const m of made) {
      if (m.items > 0) people += 1;
      items += m.items;
      queued += m.queued;
    }
  }
  return { day: options.day, people, items, queued };
}

/** Hands one person's items to the day's digest and queues their email, inside the caller's transaction. */
async function digestOne(
  deps: NotificationDeps,
  tx: Repositories,
  recipientId: string,
  options: { day: CalendarDate; before: string },
): Promise<{ items: number; queued: number }> {
  const taken = await tx.notifications.takeForDigest(recipientId, options.day, options.before);
  if (taken.length === 0) return { items: 0, queued: 0 };
  const preference = await tx.notificationPreferences.get(recipientId);
  if (preference?.emailEnabled !== true || preference.email === null)
    return { items: taken.length, queued: 0 };
  const message = digestMessage(
    options.day,
    taken.map((n) => ({
      inspectionId: n.inspectionId,
      inspectionName: n.unitName ?? "其他事项",
      level: n.level,
      subject: n.subject,
    })),
  );
  const now = deps.clock.now();
  const inserted = await tx.notificationDeliveries.insertOnce(
    newDelivery(deps.ids.next("dlv"), now, {
      notificationId: null,
      digestDay: options.day,
      recipientId,
      targetId: null,
      channel: "email",
      address: preference.email,
      ...message,
      link: absoluteLink(deps, "/notifications"),
      dedupeKey: `digest:${recipientId}:${options.day}`,
    }),
  );
  return { items: taken.length, queued: inserted ? 1 : 0 };
}
