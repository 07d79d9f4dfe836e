// The scheduler's records (0020): the lease that lets one node act, the run of a job for a period claimed by its
// unique row, and the two reads the warning job needs (the accounts directory, the measures to judge).

import type { Kysely } from "kysely";
import { ROLES, type Role } from "../../domain/account.ts";
import type { DirectoryAccount } from "../../domain/warning-recipients.ts";
import type { MeasureToJudge, SchedulerRepository } from "../notification-store.ts";
import type { Database } from "./db-schema.ts";
import { pathInScope } from "./scope-filter.ts";

export function schedulerRepository(db: Kysely<Database>): SchedulerRepository {
  return {
    async takeLease(name, holder, now, until) {
      // One statement on both databases: insert, or take over when it is ours or ran out (ON CONFLICT … WHERE).
      const result = await db
        .insertInto("scheduler_leases")
        .values({ name, holder, expires_at: until })
        .onConflict((oc) =>
          oc
            .column("name")
            .doUpdateSet({ holder, expires_at: until })
            .where((eb) =>
              eb.or([
                eb("scheduler_leases.holder", "=", holder),
                eb("scheduler_leases.expires_at", "<", now),
              ]),
            ),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async lease(name) {
      const row = await db
        .selectFrom("scheduler_leases")
        .select(["holder", "expires_at"])
        .where("name", "=", name)
        .executeTakeFirst();
      return row === undefined ? undefined : { holder: row.holder, expiresAt: row.expires_at };
    },
    async releaseLease(name, holder) {
      await db.deleteFrom("scheduler_leases").where("name", "=", name).where("holder", "=", holder).execute();
    },
    async claimRun(job, periodKey, holder, now, staleBefore) {
      const result = await db
        .insertInto("scheduler_runs")
        .values({ job, period_key: periodKey, holder, started_at: now, done_at: null, summary: null })
        .onConflict((oc) =>
          oc
            .columns(["job", "period_key"])
            .doUpdateSet({ holder, started_at: now })
            .where((eb) =>
              eb.and([
                eb("scheduler_runs.done_at", "is", null),
                eb("scheduler_runs.started_at", "<", staleBefore),
              ]),
            ),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async finishRun(job, periodKey, holder, at, summary) {
      await db
        .updateTable("scheduler_runs")
        .set({ done_at: at, summary })
        .where("job", "=", job)
        .where("period_key", "=", periodKey)
        .where("holder", "=", holder)
        .execute();
    },
    async lastFinished(job) {
      const row = await db
        .selectFrom("scheduler_runs")
        .select("period_key")
        .where("job", "=", job)
        .where("done_at", "is not", null)
        .orderBy("period_key", "desc")
        .limit(1)
        .executeTakeFirst();
      return row?.period_key ?? null;
    },
    async runs(job, limit) {
      const rows = await db
        .selectFrom("scheduler_runs")
        .select(["period_key", "done_at", "summary"])
        .where("job", "=", job)
        .orderBy("period_key", "desc")
        .limit(limit)
        .execute();
      return rows.map((r) => ({ periodKey: r.period_key, doneAt: r.done_at, summary: r.summary }));
    },
    async directory() {
      const rows = await db
        .selectFrom("users")
        .leftJoin("grants", "grants.user_id", "users.id")
        .leftJoin("orgs", "orgs.id", "grants.org_id")
        .select(["users.id as user_id", "users.person_id", "grants.role", "orgs.path"])
        .where("users.disabled", "=", 0)
        .orderBy("users.id")
        .execute();
      const byUser = new Map<
        string,
        { personId: string | null; grants: DirectoryAccount["grants"][number][] }
      >();
      for (const r of rows) {
        let account = byUser.get(r.user_id);
        if (account === undefined) byUser.set(r.user_id, (account = { personId: r.person_id, grants: [] }));
        if (r.role !== null && (ROLES as readonly string[]).includes(r.role)) {
          account.grants.push({ role: r.role as Role, orgPath: r.path });
        }
      }
      return [...byUser].map(([userId, a]) => ({ userId, personId: a.personId, grants: a.grants }));
    },
    async measuresToJudge(scope, page) {
      let q = db
        .selectFrom("measures")
        .innerJoin("inspections", "inspections.id", "measures.inspection_id")
        .innerJoin("orgs as unit", "unit.id", "inspections.target_org_id")
        .innerJoin("problems", "problems.id", "measures.problem_id")
        .leftJoin("orgs as dept", "dept.id", "measures.department_id")
        .select([
          "measures.id",
          "measures.inspection_id",
          "measures.kind",
          "measures.state",
          "measures.deadline",
          "measures.original_deadline",
          "measures.text",
          "measures.person_id",
          "measures.lead_leader_id",
          "problems.title as problem_title",
          "dept.path as department_path",
          "unit.name as unit_name",
          "unit.path as unit_path",
        ])
        .where("measures.state", "not in", ["closed", "submitted"])
        .where("measures.deadline", "is not", null)
        .where("inspections.is_example", "=", 0)
        .where(pathInScope(scope, "unit.path"));
      if (page.afterId !== null) q = q.where("measures.id", ">", page.afterId);
      const rows = await q.orderBy("measures.id").limit(page.limit).execute();
      return rows.map((r): MeasureToJudge => ({
        id: r.id,
        inspectionId: r.inspection_id,
        kind: r.kind as MeasureToJudge["kind"],
        state: r.state as MeasureToJudge["state"],
        deadline: r.deadline,
        originalDeadline: r.original_deadline,
        text: r.text,
        problemTitle: r.problem_title,
        personId: r.person_id,
        leadLeaderId: r.lead_leader_id,
        departmentPath: r.department_path,
        unitName: r.unit_name,
        unitPath: r.unit_path,
      }));
    },
  };
}
