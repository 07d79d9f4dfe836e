// Measures and their cooperating departments.

import { sql, type Kysely, type Selectable } from "kysely";
import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { Measure, MeasureState } from "../../domain/measure.ts";
import type { Scope } from "../../domain/scope.ts";
import type { MeasureFilter, MeasurePageRequest, MeasureRepository } from "../store.ts";
import type { Database, MeasuresTable } from "./db-schema.ts";
import { fixedStatement } from "./fixed-statement.ts";
import { measureVisible } from "./visibility.ts";
import { measureFromRow, measureToRow } from "./row-mappers.ts";
import { chunkRecords, chunkRows } from "./scope-filter.ts";

const MEASURE_COLUMNS = { id: "measures.id", inspectionId: "measures.inspection_id" };
const OPEN_STATES: MeasureState[] = ["draft", "in_progress", "submitted", "returned"];

// A measure by id and its cooperating departments: read by the access check of every write on a measure.
const measureById = fixedStatement(1, (db, id: string) =>
  db.selectFrom("measures").selectAll().where("id", "=", id),
);
const cooperatorsOf = fixedStatement(1, (db, measureId: string) =>
  db
    .selectFrom("measure_cooperators")
    .select(["measure_id", "org_id"])
    .where("measure_id", "=", measureId)
    .orderBy("org_id"),
);

export function measureRepository(db: Kysely<Database>): MeasureRepository {
  const withCooperators = async (rows: Selectable<MeasuresTable>[]): Promise<Measure[]> => {
    if (rows.length === 0) return [];
    const only = rows.length === 1 ? rows[0] : undefined;
    if (only)
      return [
        measureFromRow(
          only,
          (await cooperatorsOf(db, only.id)).rows.map((l) => l.org_id),
        ),
      ];
    const byMeasure = new Map<string, string[]>();
    for (const chunk of chunkRows(rows, 1)) {
      const links = await db
        .selectFrom("measure_cooperators")
        .select(["measure_id", "org_id"])
        .where(
          "measure_id",
          "in",
          chunk.map((r) => r.id),
        )
        .orderBy("org_id")
        .execute();
      for (const l of links) byMeasure.set(l.measure_id, [...(byMeasure.get(l.measure_id) ?? []), l.org_id]);
    }
    return rows.map((r) => measureFromRow(r, byMeasure.get(r.id) ?? []));
  };

  return {
    async insertMany(measures: readonly Measure[]) {
      for (const chunk of chunkRecords(measures.map(measureToRow))) {
        await db.insertInto("measures").values(chunk).execute();
      }
      const links = measures.flatMap((m) =>
        m.cooperatingDepartmentIds.map((org_id) => ({ measure_id: m.id, org_id })),
      );
      for (const chunk of chunkRows(links, 2))
        await db.insertInto("measure_cooperators").values(chunk).execute();
    },
    async get(scope: Scope, id: string) {
      const row =
        scope.kind === "all"
          ? (await measureById(db, id)).rows[0]
          : await db
              .selectFrom("measures")
              .selectAll()
              .where("id", "=", id)
              .where(measureVisible(db, scope, MEASURE_COLUMNS))
              .executeTakeFirst();
      return row ? (await withCooperators([row]))[0] : undefined;
    },
    async listByInspection(scope: Scope, inspectionId: string) {
      const rows = await db
        .selectFrom("measures")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(measureVisible(db, scope, MEASURE_COLUMNS))
        .orderBy("problem_id")
        .orderBy("seq")
        .execute();
      return withCooperators(rows);
    },
    async page(scope: Scope, filter: MeasureFilter, page: MeasurePageRequest) {
      let q = db
        .selectFrom("measures")
        .selectAll()
        .where(measureVisible(db, scope, MEASURE_COLUMNS));
      if (filter.inspectionId !== undefined) q = q.where("inspection_id", "=", filter.inspectionId);
      if (filter.departmentId !== undefined) q = q.where("department_id", "=", filter.departmentId);
      if (filter.states !== undefined)
        q = q.where("state", "in", filter.states.length > 0 ? [...filter.states] : ["__none__"]);
      if (filter.overdueOn !== undefined)
        q = q.where("state", "in", OPEN_STATES).where("deadline", "<", filter.overdueOn);
      if (filter.withoutExamples)
        q = q.where(
          "inspection_id",
          "not in",
          db.selectFrom("inspections").select("id").where("is_example", "=", 1),
        );
      const after = page.after;
      if (after) {
        // Keyset: rows after (deadline, id) in the order "deadline ascending, none last, then id".
        q =
          after.deadline === null
            ? q.where("deadline", "is", null).where("id", ">", after.id)
            : q.where((eb) =>
                eb.or([
                  eb("deadline", ">", after.deadline),
                  eb.and([eb("deadline", "=", after.deadline), eb("id", ">", after.id)]),
                  eb("deadline", "is", null),
                ]),
              );
      }
      const rows = await q
        .orderBy(sql`case when deadline is null then 1 else 0 end`)
        .orderBy("deadline")
        .orderBy("id")
        .limit(page.limit)
        .offset(page.offset ?? 0)
        .execute();
      return withCooperators(rows);
    },
    async countOverdue(scope: Scope, on: CalendarDate) {
      const row = await db
        .selectFrom("measures")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("state", "in", OPEN_STATES)
        .where("deadline", "<", on)
        .where(measureVisible(db, scope, MEASURE_COLUMNS))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async updateState(id, expectedVersion, change) {
      const result = await db
        .updateTable("measures")
        .set({
          state: change.state,
          closed_at: change.closedAt,
          version: expectedVersion + 1,
          ...(change.submissions !== undefined ? { submissions: change.submissions } : {}),
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async updateResponsibility(id, expectedVersion, change) {
      const result = await db
        .updateTable("measures")
        .set({
          lead_leader_id: change.leadLeaderId,
          department_id: change.departmentId,
          person_id: change.personId,
          deadline: change.deadline,
          evidence_required: change.evidenceRequired ? 1 : 0,
          version: expectedVersion + 1,
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await db.deleteFrom("measure_cooperators").where("measure_id", "=", id).execute();
      const links = [...new Set(change.cooperatingDepartmentIds)].map((org_id) => ({
        measure_id: id,
        org_id,
      }));
      if (links.length > 0) await db.insertInto("measure_cooperators").values(links).execute();
      return true;
    },
    async updateDeadline(id, expectedVersion, change) {
      const result = await db
        .updateTable("measures")
        .set({
          deadline: change.deadline,
          original_deadline: change.originalDeadline,
          version: expectedVersion + 1,
        })
        .where("id", "=", id)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
