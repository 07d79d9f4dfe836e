// The figures the store must reproduce from the synthetic ledger, accumulated while it streams.

import { countLedger, type LedgerCounts, type ProblemTally } from "../src/domain/ledger-statistics.ts";
import { fenToYuan, yuanToFen } from "../src/domain/money.ts";
import { MONEY_OUTCOME_KINDS, OUTCOME_KINDS, type OutcomeKind } from "../src/domain/outcome.ts";
import { REFERENCE_DATE, type UnitLedger } from "./synthetic-ledger.ts";

/** Rows of each table (measure_cooperators included), for load rates and sanity checks. */
export type TableCounts = Record<
  | "orgs"
  | "people"
  | "inspections"
  | "aspects"
  | "problems"
  | "measures"
  | "measure_cooperators"
  | "progress_reports"
  | "outcomes",
  number
>;

/** What the generated ledger must look like from the store, accumulated while streaming. */
export class LedgerTruth {
  readonly rows: TableCounts = {
    orgs: 0,
    people: 0,
    inspections: 0,
    aspects: 0,
    problems: 0,
    measures: 0,
    measure_cooperators: 0,
    progress_reports: 0,
    outcomes: 0,
  };
  readonly byInspection = new Map<string, LedgerCounts>();
  /** Per department: in_progress measures overdue on REFERENCE_DATE, and all its measures. */
  readonly departments = new Map<string, { inProgressOverdue: number; measures: number }>();
  readonly outcomeFen = new Map<OutcomeKind, bigint>(OUTCOME_KINDS.map((k) => [k, 0n]));
  overdue = 0;
  private readonly allTallies: ProblemTally[] = [];

  add(unit: UnitLedger): void {
    this.rows.orgs += unit.orgs.length;
    this.rows.people += unit.people.length;
    this.rows.inspections += 1;
    this.rows.aspects += unit.aspects.length;
    this.rows.problems += unit.problems.length;
    this.rows.measures += unit.measures.length;
    this.rows.measure_cooperators += unit.measures.reduce((s, m) => s + m.cooperatingDepartmentIds.length, 0);
    this.rows.progress_reports += unit.reports.length;
    this.rows.outcomes += unit.outcomes.length;
    this.byInspection.set(unit.inspection.id, countLedger(unit.tallies));
    this.allTallies.push(...unit.tallies);
    for (const m of unit.measures) {
      const overdue = m.state !== "closed" && m.deadline !== null && m.deadline < REFERENCE_DATE;
      if (overdue) this.overdue += 1;
      if (m.departmentId === null) continue;
      const d = this.departments.get(m.departmentId) ?? { inProgressOverdue: 0, measures: 0 };
      d.measures += 1;
      if (overdue && m.state === "in_progress") d.inProgressOverdue += 1;
      this.departments.set(m.departmentId, d);
    }
    for (const o of unit.outcomes) {
      const amount = MONEY_OUTCOME_KINDS.has(o.kind) ? yuanToFen(o.quantity) : BigInt(o.quantity);
      this.outcomeFen.set(o.kind, (this.outcomeFen.get(o.kind) ?? 0n) + amount);
    }
  }

  get totalRows(): number {
    return Object.values(this.rows).reduce((s, n) => s + n, 0);
  }

  /** Counts over every problem, as summarizeInspections must report them. */
  total(): LedgerCounts {
    return countLedger(this.allTallies);
  }

  /** Outcome totals formatted as totalOutcomes formats them. */
  outcomeTotals(): Record<OutcomeKind, string> {
    return Object.fromEntries(
      OUTCOME_KINDS.map((k) => {
        const sum = this.outcomeFen.get(k) ?? 0n;
        return [k, MONEY_OUTCOME_KINDS.has(k) ? fenToYuan(sum) : String(sum)];
      }),
    ) as Record<OutcomeKind, string>;
  }

  /** The `n` departments with the most in-progress overdue measures (then most measures, then id). */
  busiestDepartments(n: number): Array<{ id: string; inProgressOverdue: number; measures: number }> {
    return [...this.departments]
      .map(([id, d]) => ({ id, ...d }))
      .sort(
        (a, b) =>
          b.inProgressOverdue - a.inProgressOverdue || b.measures - a.measures || (a.id < b.id ? -1 : 1),
      )
      .slice(0, n);
  }
}
