// Per-person notification preferences and the organisations' robots (0020). Unscoped: the use cases decide who
// may read or change them (a person their own preferences; administrators the robots).

import type { Kysely } from "kysely";
import type {
  NotificationPreference,
  NotificationPreferenceRepository,
  NotificationTarget,
  NotificationTargetRepository,
} from "../notification-store.ts";
import type { Database } from "./db-schema.ts";
import type { NotificationPreferencesTable, NotificationTargetsTable } from "./notification-db-schema.ts";

const preferenceFromRow = (r: NotificationPreferencesTable): NotificationPreference => ({
  userId: r.user_id,
  mode: r.mode === "daily_digest" ? "daily_digest" : "immediate",
  emailEnabled: Number(r.email_enabled) === 1,
  email: r.email,
  updatedAt: r.updated_at,
});

const targetFromRow = (r: NotificationTargetsTable): NotificationTarget => ({
  id: r.id,
  orgId: r.org_id,
  kind: r.kind as NotificationTarget["kind"],
  url: r.url,
  secret: r.secret,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function notificationPreferenceRepository(db: Kysely<Database>): NotificationPreferenceRepository {
  return {
    async get(userId) {
      const row = await db
        .selectFrom("notification_preferences")
        .selectAll()
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row === undefined ? undefined : preferenceFromRow(row);
    },
    async getMany(userIds) {
      const found: NotificationPreference[] = [];
      for (let i = 0; i < userIds.length; i += 500) {
        const rows = await db
          .selectFrom("notification_preferences")
          .selectAll()
          .where("user_id", "in", userIds.slice(i, i + 500))
          .execute();
        found.push(...rows.map(preferenceFromRow));
      }
      return found;
    },
    async put(p) {
      const values = {
        mode: p.mode,
        email_enabled: p.emailEnabled ? 1 : 0,
        email: p.email,
        updated_at: p.updatedAt ?? "",
      };
      await db
        .insertInto("notification_preferences")
        .values({ user_id: p.userId, ...values })
        .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
        .execute();
    },
  };
}

export function notificationTargetRepository(db: Kysely<Database>): NotificationTargetRepository {
  return {
    async list() {
      const rows = await db
        .selectFrom("notification_targets")
        .innerJoin("orgs", "orgs.id", "notification_targets.org_id")
        .selectAll("notification_targets")
        .select(["orgs.path as org_path", "orgs.name as org_name"])
        .orderBy("orgs.path")
        .orderBy("notification_targets.kind")
        .execute();
      return rows.map((r) => ({ ...targetFromRow(r), orgPath: r.org_path, orgName: r.org_name }));
    },
    async get(id) {
      const row = await db
        .selectFrom("notification_targets")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row === undefined ? undefined : targetFromRow(row);
    },
    async put(t) {
      const values = { url: t.url, secret: t.secret, updated_at: t.updatedAt, updated_by: t.updatedBy };
      await db
        .insertInto("notification_targets")
        .values({ id: t.id, org_id: t.orgId, kind: t.kind, ...values })
        .onConflict((oc) => oc.columns(["org_id", "kind"]).doUpdateSet(values))
        .execute();
      const row = await db
        .selectFrom("notification_targets")
        .selectAll()
        .where("org_id", "=", t.orgId)
        .where("kind", "=", t.kind)
        .executeTakeFirstOrThrow();
      return targetFromRow(row);
    },
    async delete(id) {
      const result = await db.deleteFrom("notification_targets").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
