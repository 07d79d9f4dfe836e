// Outcomes (成效) and the rectification plan (leading group, meetings, next-step items).

import { sql, type Kysely } from "kysely";
import type { OutcomeKind } from "../../domain/outcome.ts";
import type { NarrativeParagraph } from "../../domain/plan.ts";
import type { Scope } from "../../domain/scope.ts";
import type { InspectionFilter, OutcomeRepository, PlanRepository } from "../store.ts";
import type { Database } from "./db-schema.ts";
import { attachedVisible, inspectionIdsMatching, inspectionVisible } from "./visibility.ts";
import { outcomeFromRow, outcomeToRow } from "./row-mappers.ts";
import { chunkRows } from "./scope-filter.ts";

export function outcomeRepository(db: Kysely<Database>): OutcomeRepository {
  return {
    async insertMany(outcomes) {
      for (const chunk of chunkRows(outcomes, 8))
        await db.insertInto("outcomes").values(chunk.map(outcomeToRow)).execute();
    },
    async listByInspection(scope: Scope, inspectionId: string) {
      const rows = await db
        .selectFrom("outcomes")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(
          attachedVisible(db, scope, {
            inspectionId: "outcomes.inspection_id",
            problemId: "outcomes.problem_id",
            measureId: "outcomes.measure_id",
          }),
        )
        .orderBy("id")
        .execute();
      return rows.map(outcomeFromRow);
    },
    async quantityCounts(scope: Scope, filter: InspectionFilter = {}) {
      const inspections = inspectionIdsMatching(db, scope, filter);
      const rows = await db
        .selectFrom("outcomes")
        .select(["kind", "quantity", sql<number>`count(*)`.as("n")])
        .where("inspection_id", "in", inspections)
        .groupBy(["kind", "quantity"])
        .execute();
      return rows.map((r) => ({ kind: r.kind as OutcomeKind, quantity: r.quantity, count: Number(r.n) }));
    },
  };
}

export function planRepository(db: Kysely<Database>): PlanRepository {
  return {
    async setLeadingGroup(group) {
      await db.deleteFrom("leading_groups").where("inspection_id", "=", group.inspectionId).execute();
      await db
        .insertInto("leading_groups")
        .values({
          inspection_id: group.inspectionId,
          leader: group.leader,
          members: JSON.stringify(group.members),
        })
        .execute();
    },
    async setNarrative(narrative) {
      await db.deleteFrom("notice_narratives").where("inspection_id", "=", narrative.inspectionId).execute();
      await db
        .insertInto("notice_narratives")
        .values({
          inspection_id: narrative.inspectionId,
          issuer_name: narrative.issuerName,
          organisation: JSON.stringify(narrative.organisation),
          plan_lead: narrative.planLead,
          contact: narrative.contact,
        })
        .execute();
    },
    async insertMeetings(meetings) {
      for (const chunk of chunkRows(meetings, 4)) {
        await db
          .insertInto("plan_meetings")
          .values(
            chunk.map((m) => ({
              id: m.id,
              inspection_id: m.inspectionId,
              held_on: m.heldOn,
              title: m.title,
            })),
          )
          .execute();
      }
    },
    async insertItems(items) {
      for (const chunk of chunkRows(items, 5)) {
        await db
          .insertInto("plan_items")
          .values(
            chunk.map((i) => ({
              id: i.id,
              inspection_id: i.inspectionId,
              seq: i.seq,
              text: i.text,
              deadline: i.deadline,
            })),
          )
          .execute();
      }
    },
    async get(scope: Scope, inspectionId: string) {
      const visible = inspectionVisible(db, scope, "inspection_id");
      const group = await db
        .selectFrom("leading_groups")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(visible)
        .executeTakeFirst();
      const meetings = await db
        .selectFrom("plan_meetings")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(visible)
        .orderBy("held_on")
        .orderBy("id")
        .execute();
      const items = await db
        .selectFrom("plan_items")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(visible)
        .orderBy("seq")
        .execute();
      return {
        leadingGroup: group && {
          inspectionId: group.inspection_id,
          leader: group.leader,
          members: JSON.parse(group.members) as string[],
        },
        meetings: meetings.map((m) => ({
          id: m.id,
          inspectionId: m.inspection_id,
          heldOn: m.held_on,
          title: m.title,
        })),
        items: items.map((i) => ({
          id: i.id,
          inspectionId: i.inspection_id,
          seq: Number(i.seq),
          text: i.text,
          deadline: i.deadline,
        })),
      };
    },
    async getNarrative(scope: Scope, inspectionId: string) {
      const row = await db
        .selectFrom("notice_narratives")
        .selectAll()
        .where("inspection_id", "=", inspectionId)
        .where(inspectionVisible(db, scope, "inspection_id"))
        .executeTakeFirst();
      return (
        row && {
          inspectionId: row.inspection_id,
          issuerName: row.issuer_name,
          organisation: JSON.parse(row.organisation) as NarrativeParagraph[],
          planLead: row.plan_lead,
          contact: row.contact,
        }
      );
    },
  };
}
