// What an exported ledger workbook shows, as display-ready rows (the app maps the store's rows to these),
// and the 责任清单 tally the writer accumulates while the measures stream past. Pure.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import { completionRate } from "../../domain/ledger-statistics.ts";
import type { MeasureKind, MeasureState } from "../../domain/measure.ts";
import type { OutcomeKind, SanctionType } from "../../domain/outcome.ts";
import type { Disclosure, ProblemStatus, WithholdingReason } from "../../domain/problem.ts";

export interface XlsxProblemRow {
  /** Only when the workbook spans several units. */
  readonly unit?: string;
  readonly no: number;
  readonly aspect: string | null;
  readonly title: string;
  readonly feedbackText: string;
  readonly symptoms: string | null;
  readonly status: ProblemStatus;
  readonly disclosure: Disclosure;
  readonly withholdingReason: WithholdingReason | null;
}

/** 临期 (due soon) and 逾期 (overdue) colour the 状态 cell; closed measures are green. */
export type DeadlineFlag = "overdue" | "due_soon" | null;

export interface XlsxMeasureRow {
  readonly unit?: string;
  /** Rows of one problem are consecutive and share this key; their problem cells are merged. */
  readonly problemKey: string;
  readonly no: number;
  readonly aspect: string | null;
  readonly problem: string;
  readonly text: string;
  readonly kind: MeasureKind;
  readonly leader: string | null;
  readonly department: string | null;
  readonly person: string | null;
  readonly cooperating: readonly string[];
  readonly deadline: CalendarDate | null;
  readonly progress: string | null;
  readonly state: MeasureState;
  readonly flag: DeadlineFlag;
  readonly evidenceCount: number;
  /** The day its closing review was made; null when not known (a measure already closed when imported). */
  readonly closedOn: CalendarDate | null;
  readonly reviewer: string | null;
  readonly note: string | null;
}

export interface XlsxOutcomeRow {
  readonly unit?: string;
  readonly problemNo: number | null;
  readonly problem: string | null;
  readonly kind: OutcomeKind;
  readonly quantity: string;
  readonly sanctionType: SanctionType | null;
  readonly note: string | null;
}

/**
 * A percentage as written by completionRate ("66.67") → the fraction a percent-formatted cell holds, by
 * moving the decimal point in the string (66.67 / 100 in floating point is 0.6667000000000001).
 */
export function percentToRate(percent: string): number {
  const [whole = "0", frac = ""] = percent.split(".");
  const digits = whole.padStart(3, "0");
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}${frac}`);
}

/** A 汇总 value: text, a count, or a rate (a fraction, shown as a percentage). */
export type SummaryValue = string | number | { readonly rate: number };

export interface LedgerWorkbookContent {
  /** “{单位}巡察整改台账（截至YYYY年M月D日）”. */
  readonly title: string;
  readonly asOf: CalendarDate;
  /** 填报单位 under the title; empty when the workbook spans several units (filled in by hand). */
  readonly reportingUnit: string;
  /** Adds the 被巡察单位 column to the lists. */
  readonly multiUnit: boolean;
  readonly problems: AsyncIterable<XlsxProblemRow>;
  readonly measures: AsyncIterable<XlsxMeasureRow>;
  readonly outcomes: readonly XlsxOutcomeRow[];
  /** 汇总: label → value, in order (counts, completion rate, overdue, the inspection's facts). */
  readonly summary: readonly (readonly [string, SummaryValue])[];
}

export type ResponsibilityRole = "leader" | "department" | "person";
export const RESPONSIBILITY_ROLE_LABELS: Record<ResponsibilityRole, string> = {
  leader: "牵头领导",
  department: "责任部门",
  person: "责任人",
};

export interface ResponsibilityRow {
  readonly role: ResponsibilityRole;
  readonly name: string;
  readonly problems: number;
  readonly measures: number;
  readonly closed: number;
  readonly overdue: number;
  /** Closed on or before the deadline ÷ (closed + overdue), a fraction (0.6667); null when nothing is due. */
  readonly onTimeRate: number | null;
}

interface Tally {
  problems: Set<string>;
  measures: number;
  closed: number;
  overdue: number;
  onTime: number;
}

/** Accumulates 责任清单 figures per leader, department and person as measure rows go by. */
export class ResponsibilityTally {
  private readonly tallies = new Map<string, Tally>();

  add(row: XlsxMeasureRow): void {
    const unitPrefix = row.unit === undefined ? "" : `${row.unit}｜`;
    const roles: [ResponsibilityRole, string | null][] = [
      ["leader", row.leader],
      ["department", row.department],
      ["person", row.person],
    ];
    for (const [role, name] of roles) {
      if (name === null || name === "") continue;
      const key = `${role}\u0000${unitPrefix}${name}`;
      const t = this.tallies.get(key) ?? {
        problems: new Set<string>(),
        measures: 0,
        closed: 0,
        overdue: 0,
        onTime: 0,
      };
      t.problems.add(row.problemKey);
      t.measures += 1;
      if (row.state === "closed") {
        t.closed += 1;
        if (row.deadline === null || row.closedOn === null || row.closedOn <= row.deadline) t.onTime += 1;
      }
      if (row.flag === "overdue") t.overdue += 1;
      this.tallies.set(key, t);
    }
  }

  /** Leaders, then departments, then people; most measures first, then by name. */
  rows(): ResponsibilityRow[] {
    const order: Record<ResponsibilityRole, number> = { leader: 0, department: 1, person: 2 };
    return [...this.tallies]
      .map(([key, t]) => {
        const [role, name] = key.split("\u0000") as [ResponsibilityRole, string];
        const due = t.closed + t.overdue;
        return {
          role,
          name,
          problems: t.problems.size,
          measures: t.measures,
          closed: t.closed,
          overdue: t.overdue,
          onTimeRate: due === 0 ? null : percentToRate(completionRate(t.onTime, due)),
        };
      })
      .sort(
        (a, b) =>
          order[a.role] - order[b.role] ||
          b.measures - a.measures ||
          (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
      );
  }
}

/** Labels of the 汇总 sheet that an import reads back as the inspection's facts. */
export const SUMMARY_FACTS = {
  unit: "被巡察单位",
  team: "巡察组",
  roundLabel: "轮次",
  regime: "类别",
  kind: "巡察类型",
  onsiteStart: "进驻开始",
  onsiteEnd: "进驻结束",
  feedbackDate: "反馈日期",
  asOf: "截至日期",
} as const;
