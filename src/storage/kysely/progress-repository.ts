// Progress reports with evidence, reviews, review chains and extension requests of measures.

import type { Kysely, Selectable } from "kysely";
import type {
  ExtensionDecision,
  ExtensionRequest,
  ProgressFigure,
  ProgressReport,
  Review,
  ReviewDecision,
} from "../../domain/progress.ts";
import type { Role } from "../../domain/account.ts";
import type { ReviewerRole } from "../../domain/review-chain.ts";
import type { Scope } from "../../domain/scope.ts";
import type { ProgressRepository } from "../store.ts";
import type { Database, ExtensionRequestsTable, ProgressReportsTable, ReviewsTable } from "./db-schema.ts";
import { fixedStatement } from "./fixed-statement.ts";
import { measureVisible } from "./visibility.ts";
import { chunkRecords } from "./scope-filter.ts";

const reportToRow = (r: ProgressReport) => ({
  id: r.id,
  measure_id: r.measureId,
  period: r.period,
  text: r.text,
  figures: JSON.stringify(r.figures),
  author_id: r.authorId,
  created_at: r.createdAt,
});

/** Every progress report of the app is written by this statement, compiled once (fixed-statement.ts). */
const insertReportRow = fixedStatement(
  7,
  (
    db,
    id: string,
    measureId: string,
    period: string,
    text: string,
    figures: string,
    authorId: string | null,
    createdAt: string,
  ) =>
    db.insertInto("progress_reports").values({
      id,
      measure_id: measureId,
      period,
      text,
      figures,
      author_id: authorId,
      created_at: createdAt,
    }),
);

const reviewFromRow = (r: Selectable<ReviewsTable>): Review => ({
  id: r.id,
  measureId: r.measure_id,
  level: Number(r.level),
  decision: r.decision as ReviewDecision,
  reason: r.reason,
  reviewerId: r.reviewer_id,
  createdAt: r.created_at,
  round: Number(r.round),
});

const extensionFromRow = (r: Selectable<ExtensionRequestsTable>): ExtensionRequest => ({
  id: r.id,
  measureId: r.measure_id,
  reason: r.reason,
  newDeadline: r.new_deadline,
  decision: r.decision as ExtensionDecision,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
  requestedBy: r.requested_by,
  previousDeadline: r.previous_deadline,
  decisionNote: r.decision_note,
});

const reportFromRow = (r: Selectable<ProgressReportsTable>): ProgressReport => ({
  id: r.id,
  measureId: r.measure_id,
  period: r.period,
  text: r.text,
  figures: JSON.parse(r.figures) as ProgressFigure[],
  authorId: r.author_id,
  createdAt: r.created_at,
});

