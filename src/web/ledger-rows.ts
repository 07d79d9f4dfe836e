// The ledger page's rows: aspects in order, each followed by its problems and their measures, flattened into one
// list so that a virtual table draws only what is on screen (issue 11: smooth at 5,000 measures). Pure: no DOM.
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
 * Aspects by their number, then problems without an aspect under 其他问题. With a filter set, only measures that
 * match and the problems and aspects that keep one; without, every problem, also one without measures.
 */
export function ledgerRows(ledger: Ledger, filters: LedgerFilters): LedgerRows {
  const filtering = isFiltering(filters);
  const byAspect = new Map<string | null, LedgerProblem[]>();
  for (const problem of ledger.problems) {
    const list = byAspect.get(problem.aspectId);
    if (list) list.push(problem);
    else byAspect.set(problem.aspectId, [problem]);
  }
  const groups: { key: string; title: string; problems: readonly LedgerProblem[] }[] = [...ledger.aspects]
    .sort((a, b) => a.seq - b.seq)
    .map((aspect) => ({ key: aspect.id, title: aspect.title, problems: byAspect.get(aspect.id) ?? [] }));
  const loose = byAspect.get(null);
  if (loose) groups.push({ key: "none", title: "其他问题", problems: loose });

  const rows: LedgerRow[] = [];
  let shown = 0;
  for (const group of groups) {
    const groupRows: LedgerRow[] = [];
    let groupMeasures = 0;
    for (const problem of [...group.problems].sort((a, b) => a.seq - b.seq)) {
      const measures = filtering
        ? problem.measures.filter((m) => measureMatches(filters, problem, m))
        : problem.measures;
      if (filtering && measures.length === 0) continue;
      groupRows.push({ type: "problem", key: `p:${problem.id}`, problem, measures: measures.length });
      for (const measure of measures) groupRows.push({ type: "measure", key: measure.id, measure, problem });
      groupMeasures += measures.length;
    }
    if (groupRows.length === 0) continue;
    rows.push(
      { type: "aspect", key: `a:${group.key}`, title: group.title, measures: groupMeasures },
      ...groupRows,
    );
    shown += groupMeasures;
  }
  return { rows, measures: shown };
}
