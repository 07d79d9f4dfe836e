// The in-app inbox (notifications, 0020): insert-or-ignore by dedupe key, the recipient's own list and reads, and
// the hand-over of digest items to one day's digest.

import type { Kysely } from "kysely";
import { BOARD_LEVELS, type BoardLevel } from "../../domain/warning-board.ts";
import type { Notification, NotificationRepository } from "../notification-store.ts";
import type { Database } from "./db-schema.ts";
import { existingDedupeKeys } from "./dedupe-keys.ts";
import type { NotificationsTable } from "./notification-db-schema.ts";

const levelOf = (s: string | null): BoardLevel | null =>
  s !== null && (BOARD_LEVELS as readonly string[]).includes(s) ? (s as BoardLevel) : null;

const fromRow = (r: NotificationsTable): Notification => ({
  id: r.id,
  recipientId: r.recipient_id,
  kind: r.kind,
  subject: r.subject,
  text: r.text,
  link: r.link,
  inspectionId: r.inspection_id,
  measureId: r.measure_id,
  level: levelOf(r.level),
  dedupeKey: r.dedupe_key,
  viaDigest: Number(r.via_digest) === 1,
  digestDay: r.digest_day,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export function notificationRepository(db: Kysely<Database>): NotificationRepository {
  return {
    async insertOnce(n) {
      const result = await db
        .insertInto("notifications")
        .values({
          id: n.id,
          recipient_id: n.recipientId,
          kind: n.kind,
          subject: n.subject,
          text: n.text,
          link: n.link,
          inspection_id: n.inspectionId,
          measure_id: n.measureId,
          level: n.level,
          dedupe_key: n.dedupeKey,
          via_digest: n.viaDigest ? 1 : 0,
          digest_day: n.digestDay,
          created_at: n.createdAt,
          read_at: n.readAt,
        })
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    existingKeys: (keys) => existingDedupeKeys(db, "notifications", keys),
    async listForRecipient(recipientId, query) {
      let q = db.selectFrom("notifications").selectAll().where("recipient_id", "=", recipientId);
      if (query.unreadOnly) q = q.where("read_at", "is", null);
      const before = query.before;
      if (before !== undefined) {
        q = q.where((eb) =>
          eb.or([
            eb("created_at", "<", before.createdAt),
            eb.and([eb("created_at", "=", before.createdAt), eb("id", "<", before.id)]),
          ]),
        );
      }
      const rows = await q.orderBy("created_at", "desc").orderBy("id", "desc").limit(query.limit).execute();
      return rows.map(fromRow);
    },
    async countUnread(recipientId) {
      const row = await db
        .selectFrom("notifications")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("recipient_id", "=", recipientId)
        .where("read_at", "is", null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async markRead(recipientId, id, at) {
      const found = await db
        .selectFrom("notifications")
        .select("id")
        .where("id", "=", id)
        .where("recipient_id", "=", recipientId)
        .executeTakeFirst();
      if (found === undefined) return false;
      await db
        .updateTable("notifications")
        .set({ read_at: at })
        .where("id", "=", id)
        .where("read_at", "is", null)
        .execute();
      return true;
    },
    async markAllRead(recipientId, at) {
      const result = await db
        .updateTable("notifications")
        .set({ read_at: at })
        .where("recipient_id", "=", recipientId)
        .where("read_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async digestRecipients(before) {
      const rows = await db
        .selectFrom("notifications")
        .select("recipient_id")
        .distinct()
        .where("via_digest", "=", 1)
        .where("digest_day", "is", null)
        .where("created_at", "<", before)
        .orderBy("recipient_id")
        .execute();
      return rows.map((r) => r.recipient_id);
    },
    async takeForDigest(recipientId, day, before) {
      await db
        .updateTable("notifications")
        .set({ digest_day: day })
        .where("recipient_id", "=", recipientId)
        .where("via_digest", "=", 1)
        .where("digest_day", "is", null)
        .where("created_at", "<", before)
        .execute();
      const rows = await db
        .selectFrom("notifications")
        .leftJoin("inspections", "inspections.id", "notifications.inspection_id")
        .leftJoin("orgs", "orgs.id", "inspections.target_org_id")
        .selectAll("notifications")
        .select("orgs.name as unit_name")
        .where("notifications.recipient_id", "=", recipientId)
        .where("notifications.digest_day", "=", day)
        .orderBy("notifications.created_at")
        .orderBy("notifications.id")
        .execute();
      return rows.map((r) => ({ ...fromRow(r), unitName: r.unit_name }));
    },
  };
}
