// Per-problem tallies of measures; domain code turns them into statuses and counts.
// Two plain queries (problems; measures grouped by problem over a covering index) merged here are several
// times faster at province scale than one LEFT JOIN … GROUP BY over both tables.

import { sql, type Kysely } from "kysely";
import type { ProblemTally } from "../../domain/ledger-statistics.ts";
import type { Scope } from "../../domain/scope.ts";
import type { StatisticsRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { inspectionVisible, measureVisible, problemVisible } from "./visibility.ts";

/** A long-term measure with at least one closed stage. */
const STAGE_CLOSED = sql<boolean>`(kind = 'long_term' and closed_at is not null)`;

export function statisticsRepository(db: Kysely<Database>): StatisticsRepository {
  /** The inspections a query covers: one, the listed ones, or every one in scope (examples only when asked). */
  const covering = (
    scope: Scope,
    query: { inspectionId?: string; inspectionIds?: readonly string[]; includeExamples?: boolean },
    column: string,
  ) => {
    const visible = inspectionVisible(db, scope, column);
    if (query.inspectionId !== undefined)
      return sql<boolean>`${sql.ref(column)} = ${query.inspectionId} and ${visible}`;
    if (query.inspectionIds !== undefined)
      return sql<boolean>`${sql.ref(column)} in (${sql.join(query.inspectionIds)}) and ${visible}`;
    if (query.includeExamples) return visible;
    const examples = db.selectFrom("inspections").select("id").where("is_example", "=", 1);
    return sql<boolean>`${sql.ref(column)} not in (${examples}) and ${visible}`;
  };

  return {
    async problemTallies(scope, query) {
      if (query.inspectionIds?.length === 0) return [];
      const problems = await db
        .selectFrom("problems")
        .select(["id", "inspection_id", "aspect_id"])
        .where(covering(scope, query, "problems.inspection_id"))
        .where(problemVisible(db, scope, { id: "problems.id", inspectionId: "problems.inspection_id" }))
        .execute();
      const measures = await db
        .selectFrom("measures")
        .select([
          "problem_id",
          sql<number>`count(*)`.as("measures"),
          // A long-term measure that closed a stage (closed_at kept) and works on the next is carried on, not open.
          sql<number>`sum(case when state <> 'closed' and not ${STAGE_CLOSED} then 1 else 0 end)`.as("open"),
          sql<number>`sum(case when kind = 'long_term' and (state = 'closed' or ${STAGE_CLOSED}) then 1 else 0 end)`.as(
            "closed_long_term",
          ),
          sql<number>`sum(case when state <> 'closed' and deadline < ${query.on} then 1 else 0 end)`.as(
            "overdue",
          ),
        ])
        // Without a filter this reads only the covering index; examples drop out in the merge below.
        .$if(
          query.inspectionId !== undefined || query.inspectionIds !== undefined || scope.kind !== "all",
          (q) =>
            q
              .where(covering(scope, query, "measures.inspection_id"))
              .where(
                measureVisible(db, scope, { id: "measures.id", inspectionId: "measures.inspection_id" }),
              ),
        )
        .groupBy("problem_id")
        .execute();
      const byProblem = new Map(measures.map((m) => [m.problem_id, m]));
      return problems.map((p): ProblemTally => {
        const m = byProblem.get(p.id);
        const total = Number(m?.measures ?? 0);
        const open = Number(m?.open ?? 0);
        return {
          problemId: p.id,
          inspectionId: p.inspection_id,
          aspectId: p.aspect_id,
          measures: total,
          open,
          closed: total - open,
          closedLongTerm: Number(m?.closed_long_term ?? 0),
          overdue: Number(m?.overdue ?? 0),
        };
      });
    },
  };
}
