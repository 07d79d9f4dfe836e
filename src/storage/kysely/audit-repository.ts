// The append-only, hash-chained audit trail. audit_head is updated first, which serialises appends on both databases.

import { createHash } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import type { AuditEntry, AuditEvent, AuditRepository } from "../store.ts";
import type { AuditEventsTable, Database } from "./db-schema.ts";

const GENESIS = "0".repeat(64);

const hashOf = (
  prevHash: string,
  seq: number,
  e: Pick<AuditEntry, "at" | "actor" | "action" | "entity" | "entityId">,
  data: string,
): string =>
  createHash("sha256")
    .update(JSON.stringify([prevHash, seq, e.at, e.actor, e.action, e.entity, e.entityId, data]))
    .digest("hex");

const fromRow = (r: Selectable<AuditEventsTable>): AuditEvent => ({
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  data: JSON.parse(r.data) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function auditRepository(db: Kysely<Database>, _key?: string): AuditRepository {
  return {
    async append(entry) {
      // Taking the head row's write lock first: concurrent appenders queue here instead of forking the chain.
      await db
        .updateTable("audit_head")
        .set({ seq: sql<number>`seq + 1` })
        .where("id", "=", 1)
        .execute();
      const head = await db
        .selectFrom("audit_head")
        .select(["seq", "hash"])
        .where("id", "=", 1)
        .executeTakeFirstOrThrow();
      const seq = Number(head.seq);
      const data = JSON.stringify(entry.data ?? null);
      const hash = hashOf(head.hash, seq, entry, data);
      await db
        .insertInto("audit_events")
        .values({
          seq,
          at: entry.at,
          actor: entry.actor,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId,
          data,
          prev_hash: head.hash,
          hash,
        })
        .execute();
      await db.updateTable("audit_head").set({ hash }).where("id", "=", 1).execute();
      return { ...entry, seq, prevHash: head.hash, hash };
    },
    async listForEntity(entity, entityId) {
      const rows = await db
        .selectFrom("audit_events")
        .selectAll()
        .where("entity", "=", entity)
        .where("entity_id", "=", entityId)
        .orderBy("seq")
        .execute();
      return rows.map(fromRow);
    },
    async verify() {
      let prev = GENESIS;
      let expectedSeq = 1;
      for (let after = 0; ;) {
        const rows = await db
          .selectFrom("audit_events")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(5_000)
          .execute();
        if (rows.length === 0) return null;
        for (const r of rows) {
          const seq = Number(r.seq);
          if (
            seq !== expectedSeq ||
            r.prev_hash !== prev ||
            hashOf(
              prev,
              seq,
              { at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id },
              r.data,
            ) !== r.hash
          ) {
            return seq;
          }
          prev = r.hash;
          expectedSeq += 1;
          after = seq;
        }
      }
    },
  };
}
