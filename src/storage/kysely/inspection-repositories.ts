// Inspections, their aspects and problems, as far as the caller's scope shows them (visibility.ts).

import type { Kysely, SelectQueryBuilder } from "kysely";
import type { Inspection } from "../../domain/inspection.ts";
import type { Aspect, Problem } from "../../domain/problem.ts";
import type { Scope } from "../../domain/scope.ts";
import type {
  AspectRepository,
  InspectionCursor,
  InspectionFilter,
  InspectionRepository,
  ProblemRepository,
} from "../store.ts";
import type { Database } from "./db-schema.ts";
import {
  aspectFromRow,
  inspectionFromRow,
  inspectionToRow,
  problemFromRow,
  problemToRow,
} from "./row-mappers.ts";
import { fixedStatement } from "./fixed-statement.ts";
import { chunkRows } from "./scope-filter.ts";
import { inspectionVisible, problemVisible } from "./visibility.ts";

/**
 * List order, the same on both databases: newest feedback date first, inspections without one last (PostgreSQL
 * would put NULLs first in a descending order, SQLite last), then id.
 */
const inListOrder = <Q extends SelectQueryBuilder<Database, "inspections", object>>(q: Q): Q =>
  q.orderBy("feedback_date", (ob) => ob.desc().nullsLast()).orderBy("id") as Q;

/** An inspection by id, unrestricted (access checks, the ledger of an admin): compiled once. */
const inspectionById = fixedStatement(1, (db, id: string) =>
  db.selectFrom("inspections").selectAll().where("id", "=", id),
);

export function inspectionRepository(db: Kysely<Database>): InspectionRepository {
  const filtered = (scope: Scope, filter: InspectionFilter) => {
    let q = db.selectFrom("inspections").where(inspectionVisible(db, scope, "inspections.id"));
    if (!filter.includeExamples) q = q.where("is_example", "=", 0);
    if (filter.roundLabel !== undefined) q = q.where("round_label", "=", filter.roundLabel);
    if (filter.targetOrgId !== undefined) q = q.where("target_org_id", "=", filter.targetOrgId);
    return q;
  };
  return {
    async insert(inspection: Inspection) {
      await db.insertInto("inspections").values(inspectionToRow(inspection)).execute();
    },
    async get(scope: Scope, id: string) {
      const row =
        scope.kind === "all"
          ? (await inspectionById(db, id)).rows[0]
          : await db
              .selectFrom("inspections")
              .selectAll()
              .where("id", "=", id)
              .where(inspectionVisible(db, scope, "inspections.id"))
              .executeTakeFirst();
      return row && inspectionFromRow(row);
    },
    async list(scope: Scope, filter: InspectionFilter = {}) {
      const rows = await inListOrder(
        filtered(scope, { includeExamples: true, ...filter }).selectAll(),
      ).execute();
      return rows.map(inspectionFromRow);
    },
    async page(
      scope: Scope,
      filter: InspectionFilter,
      page: { after: InspectionCursor | null; limit: number },
    ) {
      let q = filtered(scope, { includeExamples: true, ...filter }).selectAll();
      const after = page.after;
      if (after !== null)
        q = q.where((eb) =>
          after.feedbackDate === null
            ? eb.and([eb("feedback_date", "is", null), eb("id", ">", after.id)])
            : eb.or([
                eb("feedback_date", "<", after.feedbackDate),
                eb.and([eb("feedback_date", "=", after.feedbackDate), eb("id", ">", after.id)]),
                eb("feedback_date", "is", null),
              ]),
        );
      const rows = await inListOrder(q).limit(page.limit).execute();
      return rows.map(inspectionFromRow);
    },
    async count(scope: Scope, filter: InspectionFilter = {}) {
      const row = await filtered(scope, { includeExamples: true, ...filter })
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

export function aspectRepository(db: Kysely<Database>): AspectRepository {
  return {
    async insertMany(aspects: readonly Aspect[]) {
      for (const chunk of chunkRows(aspects, 4)) {
        await db
          .insertInto("aspects")
          .values(chunk.map((a) => ({ id: a.id, inspection_id: a.inspectionId, seq: a.seq, title: a.title })))
          .execute();
      }
    },
    async listByInspection(scope: Scope, inspectionId: string) {
      const rows = await db
        .selectFrom("aspects")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(inspectionVisible(db, scope, "aspects.inspection_id"))
        .orderBy("seq")
        .execute();
      return rows.map(aspectFromRow);
    },
  };
}

const PROBLEM_COLUMNS = { id: "problems.id", inspectionId: "problems.inspection_id" };

export function problemRepository(db: Kysely<Database>): ProblemRepository {
  return {
    async insertMany(problems: readonly Problem[]) {
      for (const chunk of chunkRows(problems, 11)) {
        await db.insertInto("problems").values(chunk.map(problemToRow)).execute();
      }
    },
    async get(scope: Scope, id: string) {
      const row = await db
        .selectFrom("problems")
        .selectAll()
        .where("id", "=", id)
        .where(problemVisible(db, scope, PROBLEM_COLUMNS))
        .executeTakeFirst();
      return row && problemFromRow(row);
    },
    async listByInspection(scope: Scope, inspectionId: string) {
      const rows = await db
        .selectFrom("problems")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(problemVisible(db, scope, PROBLEM_COLUMNS))
        .orderBy("seq")
        .execute();
      return rows.map(problemFromRow);
    },
  };
}
