// Deadline profiles (migration 0016): read and optimistic-locked write, with the inspection's two derived dates.

import type { Kysely } from "kysely";
import {
  DEFAULT_KIND_DEADLINES,
  REPORTING_CADENCES,
  type DeadlineProfile,
  type ReportingCadence,
} from "../../domain/deadline-profile.ts";
import type { DeadlineProfileRepository } from "../deadline-profile-store.ts";
import type { Database, DeadlineProfilesTable } from "./db-schema.ts";

const fromRow = (r: DeadlineProfilesTable): DeadlineProfile => ({
  inspectionId: r.inspection_id,
  thresholds: {
    green: Number(r.green),
    yellow: Number(r.yellow),
    red: Number(r.red),
    basis: r.basis === "working" ? "working" : "calendar",
  },
  cadence: (REPORTING_CADENCES as readonly string[]).includes(r.cadence)
    ? (r.cadence as ReportingCadence)
    : "monthly",
  reportMonths: Number(r.report_months),
  concentratedEnd: r.concentrated_end,
  defaultDeadlines: {
    immediateDays:
      r.immediate_days === null ? DEFAULT_KIND_DEADLINES.immediateDays : Number(r.immediate_days),
    longTermReviewMonths:
      r.long_term_review_months === null
        ? DEFAULT_KIND_DEADLINES.longTermReviewMonths
        : Number(r.long_term_review_months),
  },
  version: Number(r.version),
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export function deadlineProfileRepository(db: Kysely<Database>): DeadlineProfileRepository {
  return {
    async get(inspectionId) {
      const row = await db
        .selectFrom("deadline_profiles")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async put(p, expectedVersion, dates) {
      const values = {
        green: p.thresholds.green,
        yellow: p.thresholds.yellow,
        red: p.thresholds.red,
        basis: p.thresholds.basis,
        cadence: p.cadence,
        report_months: p.reportMonths,
        concentrated_end: p.concentratedEnd,
        immediate_days: p.defaultDeadlines.immediateDays,
        long_term_review_months: p.defaultDeadlines.longTermReviewMonths,
        version: p.version,
        updated_at: p.updatedAt ?? "",
        updated_by: p.updatedBy ?? "",
      };
      const written =
        expectedVersion === 0
          ? (
              await db
                .insertInto("deadline_profiles")
                .values({ inspection_id: p.inspectionId, ...values })
                .onConflict((oc) => oc.column("inspection_id").doNothing())
                .executeTakeFirst()
            ).numInsertedOrUpdatedRows
          : (
              await db
                .updateTable("deadline_profiles")
                .set(values)
                .where("inspection_id", "=", p.inspectionId)
                .where("version", "=", expectedVersion)
                .executeTakeFirst()
            ).numUpdatedRows;
      if (Number(written) !== 1) return false;
      await db
        .updateTable("inspections")
        .set({ report_due: dates.reportDue, concentrated_end: dates.concentratedEnd })
        .where("id", "=", p.inspectionId)
        .execute();
      return true;
    },
  };
}
