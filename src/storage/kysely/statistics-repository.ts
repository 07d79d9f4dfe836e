// Per-problem tallies of measures in one aggregate query; domain code turns them into statuses and counts.

import { sql, type Kysely } from "kysely";
import type { ProblemTally } from "../../domain/ledger-statistics.ts";
import type { StatisticsRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { inspectionVisible } from "./inspection-repositories.ts";

export function statisticsRepository(db: Kysely<Database>): StatisticsRepository {
  return {
    async problemTallies(scope, query) {
      let q = db
        .selectFrom("problems as p")
        .leftJoin("measures as m", "m.problem_id", "p.id")
        .select([
          "p.id as problem_id",
          "p.inspection_id as inspection_id",
          "p.aspect_id as aspect_id",
          sql<number>`count(m.id)`.as("measures"),
          sql<number>`coalesce(sum(case when m.state <> 'closed' then 1 else 0 end), 0)`.as("open"),
          sql<number>`coalesce(sum(case when m.state = 'closed' then 1 else 0 end), 0)`.as("closed"),
          sql<number>`coalesce(sum(case when m.state = 'closed' and m.kind = 'long_term' then 1 else 0 end), 0)`.as("closed_long_term"),
          sql<number>`coalesce(sum(case when m.state <> 'closed' and m.deadline < ${query.on} then 1 else 0 end), 0)`.as("overdue"),
        ])
        .where(inspectionVisible(db, scope, "p.inspection_id"))
        .groupBy(["p.id", "p.inspection_id", "p.aspect_id"]);
      if (query.inspectionId !== undefined) q = q.where("p.inspection_id", "=", query.inspectionId);
      else if (!query.includeExamples) {
        q = q.where("p.inspection_id", "not in", db.selectFrom("inspections").select("id").where("is_example", "=", 1));
      }
      const rows = await q.execute();
      return rows.map(
        (r): ProblemTally => ({
          problemId: r.problem_id,
          inspectionId: r.inspection_id,
          aspectId: r.aspect_id,
          measures: Number(r.measures),
          open: Number(r.open),
          closed: Number(r.closed),
          closedLongTerm: Number(r.closed_long_term),
          overdue: Number(r.overdue),
        }),
      );
    },
  };
}
