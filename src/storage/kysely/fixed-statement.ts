// Statements whose SQL text never changes, only their values: built and compiled by Kysely once per dialect, then
// only run with new values. Kysely otherwise builds and compiles every statement on every call (issue 8's profile:
// ≈ 12 µs a statement under load). Only for statements of one shape whatever the values (no scope conditions,
// no lists of values): the SQL compiled once is reused as it is.

import type { Compilable, CompiledQuery, DialectAdapter, Kysely, QueryResult } from "kysely";
import type { Database } from "./db-schema.ts";

/** Stands for the i-th value while the statement is built; never sent to a database. */
const slot = (i: number): string => `\u0000zhenggai-slot-${i}\u0000`;

interface Template {
  readonly query: CompiledQuery;
  /** Per parameter of the compiled statement: the index of the value it takes, or -1 for a constant kept as built. */
  readonly sources: readonly number[];
}

export type FixedStatement<V extends readonly unknown[], R> = (
  db: Kysely<Database>,
  ...values: V
) => Promise<QueryResult<R>>;

/**
 * A statement built by `build` from placeholders, compiled on first use per dialect (the adapter a database and its
 * transactions share), then run on `db` — the database or a transaction — with the values given.
 */
export function fixedStatement<V extends readonly unknown[], R>(
  arity: V["length"],
  build: (db: Kysely<Database>, ...values: V) => Compilable<R>,
): FixedStatement<V, R> {
  const compiled = new WeakMap<DialectAdapter, Template>();
  const templateFor = (db: Kysely<Database>): Template => {
    const adapter = db.getExecutor().adapter;
    const known = compiled.get(adapter);
    if (known) return known;
    const slots = Array.from({ length: arity }, (_, i) => slot(i)) as unknown as V;
    const query = build(db, ...slots).compile();
    const sources = query.parameters.map((p) => (typeof p === "string" ? slots.indexOf(p) : -1));
    for (let i = 0; i < arity; i++)
      if (!sources.includes(i))
        throw new Error(`fixed statement without a place for value ${i}: ${query.sql}`);
    const template = { query, sources };
    compiled.set(adapter, template);
    return template;
  };
  return async (db, ...values) => {
    const { query, sources } = templateFor(db);
    const parameters = sources.map((source, i) => (source === -1 ? query.parameters[i] : values[source]));
    return db.executeQuery<R>({ ...query, parameters });
  };
}
