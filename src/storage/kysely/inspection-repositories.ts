// Inspections, their aspects and problems. Visibility follows the inspected unit's place in the org tree.

import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Inspection } from "../../domain/inspection.ts";
import type { Aspect, Problem } from "../../domain/problem.ts";
import type { Scope } from "../../domain/scope.ts";
import type {
  AspectRepository,
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
import { chunkRows, pathInScope } from "./scope-filter.ts";

/**
 * A condition on `inspectionIdColumn`: the inspection's target unit is visible in the scope.
 * For the unrestricted scope it is a constant, so the planner keeps using the plain indexes.
 */
export function inspectionVisible(
  db: Kysely<Database>,
  scope: Scope,
  inspectionIdColumn: string,
): Expression<SqlBool> {
  if (scope.kind === "all") return sql<SqlBool>`1 = 1`;
  const visible = db
    .selectFrom("inspections as vi")
    .innerJoin("orgs as vo", "vo.id", "vi.target_org_id")
    .select("vi.id")
    .where(pathInScope(scope, "vo.path"));
  return sql<SqlBool>`${sql.ref(inspectionIdColumn)} in (${visible})`;
}

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
      const row = await db
        .selectFrom("inspections")
        .selectAll()
        .where("id", "=", id)
        .where(inspectionVisible(db, scope, "inspections.id"))
        .executeTakeFirst();
      return row && inspectionFromRow(row);
    },
    async list(scope: Scope, filter: InspectionFilter = {}) {
      const rows = await filtered(scope, { includeExamples: true, ...filter })
        .selectAll()
        .orderBy("feedback_date", "desc")
        .orderBy("id")
        .execute();
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
        .where(inspectionVisible(db, scope, "problems.inspection_id"))
        .executeTakeFirst();
      return row && problemFromRow(row);
    },
    async listByInspection(scope: Scope, inspectionId: string) {
      const rows = await db
        .selectFrom("problems")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(inspectionVisible(db, scope, "problems.inspection_id"))
        .orderBy("seq")
        .execute();
      return rows.map(problemFromRow);
    },
  };
}
