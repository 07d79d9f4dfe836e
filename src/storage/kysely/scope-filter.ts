// Turns a Scope into a SQL condition on an org path column. Prefix test by substr, not LIKE: ids may hold '_'.

import { sql, type Expression, type SqlBool } from "kysely";
import type { Scope } from "../../domain/scope.ts";

/** A condition that is true when the org path in `pathColumn` lies in one of the scope's subtrees. */
export function pathInScope(scope: Scope, pathColumn: string): Expression<SqlBool> {
  if (scope.kind === "all") return sql<SqlBool>`1 = 1`;
  if (scope.paths.length === 0) return sql<SqlBool>`1 = 0`;
  const col = sql.ref(pathColumn);
  const parts = scope.paths.map((p) => sql`substr(${col}, 1, ${p.length}) = ${p}`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** Insert rows in chunks sized by the columns the rows really have (so a new column cannot overflow the limit). */
export const chunkRecords = <T extends object>(rows: readonly T[]): T[][] =>
  rows.length === 0 ? [] : chunkRows(rows, Object.keys(rows[0]!).length);

/** Rows per insert statement so that rows × columns stays under SQLite's and PostgreSQL's parameter limits. */
export const chunkRows = <T>(rows: readonly T[], columns: number): T[][] => {
  const size = Math.max(1, Math.floor(30_000 / columns));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
};
