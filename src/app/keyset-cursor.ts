// Opaque page cursors for lists ordered by an optional date, then id (inspections by feedback date, measures by
// deadline): base64url of [date | null, id]. A cursor not made here is refused with a Chinese message.

import { DomainError } from "../domain/domain-error.ts";

export interface KeysetPosition {
  /** YYYY-MM-DD or null (rows without a date sort last). */
  readonly date: string | null;
  readonly id: string;
}

export function encodeKeyset(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.date, position.id])).toString("base64url");
}

const badCursor = (): DomainError =>
  new DomainError("invalid_input", "翻页游标无效，请从第一页重新查询", [
    { path: "cursor", code: "invalid_cursor", message: "翻页游标无效或已损坏" },
  ]);

/** The position a cursor names; a cursor that was not made by encodeKeyset is refused. */
export function decodeKeyset(cursor: string): KeysetPosition {
  const [date, id] = decodeKeyPair(
    cursor,
    (key): key is string | null =>
      key === null || (typeof key === "string" && /^\d{4}-\d{2}-\d{2}$/.test(key)),
  );
  return { date, id };
}

/** A cursor's [key, id] pair, made as base64url JSON; refused unless `keyOk` accepts its key. */
export function decodeKeyPair<K>(cursor: string, keyOk: (key: unknown) => key is K): [K, string] {
  if (cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(value) || value.length !== 2) throw badCursor();
  const [key, id] = value as unknown[];
  if (!keyOk(key) || typeof id !== "string" || id.length === 0 || id.length > 100) throw badCursor();
  return [key, id];
}
