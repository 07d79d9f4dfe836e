// LIKE patterns for a literal piece of text: a search for "100%" or "a_b" must find those characters, not treat them
// as wildcards. Used with `escape '\'`, which SQLite and PostgreSQL both accept.

import { sql, type Expression, type RawBuilder, type SqlBool } from "kysely";

/** `text` with LIKE's wildcards (`%`, `_`) and the escape character itself (`\`) escaped by `\`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * True where `column` contains `text` literally, ignoring case as the database's lower() does (ASCII letters on
 * SQLite, every cased letter on PostgreSQL: both sides are lowered by the same function, so the exact spelling
 * always matches).
 */
export function containsText(column: Expression<string>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like lower(${`%${escapeLike(text)}%`}) escape '\\'`;
}
