// The outbox (notification_deliveries, 0020): insert-or-ignore per channel and dedupe key, claims by conditional
// update (so that two nodes never send one delivery at the same time), outcomes, and the administrator's view.

import type { Kysely } from "kysely";
import type { ChannelKindName, Delivery, DeliveryRepository, DeliveryState } from "../notification-store.ts";
import type { Database } from "./db-schema.ts";
import { existingDedupeKeys } from "./dedupe-keys.ts";
import type { NotificationDeliveriesTable } from "./notification-db-schema.ts";

const fromRow = (r: NotificationDeliveriesTable): Delivery => ({
  id: r.id,
  notificationId: r.notification_id,
  digestDay: r.digest_day,
  recipientId: r.recipient_id,
  targetId: r.target_id,
  channel: r.channel as ChannelKindName,
  address: r.address,
  subject: r.subject,
  text: r.text,
  link: r.link,
  dedupeKey: r.dedupe_key,
  state: r.state as DeliveryState,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export function deliveryRepository(db: Kysely<Database>): DeliveryRepository {
  return {
    async insertOnce(d) {
      const result = await db
        .insertInto("notification_deliveries")
        .values({
          id: d.id,
          notification_id: d.notificationId,
          digest_day: d.digestDay,
          recipient_id: d.recipientId,
          target_id: d.targetId,
          channel: d.channel,
          address: d.address,
          subject: d.subject,
          text: d.text,
          link: d.link,
          dedupe_key: d.dedupeKey,
          state: d.state,
          attempts: d.attempts,
          next_attempt_at: d.nextAttemptAt,
          claimed_by: null,
          claimed_until: null,
          last_error: d.lastError,
          created_at: d.createdAt,
          sent_at: d.sentAt,
        })
        .onConflict((oc) => oc.columns(["channel", "dedupe_key"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    existingKeys: (keys) => existingDedupeKeys(db, "notification_deliveries", keys),
    async claimDue(now, holder, until, limit) {
      const candidates = await db
        .selectFrom("notification_deliveries")
        .select("id")
        .where("state", "in", ["pending", "failed"])
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
        .orderBy("next_attempt_at")
        .orderBy("id")
        .limit(limit)
        .execute();
      const claimed: Delivery[] = [];
      for (const { id } of candidates) {
        // The same condition again: another node may have claimed it since the select.
        const row = await db
          .updateTable("notification_deliveries")
          .set({ claimed_by: holder, claimed_until: until })
          .where("id", "=", id)
          .where("state", "in", ["pending", "failed"])
          .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<", now)]))
          .returningAll()
          .executeTakeFirst();
        if (row !== undefined) claimed.push(fromRow(row));
      }
      return claimed;
    },
    async finish(id, holder, outcome) {
      const base = db
        .updateTable("notification_deliveries")
        .where("id", "=", id)
        .where("claimed_by", "=", holder)
        .where("state", "in", ["pending", "failed"]);
      const result = await (
        outcome.state === "sent"
          ? base.set((eb) => ({
              state: "sent",
              sent_at: outcome.at,
              attempts: eb("attempts", "+", 1),
              claimed_by: null,
              claimed_until: null,
              last_error: null,
            }))
          : base.set((eb) => ({
              state: outcome.state,
              last_error: outcome.error,
              next_attempt_at: outcome.nextAttemptAt,
              attempts: eb("attempts", "+", 1),
              claimed_by: null,
              claimed_until: null,
            }))
      ).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list(query) {
      const rows = await db
        .selectFrom("notification_deliveries")
        .selectAll()
        .where("state", "in", [...query.states])
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map(fromRow);
    },
    async get(id) {
      const row = await db
        .selectFrom("notification_deliveries")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async retry(id, now) {
      const result = await db
        .updateTable("notification_deliveries")
        .set({ state: "failed", next_attempt_at: now, claimed_by: null, claimed_until: null })
        .where("id", "=", id)
        .where("state", "in", ["failed", "dead"])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