export function progressRepository(db: Kysely<Database>): ProgressRepository {
  const visibleMeasure = (scope: Scope, measureId: string) =>
    db
      .selectFrom("measures")
      .select("id")
      .where("id", "=", measureId)
      .where(measureVisible(db, scope, { id: "measures.id", inspectionId: "measures.inspection_id" }));

  return {
    async insertReport(report, evidence) {
      const r = reportToRow(report);
      await insertReportRow(db, r.id, r.measure_id, r.period, r.text, r.figures, r.author_id, r.created_at);
      if (evidence.length > 0) {
        await db
          .insertInto("evidence")
          .values(
            evidence.map((e) => ({
              id: e.id,
              progress_report_id: e.progressReportId,
              sha256: e.sha256,
              name: e.name,
              size: e.size,
              media_type: e.mediaType,
            })),
          )
          .execute();
      }
    },
    async insertReports(reports) {
      for (const chunk of chunkRecords(reports.map(reportToRow)))
        await db.insertInto("progress_reports").values(chunk).execute();
    },
    async listByMeasure(scope, measureId) {
      const reports = await db
        .selectFrom("progress_reports")
        .selectAll()
        .where("measure_id", "in", visibleMeasure(scope, measureId))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      const evidence =
        reports.length === 0
          ? []
          : await db
              .selectFrom("evidence")
              .selectAll()
              .where(
                "progress_report_id",
                "in",
                reports.map((r) => r.id),
              )
              .orderBy("name")
              .execute();
      return reports.map((r) => ({
        ...reportFromRow(r),
        evidence: evidence
          .filter((e) => e.progress_report_id === r.id)
          .map((e) => ({
            id: e.id,
            progressReportId: e.progress_report_id,
            sha256: e.sha256,
            name: e.name,
            size: Number(e.size),
            mediaType: e.media_type,
          })),
      }));
    },
    async latestByInspection(scope, inspectionId) {
      const rows = await db
        .selectFrom("progress_reports as r")
        .innerJoin("measures as m", "m.id", "r.measure_id")
        .selectAll("r")
        .where("m.inspection_id", "=", inspectionId)
        .where(measureVisible(db, scope, { id: "m.id", inspectionId: "m.inspection_id" }))
        .orderBy("r.measure_id")
        .orderBy("r.created_at")
        .orderBy("r.id")
        .execute();
      const latest = new Map<string, ProgressReport>();
      for (const r of rows) {
        latest.set(r.measure_id, reportFromRow(r));
      }
      return latest;
    },
    async cycleReportsByInspection(scope, inspectionId) {
      const rows = await db
        .selectFrom("progress_reports as r")
        .innerJoin("measures as m", "m.id", "r.measure_id")
        .select(["r.measure_id", "r.period", "r.created_at"])
        .where("m.inspection_id", "=", inspectionId)
        .where(measureVisible(db, scope, { id: "m.id", inspectionId: "m.inspection_id" }))
        .orderBy("r.measure_id")
        .orderBy("r.created_at")
        .execute();
      return rows.map((r) => ({ measureId: r.measure_id, period: r.period, createdAt: r.created_at }));
    },
    async insertReview(review: Review) {
      await db
        .insertInto("reviews")
        .values({
          id: review.id,
          measure_id: review.measureId,
          level: review.level,
          decision: review.decision,
          reason: review.reason,
          reviewer_id: review.reviewerId,
          created_at: review.createdAt,
          round: review.round,
        })
        .execute();
    },
    async listReviews(scope, measureId) {
      const rows = await db
        .selectFrom("reviews")
        .selectAll()
        .where("measure_id", "in", visibleMeasure(scope, measureId))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(reviewFromRow);
    },
    async insertExtension(request: ExtensionRequest) {
      await db
        .insertInto("extension_requests")
        .values({
          id: request.id,
          measure_id: request.measureId,
          reason: request.reason,
          new_deadline: request.newDeadline,
          decision: request.decision,
          decided_by: request.decidedBy,
          decided_at: request.decidedAt,
          created_at: request.createdAt,
          requested_by: request.requestedBy,
          previous_deadline: request.previousDeadline,
          decision_note: request.decisionNote,
        })
        .execute();
    },
    async getExtension(scope, id) {
      const row = await db
        .selectFrom("extension_requests as x")
        .innerJoin("measures as m", "m.id", "x.measure_id")
        .selectAll("x")
        .where("x.id", "=", id)
        .where(measureVisible(db, scope, { id: "m.id", inspectionId: "m.inspection_id" }))
        .executeTakeFirst();
      return row && extensionFromRow(row);
    },
    async decideExtension(id, decision, by, at, note) {
      const result = await db
        .updateTable("extension_requests")
        .set({ decision, decided_by: by, decided_at: at, decision_note: note })
        .where("id", "=", id)
        .where("decision", "=", "pending")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listExtensions(scope, measureId) {
      const rows = await db
        .selectFrom("extension_requests")
        .selectAll()
        .where("measure_id", "in", visibleMeasure(scope, measureId))
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map(extensionFromRow);
    },
    async reviewChain(inspectionId) {
      const rows = await db
        .selectFrom("review_levels")
        .select(["level", "role"])
        .where("inspection_id", "=", inspectionId)
        .orderBy("level")
        .execute();
      return rows.length === 0 ? null : rows.map((r) => r.role as ReviewerRole);
    },
    async getHold(measureId) {
      const row = await db
        .selectFrom("closeout_holds")
        .selectAll()
        .where("measure_id", "=", measureId)
        .executeTakeFirst();
      return (
        row && { measureId: row.measure_id, reason: row.reason, heldBy: row.held_by, heldAt: row.held_at }
      );
    },
    async putHold(hold) {
      await db.deleteFrom("closeout_holds").where("measure_id", "=", hold.measureId).execute();
      await db
        .insertInto("closeout_holds")
        .values({
          measure_id: hold.measureId,
          reason: hold.reason,
          held_by: hold.heldBy,
          held_at: hold.heldAt,
        })
        .execute();
    },
    async liftHold(measureId) {
      const result = await db
        .deleteFrom("closeout_holds")
        .where("measure_id", "=", measureId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async insertComment(comment) {
      await db
        .insertInto("measure_comments")
        .values({
          id: comment.id,
          measure_id: comment.measureId,
          author_id: comment.authorId,
          author_name: comment.authorName,
          author_role: comment.authorRole,
          text: comment.text,
          created_at: comment.createdAt,
        })
        .execute();
    },
    async listComments(measureId) {
      const rows = await db
        .selectFrom("measure_comments")
        .selectAll()
        .where("measure_id", "=", measureId)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return rows.map((r) => ({
        id: r.id,
        measureId: r.measure_id,
        authorId: r.author_id,
        authorName: r.author_name,
        authorRole: r.author_role as Role,
        text: r.text,
        createdAt: r.created_at,
      }));
    },
    async setReviewChain(inspectionId, chain) {
      await db.deleteFrom("review_levels").where("inspection_id", "=", inspectionId).execute();
      await db
        .insertInto("review_levels")
        .values(chain.map((role, i) => ({ inspection_id: inspectionId, level: i + 1, role })))
        .execute();
    },
  };
}
