// The ledger page's rows: aspects in order, each followed by its problems and their measures, flattened into one
// list so that a virtual table draws only what is on screen (issue 11: smooth at 5,000 measures). Pure: no DOM.
import { aspectGroupOf, inLedgerOrder } from "../domain/ledger-order.ts";
import type { MeasureKind, MeasureState } from "../domain/measure.ts";
import type { Ledger, LedgerMeasure, LedgerProblem } from "./models.ts";

export interface LedgerFilters {
  readonly states: readonly MeasureState[];
  readonly kinds: readonly MeasureKind[];
  readonly departmentId: string | null;
  /** The responsible person or the lead leader. */
  readonly personId: string | null;
  readonly overdueOnly: boolean;
  readonly text: string;
}

export const NO_LEDGER_FILTERS: LedgerFilters = {
  states: [],
  kinds: [],
  departmentId: null,
  personId: null,
  overdueOnly: false,
  text: "",
};

export type LedgerRow =
  | { readonly type: "aspect"; readonly key: string; readonly title: string; readonly measures: number }
  | {
      readonly type: "problem";
      readonly key: string;
      readonly problem: LedgerProblem;
      readonly measures: number;
    }
  | {
      readonly type: "measure";
      readonly key: string;
      readonly measure: LedgerMeasure;
      readonly problem: LedgerProblem;
    };

export interface LedgerRows {
  readonly rows: readonly LedgerRow[];
  /** Measures shown, the figure beside the filters. */
  readonly measures: number;
}

export function isFiltering(filters: LedgerFilters): boolean {
  return (
    filters.states.length > 0 ||
    filters.kinds.length > 0 ||
    filters.departmentId !== null ||
    filters.personId !== null ||
    filters.overdueOnly ||
    filters.text !== ""
  );
}

function measureMatches(filters: LedgerFilters, problem: LedgerProblem, m: LedgerMeasure): boolean {
  return (
    (filters.states.length === 0 || filters.states.includes(m.state)) &&
    (filters.kinds.length === 0 || filters.kinds.includes(m.kind)) &&
    (filters.departmentId === null ||
      m.departmentId === filters.departmentId ||
      m.cooperatingDepartmentIds.includes(filters.departmentId)) &&
    (filters.personId === null || m.personId === filters.personId || m.leadLeaderId === filters.personId) &&
    (!filters.overdueOnly || m.overdue) &&
    (filters.text === "" ||
      m.text.includes(filters.text) ||
      problem.title.includes(filters.text) ||
      problem.feedbackText.includes(filters.text))
  );
}

/**
 * Aspects by their number, then problems without an aspect under 其他问题 (domain/ledger-order.ts, the order the
 * server cuts a ledger's head in). With a filter set, only measures that match and the problems and aspects that keep
 * one; without, every problem, also one without measures. Of a ledger's head (`omitted` set), an aspect line counts
 * the aspect's measures in the whole ledger, not only those already drawn.
 */
export function ledgerRows(ledger: Ledger, filters: LedgerFilters): LedgerRows {
  const filtering = isFiltering(filters);
  const aspectIds = new Set(ledger.aspects.map((a) => a.id));
  const titles = new Map(ledger.aspects.map((a) => [a.id, a.title]));
  const wholeLedger = ledger.omitted === undefined ? null : measuresPerAspect(ledger);

  const rows: LedgerRow[] = [];
  let shown = 0;
  let group: { aspectId: string | null; rows: LedgerRow[]; measures: number } | null = null;
  const closeGroup = () => {
    if (group === null || group.rows.length === 0) return;
    const { aspectId } = group;
    const measures = wholeLedger === null ? group.measures : (wholeLedger.get(aspectId) ?? 0);
    const title = aspectId === null ? "其他问题" : (titles.get(aspectId) ?? "");
    rows.push({ type: "aspect", key: `a:${aspectId ?? "none"}`, title, measures }, ...group.rows);
    shown += group.measures;
  };
  for (const problem of inLedgerOrder(ledger.aspects, ledger.problems)) {
    const aspectId = aspectGroupOf(aspectIds, problem);
    if (group === null || group.aspectId !== aspectId) {
      closeGroup();
      group = { aspectId, rows: [], measures: 0 };
    }
    const measures = filtering
      ? problem.measures.filter((m) => measureMatches(filters, problem, m))
      : problem.measures;
    if (filtering && measures.length === 0) continue;
    group.rows.push({ type: "problem", key: `p:${problem.id}`, problem, measures: measures.length });
    for (const measure of measures) group.rows.push({ type: "measure", key: measure.id, measure, problem });
    group.measures += measures.length;
  }
  closeGroup();
  return { rows, measures: shown };
}

/** Each aspect's measures in the whole ledger (the server's counts), and under null those of 其他问题. */
function measuresPerAspect(ledger: Ledger): Map<string | null, number> {
  const counts = new Map<string | null, number>(ledger.aspects.map((a) => [a.id, a.counts.measures]));
  let inAspects = 0;
  for (const aspect of ledger.aspects) inAspects += aspect.counts.measures;
  counts.set(null, ledger.counts.measures - inAspects);
  return counts;
}
