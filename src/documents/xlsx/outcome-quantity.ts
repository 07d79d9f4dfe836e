// How an outcome's quantity is written in a ledger workbook: a number cell, money in 万元, and the unit it is
// counted in — the one its source sentence names beside the figure (47人, 7个, 150场次), else the kind's.
// Pure. The import reads 计量单位 back (万元 → 元 exactly), so what is written here must stay exact.

import { MONEY_OUTCOME_KINDS, type OutcomeKind } from "../../domain/outcome.ts";

const KIND_UNITS: Record<OutcomeKind, string> = {
  rules_new: "项",
  rules_revised: "项",
  funds_returned: "万元",
  funds_recovered: "万元",
  losses_recovered: "万元",
  people_accountable: "人",
  // Talks are counted per person talked to, a person possibly twice.
  admonition_talks: "人次",
  clues_transferred: "条",
  meetings: "次",
  lectures: "次",
  trainings: "次",
  other: "项",
};

/** Units a source sentence may put right after a count; 名 is a person. Longer words first. */
const COUNT_UNIT =
  /^(?:余|多)?(人次|场次|名|人|个|项|次|场|条|篇|件|期|批|家|所|户|份|部|本|处|起|类|轮|门|支)/u;

/** The unit a count is in: named beside the figure in `note`, else the kind's; money is always 万元. */
export function outcomeUnit(kind: OutcomeKind, quantity: string, note: string | null): string {
  if (MONEY_OUTCOME_KINDS.has(kind) || note === null) return KIND_UNITS[kind];
  // Figures may be written with thousands separators (1,350个).
  const text = note.replace(/(\d)[,，](?=\d{3})/g, "$1");
  for (let at = text.indexOf(quantity); at >= 0; at = text.indexOf(quantity, at + 1)) {
    const before = text[at - 1];
    if (before !== undefined && /[\d.]/.test(before)) continue;
    const unit = COUNT_UNIT.exec(text.slice(at + quantity.length))?.[1];
    if (unit !== undefined) return unit === "名" ? "人" : unit;
  }
  return KIND_UNITS[kind];
}

/** The unit a kind is counted in when nothing else says (成效统计 rows without outcomes). */
export const kindUnit = (kind: OutcomeKind): string => KIND_UNITS[kind];

/**
 * The quantity as a number cell: a count as is, money (a decimal string of 元) in 万元 by moving the decimal
 * point four places in the string, so 12345.67 元 is exactly the number 1.234567.
 */
export function quantityNumber(kind: OutcomeKind, quantity: string): number {
  if (!MONEY_OUTCOME_KINDS.has(kind)) return Number(quantity);
  const [whole = "0", frac = ""] = quantity.split(".");
  const digits = whole.padStart(5, "0");
  return Number(`${digits.slice(0, -4)}.${digits.slice(-4)}${frac}`);
}

/** Number format of a quantity cell: 万元 to the 元 at most (six decimals), counts whole. */
export const quantityFormat = (kind: OutcomeKind): string =>
  MONEY_OUTCOME_KINDS.has(kind) ? "#,##0.00####" : "#,##0";
