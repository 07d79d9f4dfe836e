// A large ledger reaches the page in two answers: its head first (whole problems until the first screen's measures,
// with the whole ledger's counts), drawn at once, then the whole ledger. Measured in docs/benchmarks.md "Web UI":
// the whole answer of 5,000 measures is ≈ 2.9 MB, and its transfer and parsing were most of the time to first rows.
// Shared by the entry's early request (early-requests.ts) and the ledger page (use-ledger.ts), so both ask for the
// same address.
import { ledgerFiltersOf } from "./routes.ts";

/** More than a desktop or phone screen shows, so that the first scroll finds rows too. */
export const FIRST_SCREEN_MEASURES = 60;

/** The head's query, as the API client sends it. */
export const LEDGER_HEAD_QUERY = { firstMeasures: FIRST_SCREEN_MEASURES } as const;

/**
 * Whether the page asks for the head first: not when its address sets filters (a figure of the dashboard leads
 * there), since the head would be rows the filters may hide.
 */
export function asksHeadFirst(search: string): boolean {
  const linked = ledgerFiltersOf(search);
  return linked.states.length === 0 && !linked.overdue && linked.departmentId === "";
}

/** The address of the ledger's first answer for a page opened at `search`. */
export function firstLedgerUrl(inspectionId: string, search: string): string {
  const whole = `/api/v1/inspections/${encodeURIComponent(inspectionId)}/ledger`;
  return asksHeadFirst(search)
    ? `${whole}?${new URLSearchParams(stringValues(LEDGER_HEAD_QUERY)).toString()}`
    : whole;
}

function stringValues(query: Readonly<Record<string, number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}
