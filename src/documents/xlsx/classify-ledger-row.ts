// What a non-blank row below a ledger header is: data, an aspect heading across the table (一、…方面), a
// totals row (合计), a signature line (填报人：…), a closing note (注：…), or text only in unread columns.
// Pure; decides from the row's cells and the header's columns, never from one file's layout.

import type { LedgerField } from "./ledger-columns.ts";
import { problemTitle } from "./problem-title.ts";

/** A non-empty cell of a row; `filled` when its value came from a merged range above or to the left. */
export interface RowCell {
  readonly column: number;
  readonly text: string;
  readonly filled: boolean;
}

export type RowRole =
  | { readonly role: "data" }
  | { readonly role: "aspect_heading"; readonly aspect: string }
  | { readonly role: "totals"; readonly text: string }
  | { readonly role: "signature"; readonly text: string }
  | { readonly role: "footnote"; readonly text: string }
  /** Text only in columns the header did not map; `own` is false when all of it came from merges. */
  | { readonly role: "unmapped"; readonly own: boolean };

// A label that opens a cell (填报单位（盖章）：…); inside a measure's text 联系人： is no signature.
const SIGNATURE =
  /^(填报人|填表人|填报单位|制表人|制表单位|审核人|审核|联系人|联系电话|单位负责人|主要负责人|负责人)\s*(（[^）]*）|\([^)]*\))?\s*[:：]|^(签字|盖章)/;
const TOTALS = /^(合计|总计|小计|共计|汇总)/;
const FOOTNOTE = /^(注|备注|说明|填表说明)\s*[:：]/;
const HEADING_NUMBER = /^[一二三四五六七八九十百]+\s*[、.．]\s*/;
const HEADING_WORDS = /方面(存在)?(的)?(问题)?[:：]?$|^第[一二三四五六七八九十]+部分/;

const squeeze = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** The aspect a heading names: without its numbering and trailing colon. */
export const headingAspect = (text: string): string =>
  problemTitle(text)
    .replace(/[:：]$/, "")
    .trim();

/** Decides a row's role; `columns` are the header's mapped columns. */
export function classifyLedgerRow(
  cells: readonly RowCell[],
  columns: ReadonlyMap<number, LedgerField>,
): RowRole {
  const sorted = [...cells].sort((a, b) => a.column - b.column);
  const first = sorted[0];
  if (first === undefined) return { role: "unmapped", own: false };
  const joined = sorted.map((c) => c.text).join(" ");
  if (sorted.some((c) => SIGNATURE.test(c.text))) return { role: "signature", text: joined };
  if (TOTALS.test(squeeze(first.text))) return { role: "totals", text: joined };
  const distinct = new Set(sorted.map((c) => squeeze(c.text)));
  if (distinct.size === 1) {
    const own = sorted.filter((c) => !c.filled);
    const lone = own.length === 1 ? own[0] : undefined;
    if (FOOTNOTE.test(first.text)) return { role: "footnote", text: first.text };
    // A merged heading spans the table; a lone cell is a heading only when it reads like one and is not a
    // measure (a measure row continuing a problem has text in the measure column alone).
    const spans = sorted.length >= 3 && own.length === 1;
    const readsLikeHeading = HEADING_NUMBER.test(first.text) || HEADING_WORDS.test(squeeze(first.text));
    const inMeasure = lone !== undefined && columns.get(lone.column) === "measure";
    if ((spans || readsLikeHeading) && !inMeasure && own.length > 0)
      return { role: "aspect_heading", aspect: headingAspect(first.text) };
  }
  if (!sorted.some((c) => columns.has(c.column)))
    return { role: "unmapped", own: sorted.some((c) => !c.filled) };
  return { role: "data" };
}
