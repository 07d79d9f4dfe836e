// The supervision register (migration 0021): steps of the ladder with their chased measures, the notices' number
// series (a counter row per office and year) and the unit's replies.

import type { Kysely } from "kysely";
import type {
  AdmonitionDetails,
  ChasedMeasure,
  SupervisionAction,
  TalkDetails,
} from "../../domain/supervision-ladder.ts";
import type { SupervisionActionRepository } from "../supervision-action-store.ts";
import type { Database, SupervisionActionMeasuresTable, SupervisionActionsTable } from "./db-schema.ts";

const kindOf = (k: string): SupervisionAction["kind"] =>
  k === "admonition" ? "admonition" : k === "talk" ? "talk" : "notice";

const fromRows = (
  r: SupervisionActionsTable,
  items: readonly SupervisionActionMeasuresTable[],
): SupervisionAction => ({
  id: r.id,
  inspectionId: r.inspection_id,
  kind: kindOf(r.kind),
  docNumber: r.doc_number,
  issuedOn: r.issued_on,
  replyBy: r.reply_by,
  issuingOrgId: r.issuing_org_id,
  issuer: r.issuer,
  actorId: r.actor_id,
  createdAt: r.created_at,
  sha256: r.sha256,
  measures: [...items]
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((i): ChasedMeasure => ({
      measureId: i.measure_id,
      level: i.level === "red" ? "red" : "overdue",
      deadline: i.deadline,
      daysOverdue: Number(i.days_overdue),
    })),
  details: r.details === null ? null : (JSON.parse(r.details) as AdmonitionDetails | TalkDetails),
  reply:
    r.reply_received_on === null
      ? null
      : {
          receivedOn: r.reply_received_on,
          summary: r.reply_summary ?? "",
          evidence: r.reply_evidence,
          recordedBy: r.reply_recorded_by ?? "",
          recordedAt: r.reply_recorded_at ?? "",
        },
});

export function supervisionActionRepository(db: Kysely<Database>): SupervisionActionRepository {
  const withItems = async (rows: SupervisionActionsTable[]): Promise<SupervisionAction[]> => {
    if (rows.length === 0) return [];
    const items = await db
      .selectFrom("supervision_action_measures")
      .selectAll()
      .where(
        "action_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    const byAction = new Map<string, SupervisionActionMeasuresTable[]>();
    for (const i of items) byAction.set(i.action_id, [...(byAction.get(i.action_id) ?? []), i]);
    return rows.map((r) => fromRows(r, byAction.get(r.id) ?? []));
  };
  return {
    async nextNumber({ series, year }) {
      await db
        .insertInto("supervision_number_counters")
        .values({ series, year, last: 0 })
        .onConflict((oc) => oc.columns(["series", "year"]).doNothing())
        .execute();
      const row = await db
        .updateTable("supervision_number_counters")
        .set((eb) => ({ last: eb("last", "+", 1) }))
        .where("series", "=", series)
        .where("year", "=", year)
        .returning("last")
        .executeTakeFirstOrThrow();
      return Number(row.last);
    },
    async docNumberTaken(docNumber) {
      const row = await db
        .selectFrom("supervision_actions")
        .select("id")
        .where("doc_number", "=", docNumber)
        .executeTakeFirst();
      return row !== undefined;
    },
    async insert(a, number) {
      await db
        .insertInto("supervision_actions")
        .values({
          id: a.id,
          inspection_id: a.inspectionId,
          kind: a.kind,
          series: number?.series ?? null,
          year: number?.year ?? null,
          seq: number?.seq ?? null,
          doc_number: a.docNumber,
          issued_on: a.issuedOn,
          reply_by: a.replyBy,
          issuing_org_id: a.issuingOrgId,
          issuer: a.issuer,
          actor_id: a.actorId,
          created_at: a.createdAt,
          sha256: a.sha256,
          details: a.details === null ? null : JSON.stringify(a.details),
          reply_received_on: a.reply?.receivedOn ?? null,
          reply_summary: a.reply?.summary ?? null,
          reply_evidence: a.reply?.evidence ?? null,
          reply_recorded_by: a.reply?.recordedBy ?? null,
          reply_recorded_at: a.reply?.recordedAt ?? null,
        })
        .execute();
      if (a.measures.length === 0) return;
      await db
        .insertInto("supervision_action_measures")
        .values(
          a.measures.map((m, position) => ({
            action_id: a.id,
            measure_id: m.measureId,
            position,
            level: m.level,
            deadline: m.deadline,
            days_overdue: m.daysOverdue,
          })),
        )
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom("supervision_actions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? (await withItems([row]))[0] : undefined;
    },
    async listByInspection(inspectionId) {
      const rows = await db
        .selectFrom("supervision_actions")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .orderBy("issued_on")
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return withItems(rows);
    },
    async recordReply(id, reply) {
      const result = await db
        .updateTable("supervision_actions")
        .set({
          reply_received_on: reply.receivedOn,
          reply_summary: reply.summary,
          reply_evidence: reply.evidence,
          reply_recorded_by: reply.recordedBy,
          reply_recorded_at: reply.recordedAt,
        })
        .where("id", "=", id)
        .where("kind", "=", "notice")
        .where("reply_received_on", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
