// SQL conditions for what a Scope lets a caller see. An inspection is wholly visible when its inspected unit or the
// office running it lies in one of the scope's subtrees; a department reporter sees only the measures of their
// department (responsible or cooperating), with the problems, aspects and inspections those measures belong to.

import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Scope } from "../../domain/scope.ts";
import type { InspectionFilter } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { pathInScope } from "./scope-filter.ts";

const ALWAYS = sql<SqlBool>`1 = 1`;
const NEVER = sql<SqlBool>`1 = 0`;

type Limited = Extract<Scope, { kind: "subtrees" }>;

/** Inspections whose unit or running office lies in one of the scope's whole subtrees. */
function wholeInspections(db: Kysely<Database>, scope: Limited) {
  return db
    .selectFrom("inspections as vi")
    .innerJoin("orgs as vo", "vo.id", "vi.target_org_id")
    .leftJoin("orgs as vr", "vr.id", "vi.oversight_org_id")
    .select("vi.id")
    .where((eb) =>
      eb.or([
        pathInScope(scope, "vo.path"),
        eb.and([eb("vr.path", "is not", null), pathInScope(scope, "vr.path")]),
      ]),
    );
}

/** Ids of the measures whose responsible or cooperating department lies in the scope's department subtrees. */
function departmentMeasures(db: Kysely<Database>, scope: Limited) {
  const departments = { kind: "subtrees", paths: scope.departmentPaths, departmentPaths: [] } as const;
  return db
    .selectFrom("measures as dm")
    .innerJoin("orgs as dd", "dd.id", "dm.department_id")
    .select("dm.id")
    .where(pathInScope(departments, "dd.path"))
    .union(
      db
        .selectFrom("measure_cooperators as dc")
        .innerJoin("orgs as dco", "dco.id", "dc.org_id")
        .select("dc.measure_id as id")
        .where(pathInScope(departments, "dco.path")),
    );
}

const hasDepartments = (scope: Limited): boolean => scope.departmentPaths.length > 0;

const wholeCondition = (db: Kysely<Database>, scope: Limited, inspectionIdColumn: string) =>
  scope.paths.length === 0
    ? NEVER
    : sql<SqlBool>`${sql.ref(inspectionIdColumn)} in (${wholeInspections(db, scope)})`;

/**
 * A condition on `inspectionIdColumn`: the inspection is visible, wholly or through a department's measures.
 * For the unrestricted scope it is a constant, so the planner keeps using the plain indexes.
 */
export function inspectionVisible(
  db: Kysely<Database>,
  scope: Scope,
  inspectionIdColumn: string,
): Expression<SqlBool> {
  if (scope.kind === "all") return ALWAYS;
  const whole = wholeCondition(db, scope, inspectionIdColumn);
  if (!hasDepartments(scope)) return whole;
  const viaMeasures = db
    .selectFrom("measures as vm")
    .select("vm.inspection_id")
    .where("vm.id", "in", departmentMeasures(db, scope));
  return sql<SqlBool>`(${whole} or ${sql.ref(inspectionIdColumn)} in (${viaMeasures}))`;
}

/** A condition on a measure row: its inspection is wholly visible, or it is one of the scope's department measures. */
export function measureVisible(
  db: Kysely<Database>,
  scope: Scope,
  columns: { id: string; inspectionId: string },
): Expression<SqlBool> {
  if (scope.kind === "all") return ALWAYS;
  const whole = wholeCondition(db, scope, columns.inspectionId);
  if (!hasDepartments(scope)) return whole;
  return sql<SqlBool>`(${whole} or ${sql.ref(columns.id)} in (${departmentMeasures(db, scope)}))`;
}

/** A condition on a problem row: its inspection is wholly visible, or it has one of the scope's department measures. */
export function problemVisible(
  db: Kysely<Database>,
  scope: Scope,
  columns: { id: string; inspectionId: string },
): Expression<SqlBool> {
  if (scope.kind === "all") return ALWAYS;
  const whole = wholeCondition(db, scope, columns.inspectionId);
  if (!hasDepartments(scope)) return whole;
  const problems = db
    .selectFrom("measures as pm")
    .select("pm.problem_id")
    .where("pm.id", "in", departmentMeasures(db, scope));
  return sql<SqlBool>`(${whole} or ${sql.ref(columns.id)} in (${problems}))`;
}

/**
 * A condition on a row tied to an inspection and optionally a problem and a measure (outcomes): visible with its
 * measure, else with its problem, else only when the inspection is wholly visible.
 */
export function attachedVisible(
  db: Kysely<Database>,
  scope: Scope,
  columns: { inspectionId: string; problemId: string; measureId: string },
): Expression<SqlBool> {
  if (scope.kind === "all") return ALWAYS;
  const whole = wholeCondition(db, scope, columns.inspectionId);
  if (!hasDepartments(scope)) return whole;
  const measures = departmentMeasures(db, scope);
  const problems = db.selectFrom("measures as om").select("om.problem_id").where("om.id", "in", measures);
  const measureCol = sql.ref(columns.measureId);
  return sql<SqlBool>`(${whole} or ${measureCol} in (${measures}) or (${measureCol} is null and ${sql.ref(
    columns.problemId,
  )} in (${problems})))`;
}

/** Ids of the visible inspections that match `filter` (examples only when `includeExamples`), as a subquery. */
export function inspectionIdsMatching(db: Kysely<Database>, scope: Scope, filter: InspectionFilter) {
  let q = db
    .selectFrom("inspections")
    .select("id")
    .where(inspectionVisible(db, scope, "inspections.id"));
  if (!filter.includeExamples) q = q.where("is_example", "=", 0);
  if (filter.roundLabel !== undefined) q = q.where("round_label", "=", filter.roundLabel);
  if (filter.targetOrgId !== undefined) q = q.where("target_org_id", "=", filter.targetOrgId);
  return q;
}
