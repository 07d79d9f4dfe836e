// PostgreSQL statements prepared once per connection: Kysely sends every query as an unnamed statement, which the
// server parses and plans again on each call (issue 8: a ledger read is ~16 of them). Named by a digest of the SQL
// text, pg parses a name only the first time a connection sees it. Must not change what a query answers.

import { createHash } from "node:crypto";
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";

/** Distinct SQL texts named per connection; later ones run unnamed (a connection never holds more plans than this). */
export const NAMED_PER_CONNECTION = 300;

/** Only plain DML is named: transaction control and DDL stay one-off (a DDL's effect must not meet a stale plan). */
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

const TRANSACTION_START = /^\s*(begin|start transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback)\b/i;

/** PostgreSQL refuses to run a named statement whose result columns changed since it was planned (SQLSTATE 0A000). */
const isStalePlan = (e: unknown): boolean =>
  (e as { code?: unknown }).code === "0A000" && /cached plan must not change result type/.test(String(e));

const nameOf = (sql: string): string => `zg_${createHash("sha1").update(sql).digest("hex").slice(0, 24)}`;

export interface NamingPool extends PostgresPool {
  /**
   * Starts naming statements. Called once migrations are done: a named `select *` planned before a migration
   * changes its table would fail afterwards ("cached plan must not change result type").
   */
  enable(this: void): void;
  /** How many named statements each connection was asked to run, and how many of those it parsed (for tests). */
  readonly stats: { named: number; parsed: number };
}

/** The pool as Kysely's PostgreSQL dialect sees it, with statements named once enabled. */
export function namingStatements(pool: pg.Pool): NamingPool {
  let enabled = false;
  const stats = { named: 0, parsed: 0 };
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const names = new Map<string, string>(); // SQL text → its name on this connection
    let renamed = 0;
    let inTransaction = false;
    const query = async (
      sqlOrCursor: string | PostgresCursor<unknown>,
      parameters?: ReadonlyArray<unknown>,
    ) => {
      if (typeof sqlOrCursor !== "string") return client.query(sqlOrCursor as never);
      const text = sqlOrCursor;
      const values = [...(parameters ?? [])];
      if (TRANSACTION_START.test(text)) inTransaction = true;
      else if (TRANSACTION_END.test(text)) inTransaction = false;
      if (!enabled || !NAMEABLE.test(text)) return client.query(text, values);
      let name = names.get(text);
      if (name === undefined) {
        if (names.size >= NAMED_PER_CONNECTION) return client.query(text, values);
        name = nameOf(text);
        names.set(text, name);
        stats.parsed += 1;
      }
      stats.named += 1;
      try {
        return await client.query({ name, text, values });
      } catch (e) {
        if (!isStalePlan(e)) throw e;
        // Another process changed a table since this connection planned the statement (a migration while the server
        // runs): plan it again under a new name. Inside a transaction the error has aborted it, so it stands.
        renamed += 1;
        names.set(text, `${nameOf(text)}_${renamed}`);
        stats.parsed += 1;
        if (inTransaction) throw e;
        return client.query({ name: names.get(text), text, values });
      }
    };
    return {
      query: query as unknown as PostgresPoolClient["query"],
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (wrapped === undefined) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
    enable: () => {
      enabled = true;
    },
    stats,
  };
}
