// Prepared statements kept for reuse: Kysely's SQLite driver prepares every statement on every call, which was
// the largest single cost of a ledger read (issue 8: 353 µs → 243 µs with statements prepared once).

import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** How many distinct SQL texts are kept; the store issues a few hundred shapes at most. */
const CAPACITY = 500;

/**
 * The database as Kysely sees it, with `prepare` answered from a least-recently-used cache. Safe because the
 * driver holds its single connection for a whole query (or stream), so a cached statement never runs twice at
 * once; SQLite re-prepares a statement by itself when a migration changed the schema.
 */
export function withStatementCache(native: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      native.close();
    },
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit) {
        // Re-insert: a Map iterates in insertion order, so its first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = native.prepare(sql) as unknown as SqliteStatement;
      cache.set(sql, statement);
      if (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}
