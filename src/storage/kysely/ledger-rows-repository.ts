// Paged reads of whole ledgers for spreadsheet exports: problems with their aspect, measures joined with the
// names, newest progress, evidence count and last approval. Keyset paging, so memory stays bounded.

import type { Kysely } from "kysely";
import type { MeasureKind, MeasureState } from "../../domain/measure.ts";
import type { Scope } from "../../domain/scope.ts";
import type { LedgerMeasureRow, LedgerRowsRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { measureVisible, problemVisible } from "./visibility.ts";
import { problemFromRow } from "./row-mappers.ts";

export function ledgerRowsRepository(db: Kysely<Database>): LedgerRowsRepository {
  return {
    async problemPage(scope: Scope, inspectionId: string, page) {
      const rows = await db
        .selectFrom("problems as p")
        .leftJoin("aspects as a", "a.id", "p.aspect_id")
        .selectAll("p")
        .select("a.title as aspect_title")
        .where("p.inspection_id", "=", inspectionId)
        .where(problemVisible(db, scope, { id: "p.id", inspectionId: "p.inspection_id" }))
        .where("p.seq", ">", page.afterSeq)
        .orderBy("p.seq")
        .limit(page.limit)
        .execute();
      return rows.map(({ aspect_title, ...p }) => ({ ...problemFromRow(p), aspectTitle: aspect_title }));
    },

    async measurePage(scope: Scope, inspectionId: string, page) {
      const after = page.after;
      const rows = await db
        .selectFrom("measures as m")
        .innerJoin("problems as p", "p.id", "m.problem_id")
        .leftJoin("aspects as a", "a.id", "p.aspect_id")
        .leftJoin("people as l", "l.id", "m.lead_leader_id")
        .leftJoin("orgs as d", "d.id", "m.department_id")
        .leftJoin("people as r", "r.id", "m.person_id")
        .select([
          "m.id",
          "m.inspection_id",
          "m.problem_id",
          "m.seq",
          "m.text",
          "m.kind",
          "m.deadline",
          "m.original_deadline",
          "m.acceptance_criteria",
          "m.state",
          "m.closed_at",
          "p.seq as problem_seq",
          "p.title as problem_title",
          "a.title as aspect_title",
          "l.name as leader",
          "d.name as department",
          "r.name as person",
        ])
        .select((eb) => [
          eb
            .selectFrom("progress_reports as pr")
            .select("pr.text")
            .whereRef("pr.measure_id", "=", "m.id")
            .orderBy("pr.created_at", "desc")
            .orderBy("pr.id", "desc")
            .limit(1)
            .as("latest_progress"),
          eb
            .selectFrom("evidence as e")
            .innerJoin("progress_reports as pe", "pe.id", "e.progress_report_id")
            .select((c) => c.fn.countAll<number | string>().as("n"))
            .whereRef("pe.measure_id", "=", "m.id")
            .as("evidence_count"),
          eb
            .selectFrom("reviews as v")
            .select("v.id")
            .whereRef("v.measure_id", "=", "m.id")
            .where("v.decision", "=", "approve")
            .orderBy("v.created_at", "desc")
            .orderBy("v.id", "desc")
            .limit(1)
            .as("approval_id"),
        ])
        .where("m.inspection_id", "=", inspectionId)
        .where(measureVisible(db, scope, { id: "m.id", inspectionId: "m.inspection_id" }))
        .$if(after !== null, (q) =>
          q.where((eb) =>
            eb.or([
              eb("p.seq", ">", after?.problemSeq ?? 0),
              eb.and([eb("p.seq", "=", after?.problemSeq ?? 0), eb("m.seq", ">", after?.measureSeq ?? 0)]),
            ]),
          ),
        )
        .orderBy("p.seq")
        .orderBy("m.seq")
        .limit(page.limit)
        .execute();
      if (rows.length === 0) return [];

      const ids = rows.map((r) => r.id);
      const approvalIds = rows.flatMap((r) => (r.approval_id ? [r.approval_id] : []));
      const [cooperators, approvals] = await Promise.all([
        db
          .selectFrom("measure_cooperators as mc")
          .innerJoin("orgs as o", "o.id", "mc.org_id")
          .select(["mc.measure_id", "o.name"])
          .where("mc.measure_id", "in", ids)
          .orderBy("o.name")
          .execute(),
        approvalIds.length === 0
          ? Promise.resolve([])
          : db
              .selectFrom("reviews as v")
              .leftJoin("people as vp", "vp.id", "v.reviewer_id")
              .select(["v.id", "v.created_at", "vp.name"])
              .where("v.id", "in", approvalIds)
              .execute(),
      ]);
      const cooperatorsOf = new Map<string, string[]>();
      for (const c of cooperators) {
        const list = cooperatorsOf.get(c.measure_id);
        if (list) list.push(c.name);
        else cooperatorsOf.set(c.measure_id, [c.name]);
      }
      const approvalById = new Map(approvals.map((a) => [a.id, a]));
      return rows.map((r): LedgerMeasureRow => {
        const approval = r.approval_id ? approvalById.get(r.approval_id) : undefined;
        return {
          inspectionId: r.inspection_id,
          problemId: r.problem_id,
          problemSeq: Number(r.problem_seq),
          problemTitle: r.problem_title,
          aspectTitle: r.aspect_title,
          measureId: r.id,
          measureSeq: Number(r.seq),
          text: r.text,
          kind: r.kind as MeasureKind,
          deadline: r.deadline,
          originalDeadline: r.original_deadline,
          acceptanceCriteria: r.acceptance_criteria,
          state: r.state as MeasureState,
          leader: r.leader,
          department: r.department,
          person: r.person,
          cooperatingDepartments: cooperatorsOf.get(r.id) ?? [],
          latestProgress: r.latest_progress ?? null,
          evidenceCount: Number(r.evidence_count ?? 0),
          closedAt: r.closed_at,
          lastApprovalAt: approval?.created_at ?? null,
          lastApprover: approval?.name ?? null,
        };
      });
    },
  };
}
