// Per-problem tallies of measures; domain code turns them into statuses and counts.
// Two plain queries (problems; measures grouped by problem over a covering index) merged here are several
// times faster at province scale than one LEFT JOIN … GROUP BY over both tables.

import { sql, type Kysely } from "kysely";
import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { ProblemTally } from "../../domain/ledger-statistics.ts";
import type { Scope } from "../../domain/scope.ts";
import type { StatisticsRepository, TallyGroup, TotalsRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { inspectionIdsMatching, inspectionVisible, measureVisible, problemVisible } from "./visibility.ts";

/** A long-term measure with at least one closed stage. */
const STAGE_CLOSED = sql<boolean>`(kind = 'long_term' and closed_at is not null)`;

/** One problem's measure counts, aggregated over its measures (grouped by problem_id). */
const tallyColumns = (on: CalendarDate) => [
  sql<number>`count(*)`.as("measures"),
  // A long-term measure that closed a stage (closed_at kept) and works on the next is carried on, not open.
  sql<number>`sum(case when state <> 'closed' and not ${STAGE_CLOSED} then 1 else 0 end)`.as("open"),
  sql<number>`sum(case when kind = 'long_term' and (state = 'closed' or ${STAGE_CLOSED}) then 1 else 0 end)`.as(
    "closed_long_term",
  ),
  sql<number>`sum(case when state <> 'closed' and deadline < ${on} then 1 else 0 end)`.as("overdue"),
];

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
        .select(["problem_id", ...tallyColumns(query.on)])
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

    async closuresByHour(scope, query) {
      const hour = sql<string>`substr(measures.closed_at, 1, 13)`;
      const rows = await db
        .selectFrom("measures")
        .innerJoin("inspections", "inspections.id", "measures.inspection_id")
        .select([hour.as("hour"), sql<number>`count(*)`.as("closed")])
        .where("measures.closed_at", ">=", query.since)
        // Closed by a review here (the approving review is stamped with the close-out's time); a measure an import
        // carried in as done — into a new ledger or an existing one — has no such review.
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom("reviews")
              .select("reviews.id")
              .whereRef("reviews.measure_id", "=", "measures.id")
              .where("reviews.decision", "=", "approve")
              .whereRef("reviews.created_at", "=", "measures.closed_at"),
          ),
        )
        .where("inspections.is_example", "=", 0)
        .$if(scope.kind !== "all", (q) =>
          q
            .where(inspectionVisible(db, scope, "measures.inspection_id"))
            .where(measureVisible(db, scope, { id: "measures.id", inspectionId: "measures.inspection_id" })),
        )
        .groupBy(hour)
        .execute();
      return rows.map((r) => ({ hour: String(r.hour), closed: Number(r.closed) }));
    },
  };
}

export function totalsRepository(db: Kysely<Database>): TotalsRepository {
  return {
    async tallyGroups(scope, query) {
      // Problems with visible measures, grouped by problem and then by tally; those with none are the rest of
      // the visible problems (every problem of a visible measure is visible: visibility.ts). No join, no row per
      // problem leaves the database.
      const problems = db
        .selectFrom("problems")
        .select("id")
        .where("inspection_id", "in", inspectionIdsMatching(db, scope, query.filter));
      // For the whole scope this reads only the covering index (problem_id, state, kind, deadline, closed_at); the
      // inspection filter is then applied per problem (240,000 probes) rather than per measure (1,000,000).
      const perProblem = db
        .selectFrom("measures")
        .select(["problem_id", ...tallyColumns(query.on)])
        .$if(scope.kind !== "all", (q) =>
          q.where(measureVisible(db, scope, { id: "measures.id", inspectionId: "measures.inspection_id" })),
        )
        .groupBy("problem_id");
      const groups = await db
        .selectFrom(perProblem.as("t"))
        .select([
          "t.measures",
          "t.open",
          "t.closed_long_term",
          "t.overdue",
          sql<number>`count(*)`.as("problems"),
        ])
        .where("t.problem_id", "in", problems)
        .groupBy(["t.measures", "t.open", "t.closed_long_term", "t.overdue"])
        .execute();
      const all = await db
        .selectFrom("problems")
        .select(sql<number>`count(*)`.as("n"))
        .where("inspection_id", "in", inspectionIdsMatching(db, scope, query.filter))
        .where(problemVisible(db, scope, { id: "problems.id", inspectionId: "problems.inspection_id" }))
        .executeTakeFirstOrThrow();
      const result: TallyGroup[] = groups.map((g) => {
        const measures = Number(g.measures);
        const open = Number(g.open);
        return {
          problems: Number(g.problems),
          measures,
          open,
          closed: measures - open,
          closedLongTerm: Number(g.closed_long_term),
          overdue: Number(g.overdue),
        };
      });
      const withoutMeasures = Number(all.n) - result.reduce((n, g) => n + g.problems, 0);
      if (withoutMeasures > 0)
        result.push({
          problems: withoutMeasures,
          measures: 0,
          open: 0,
          closed: 0,
          closedLongTerm: 0,
          overdue: 0,
        });
      return result;
    },
  };
}
