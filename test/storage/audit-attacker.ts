// What someone with SQL access but without the audit key can do to the trail: edit rows, recompute the chain with
// the published (unkeyed) algorithm, delete the newest events, rewind the head. For tests only.

import { createHash } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../src/storage/kysely/open-database.ts";

/** Plain SQL on the same database as a store, with `?` placeholders on both databases. */
export interface RawDatabase {
  all(text: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  run(text: string, params?: readonly unknown[]): Promise<void>;
  close(): Promise<void>;
}

export async function rawDatabase(target: DatabaseTarget): Promise<RawDatabase> {
  if (target.kind === "sqlite") {
    const db = new BetterSqlite3(target.file);
    return {
      all: (text, params = []) =>
        Promise.resolve(db.prepare(text).all(...params) as Record<string, unknown>[]),
      run: (text, params = []) => {
        db.prepare(text).run(...params);
        return Promise.resolve();
      },
      close: () => {
        db.close();
        return Promise.resolve();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  let n = 0;
  const numbered = (text: string) => text.replace(/\?/g, () => `$${++n}`);
  return {
    all: async (text, params = []) => {
      n = 0;
      return (await client.query(numbered(text), [...params])).rows as Record<string, unknown>[];
    },
    run: async (text, params = []) => {
      n = 0;
      await client.query(numbered(text), [...params]);
    },
    close: () => client.end(),
  };
}

const GENESIS = "0".repeat(64);

/** The unkeyed hash, as anyone reading the source can compute it. */
const sha256Of = (prevHash: string, seq: number, r: Record<string, unknown>): string =>
  createHash("sha256")
    .update(JSON.stringify([prevHash, seq, r.at, r.actor, r.action, r.entity, r.entity_id, r.data]))
    .digest("hex");

export async function editEventData(raw: RawDatabase, seq: number, data: unknown): Promise<void> {
  await raw.run("update audit_events set data = ? where seq = ?", [JSON.stringify(data), seq]);
}

/**
 * Recomputes every event from `fromSeq` on with plain sha-256, so that links and hashes agree again, and moves
 * the head along. `relabel` also marks those events as unkeyed (what an attacker must do for them to be checked
 * with sha-256 at all).
 */
export async function recomputeUnkeyed(
  raw: RawDatabase,
  options: { fromSeq: number; relabel: boolean },
): Promise<void> {
  const rows = await raw.all("select * from audit_events order by seq");
  let prev = GENESIS;
  for (const r of rows) {
    const seq = Number(r.seq);
    if (seq >= options.fromSeq) {
      const hash = sha256Of(prev, seq, r);
      await raw.run(
        `update audit_events set prev_hash = ?, hash = ?${options.relabel ? ", alg = 'sha256'" : ""} where seq = ?`,
        [prev, hash, seq],
      );
      prev = hash;
    } else {
      prev = String(r.hash);
    }
  }
  await raw.run("update audit_head set hash = ? where id = 1", [prev]);
}

/** Deletes the events from `fromSeq` on; `rewindHead` also sets the head to the event before. */
export async function truncateFrom(
  raw: RawDatabase,
  fromSeq: number,
  options: { rewindHead: boolean },
): Promise<void> {
  await raw.run("delete from audit_events where seq >= ?", [fromSeq]);
  if (!options.rewindHead) return;
  const [last] = await raw.all("select seq, hash from audit_events where seq = ?", [fromSeq - 1]);
  await raw.run("update audit_head set seq = ?, hash = ? where id = 1", [
    fromSeq - 1,
    last ? String(last.hash) : GENESIS,
  ]);
}
