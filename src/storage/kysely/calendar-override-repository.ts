// The administrator's working-day overrides (migration 0014): a small global table, read whole to build the
// calendar. Who may change it is the use case's question; this repository only stores.

import type { Kysely } from "kysely";
import type { CalendarOverride } from "../../domain/working-days.ts";
import type { CalendarOverrideRepository } from "../store.ts";
import type { CalendarOverridesTable, Database } from "./db-schema.ts";

const fromRow = (r: CalendarOverridesTable): CalendarOverride => ({
  day: r.day,
  kind: r.kind === "working" ? "working" : "holiday",
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function calendarOverrideRepository(db: Kysely<Database>): CalendarOverrideRepository {
  return {
    async list(range) {
      let query = db.selectFrom("calendar_overrides").selectAll().orderBy("day");
      if (range) query = query.where("day", ">=", range.from).where("day", "<=", range.to);
      return (await query.execute()).map(fromRow);
    },
    async upsert(o) {
      const values = { kind: o.kind, name: o.name, created_at: o.createdAt, created_by: o.createdBy };
      await db
        .insertInto("calendar_overrides")
        .values({ day: o.day, ...values })
        .onConflict((oc) => oc.column("day").doUpdateSet(values))
        .execute();
    },
    async delete(day) {
      const result = await db.deleteFrom("calendar_overrides").where("day", "=", day).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}
