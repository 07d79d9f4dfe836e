// The append-only, hash-chained audit trail: keyed (HMAC-SHA256) when the store holds the audit key, and its checks.
// audit_head is updated first, which serialises appends on both databases. The key is never logged or stored.

import { createHash, createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { sql, type Kysely, type Selectable } from "kysely";
import { DomainError } from "../../domain/domain-error.ts";
import type {
  AuditAlgorithm,
  AuditBreak,
  AuditChainReport,
  AuditCheckpoint,
  AuditCheckpointClaim,
  AuditEntry,
  AuditEvent,
  AuditRepository,
} from "../store.ts";
import type { AuditEventsTable, Database } from "./db-schema.ts";
import { fixedStatement } from "./fixed-statement.ts";

const GENESIS = "0".repeat(64);
const PAGE = 5_000;

type Chained = Pick<AuditEntry, "at" | "actor" | "action" | "entity" | "entityId">;

/** The bytes an event's hash covers; the same for both algorithms, so legacy rows keep their hashes. */
const payload = (prevHash: string, seq: number, e: Chained, data: string): string =>
  JSON.stringify([prevHash, seq, e.at, e.actor, e.action, e.entity, e.entityId, data]);

/** The hash of an event under `alg`; undefined when it cannot be computed here (keyed without a key, unknown alg). */
function hashOf(
  alg: string,
  key: KeyObject | undefined,
  prevHash: string,
  seq: number,
  e: Chained,
  data: string,
): string | undefined {
  const bytes = payload(prevHash, seq, e, data);
  if (alg === "sha256") return createHash("sha256").update(bytes).digest("hex");
  if (alg === "hmac-sha256" && key) return createHmac("sha256", key).update(bytes).digest("hex");
  return undefined;
}

const chainedOf = (r: Selectable<AuditEventsTable>): Chained => ({
  at: r.at,
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
});

const fromRow = (r: Selectable<AuditEventsTable>): AuditEvent => ({
  ...chainedOf(r),
  seq: Number(r.seq),
  data: JSON.parse(r.data) as unknown,
  prevHash: r.prev_hash,
  hash: r.hash,
  alg: r.alg as AuditAlgorithm,
});

/** Does the stored hash match a checkpoint's hash (a person may give only a prefix)? */
const matches = (hash: string, claim: AuditCheckpoint): boolean =>
  claim.hash.length > 0 && hash.toLowerCase().startsWith(claim.hash.toLowerCase());

/** The first seq that disagrees between the head row and the newest event. */
function headBreak(head: AuditCheckpoint, last: AuditCheckpoint): AuditBreak | null {
  if (head.seq === last.seq && head.hash === last.hash) return null;
  const seq = head.seq > last.seq ? last.seq + 1 : head.seq < last.seq ? head.seq + 1 : last.seq;
  return { seq, kind: "head_mismatch", head, last };
}

/** The event's data with the request id beside it (a non-object payload is kept under `value`). */
const withRequestId = (data: unknown, requestId: string | undefined): unknown =>
  requestId === undefined
    ? data
    : typeof data === "object" && data !== null && !Array.isArray(data)
      ? { ...data, requestId }
      : { value: data, requestId };

// The append's statements, compiled once (fixed-statement.ts): every write of the app runs them.
const lockHead = fixedStatement(0, (db) =>
  db
    .updateTable("audit_head")
    .set({ seq: sql<number>`seq + 1` })
    .where("id", "=", 1)
    .returning([
      "seq",
      "hash",
      sql<string | null>`(select e.alg from audit_events e where e.seq = audit_head.seq - 1)`.as("prev_alg"),
    ]),
);

type EventValues = [
  seq: number,
  at: string,
  actor: string,
  action: string,
  entity: string,
  entityId: string,
  data: string,
  prevHash: string,
  hash: string,
  alg: string,
];
const eventRow = (...[seq, at, actor, action, entity, entityId, data, prevHash, hash, alg]: EventValues) => ({
  seq,
  at,
  actor,
  action,
  entity,
  entity_id: entityId,
  data,
  prev_hash: prevHash,
  hash,
  alg,
});
const insertEvent = fixedStatement(10, (db, ...values: EventValues) =>
  db.insertInto("audit_events").values(eventRow(...values)),
);
const setHeadHash = fixedStatement(1, (db, hash: string) =>
  db.updateTable("audit_head").set({ hash }).where("id", "=", 1),
);
const insertEventAndHead = fixedStatement(10, (db, ...values: EventValues) =>
  db
    .with("appended", (q) => q.insertInto("audit_events").values(eventRow(...values)))
    .updateTable("audit_head")
    .set({ hash: values[8] })
    .where("id", "=", 1),
);

/**
 * `key`: the audit key, as configured or already made a KeyObject (the store makes it once, not per transaction);
 * `dialect`: PostgreSQL appends in fewer round trips.
 */
export function auditRepository(
  db: Kysely<Database>,
  key?: string | KeyObject,
  dialect: "sqlite" | "postgres" = "sqlite",
): AuditRepository {
  const secret = typeof key === "string" ? createSecretKey(Buffer.from(key, "utf8")) : key;
  const appendAlg: AuditAlgorithm = secret ? "hmac-sha256" : "sha256";

  const readHead = async (): Promise<AuditCheckpoint> => {
    const head = await db
      .selectFrom("audit_head")
      .select(["seq", "hash"])
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    return { seq: Number(head.seq), hash: head.hash };
  };

  /** The own-hash and keyed-rule checks of the newest event (those that need no other row). */
  const lastEventBreak = (r: Selectable<AuditEventsTable>): AuditBreak | null => {
    const seq = Number(r.seq);
    const computed = hashOf(r.alg, secret, r.prev_hash, seq, chainedOf(r), r.data);
    if (computed === undefined && r.alg === "hmac-sha256") return null; // no key here: cannot tell
    if (computed !== r.hash) return { seq, kind: "hash_mismatch" };
    if (secret && r.alg === "sha256") return { seq, kind: "unkeyed_last" };
    return null;
  };

  const repository: AuditRepository = {
    async append(entry) {
      // Taking the head row's write lock first: concurrent appenders queue here instead of forking the chain. Every
      // writer waits for the lock until the holder commits (PostgreSQL), so the statements after it are as few as
      // can be: this one also reads the new seq, the previous hash and the previous event's algorithm.
      const locked = (await lockHead(db)).rows[0];
      if (locked === undefined) throw new Error("audit_head row missing");
      const head = { seq: Number(locked.seq), hash: locked.hash };
      const seq = head.seq;
      if (!secret && seq > 1 && locked.prev_alg === "hmac-sha256") {
        throw new DomainError(
          "audit_key_required",
          "审计链已使用密钥（HMAC）记录，未配置审计密钥（ZHENGGAI_AUDIT_KEY 或 ZHENGGAI_AUDIT_KEY_FILE）时不能写入",
        );
      }
      const data = JSON.stringify(withRequestId(entry.data ?? null, entry.requestId));
      const hash = hashOf(appendAlg, secret, head.hash, seq, entry, data) as string;
      const values = [
        seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.entity,
        entry.entityId,
        data,
        head.hash,
        hash,
      ] as const;
      if (dialect === "postgres") {
        // One round trip for the event and the head (a data-modifying WITH); SQLite has none, and needs none.
        await insertEventAndHead(db, ...values, appendAlg);
      } else {
        await insertEvent(db, ...values, appendAlg);
        await setHeadHash(db, hash);
      }
      return { ...entry, seq, prevHash: head.hash, hash, alg: appendAlg };
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

    async head() {
      const last = await db
        .selectFrom("audit_events")
        .select(["seq", "hash"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirst();
      return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS };
    },

    async checkHead() {
      // One statement, so that a concurrent append cannot slip between reading the head and the newest event.
      const row = await db
        .selectFrom("audit_head as h")
        .leftJoin("audit_events as e", (j) => j.on(sql<boolean>`e.seq = (select max(seq) from audit_events)`))
        .select([
          "h.seq as head_seq",
          "h.hash as head_hash",
          "e.seq",
          "e.at",
          "e.actor",
          "e.action",
          "e.entity",
          "e.entity_id",
          "e.data",
          "e.prev_hash",
          "e.hash",
          "e.alg",
        ])
        .where("h.id", "=", 1)
        .executeTakeFirstOrThrow();
      const head = { seq: Number(row.head_seq), hash: row.head_hash };
      if (row.seq === null || row.seq === undefined) return headBreak(head, { seq: 0, hash: GENESIS });
      const event = row as Selectable<AuditEventsTable>;
      return headBreak(head, { seq: Number(event.seq), hash: event.hash }) ?? lastEventBreak(event);
    },

    async verifyChain(options = {}) {
      const claims = [...(options.checkpoints ?? [])].sort((a, b) => a.seq - b.seq);
      let nextClaim = 0;
      let checkpointsChecked = 0;
      /** Compares the claims at `seq` with the chain's hash there; the first that fails is the break. */
      const compareClaims = (seq: number, hash: string): AuditBreak | null => {
        while (nextClaim < claims.length && (claims[nextClaim] as AuditCheckpointClaim).seq <= seq) {
          const claim = claims[nextClaim] as AuditCheckpointClaim;
          nextClaim += 1;
          checkpointsChecked += 1;
          if (claim.seq !== seq || !matches(hash, claim))
            return { seq: claim.seq, kind: "checkpoint_mismatch", checkpoint: claim };
        }
        return null;
      };

      const head = await readHead();
      let events = 0;
      let prev = GENESIS;
      let expectedSeq = 1;
      let firstKeyedSeq: number | null = null;
      let uncheckedKeyed = 0;
      let lastAlg: string | null = null;
      const report = (broken: AuditBreak | null): AuditChainReport => ({
        events,
        head,
        keyAvailable: secret !== undefined,
        firstKeyedSeq,
        uncheckedKeyed,
        checkpointsChecked,
        broken,
      });

      const atGenesis = compareClaims(0, GENESIS);
      if (atGenesis) return report(atGenesis);
      for (let after = 0; ;) {
        const rows = await db
          .selectFrom("audit_events")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(PAGE)
          .execute();
        for (const r of rows) {
          const seq = Number(r.seq);
          events += 1;
          if (seq !== expectedSeq) return report({ seq: expectedSeq, kind: "seq_gap" });
          if (r.alg === "hmac-sha256") firstKeyedSeq ??= seq;
          else if (firstKeyedSeq !== null) return report({ seq, kind: "unkeyed_after_keyed" });
          if (r.prev_hash !== prev) return report({ seq, kind: "prev_link" });
          const computed = hashOf(r.alg, secret, prev, seq, chainedOf(r), r.data);
          if (computed === undefined && r.alg === "hmac-sha256") uncheckedKeyed += 1;
          else if (computed !== r.hash) return report({ seq, kind: "hash_mismatch" });
          const claim = compareClaims(seq, r.hash);
          if (claim) return report(claim);
          prev = r.hash;
          lastAlg = r.alg;
          expectedSeq = seq + 1;
          after = seq;
        }
        if (rows.length < PAGE) break;
      }

      // The walk found no broken link; now what only the end of the chain can show. A missing or rewound end
      // (head, checkpoints beyond it) comes first, smallest seq first; an unkeyed last event only when the end holds.
      const lastSeq = expectedSeq - 1;
      const candidates: AuditBreak[] = [];
      const atHead = headBreak(head, { seq: lastSeq, hash: prev });
      if (atHead) candidates.push(atHead);
      const beyond = claims[nextClaim];
      if (beyond) {
        checkpointsChecked += 1;
        candidates.push({ seq: beyond.seq, kind: "checkpoint_mismatch", checkpoint: beyond });
      }
      if (candidates.length === 0 && secret && lastAlg === "sha256")
        candidates.push({ seq: lastSeq, kind: "unkeyed_last" });
      const first = candidates.reduce<AuditBreak | null>(
        (a, b) => (a === null || b.seq < a.seq ? b : a),
        null,
      );
      return report(first);
    },

    async verify() {
      const r = await repository.verifyChain();
      return r.broken?.seq ?? (r.uncheckedKeyed > 0 ? r.firstKeyedSeq : null);
    },
  };
  return repository;
}
