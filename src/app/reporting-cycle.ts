// The reporting cycle of an inspection (进展报送情况): its periods from the feedback date with their due days, and for one
// period the measures that lack a progress report, grouped by responsible department (late reports apart). Scoped like
// the ledger: a department reporter sees their department's measures only.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { profileDates, type ReportingCadence } from "../domain/deadline-profile.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Measure } from "../domain/measure.ts";
import {
  periodReporting,
  reportingPeriods,
  type CycleReport,
  type ReportingPeriod,
} from "../domain/reporting-cycle.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type { Repositories } from "../storage/store.ts";
import { profileOf } from "./deadline-profile.ts";
import { inspectionAccess } from "./measure-access.ts";
import type { CalendarDeps } from "./working-calendar.ts";

/** A measure in a department's list, with what the reader needs to find it in the ledger. */
export interface CycleMeasureItem {
  readonly measureId: string;
  readonly problemSeq: number;
  readonly problemTitle: string;
  readonly seq: number;
  readonly text: string;
  readonly state: Measure["state"];
  readonly kind: Measure["kind"];
  readonly deadline: CalendarDate | null;
}

export interface DepartmentCycle {
  readonly departmentId: string | null;
  /** The department's name; 未明确责任部门 when the measures name none. */
  readonly name: string;
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly lateMeasures: readonly CycleMeasureItem[];
  readonly missingMeasures: readonly CycleMeasureItem[];
}

export interface ChosenPeriod {
  readonly period: ReportingPeriod;
  /** False while the due day has not passed on `asOf` (a missing report may still come in time). */
  readonly dueReached: boolean;
  readonly required: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly departments: readonly DepartmentCycle[];
}

export interface ReportingCycle {
  readonly inspectionId: string;
  readonly cadence: ReportingCadence;
  readonly asOf: CalendarDate;
  readonly feedbackDate: CalendarDate | null;
  readonly concentratedEnd: CalendarDate | null;
  /** Empty without a feedback date: the cycle starts with the feedback. */
  readonly periods: readonly ReportingPeriod[];
  /** The period asked for, else the last one whose due day has passed, else the first; null without periods. */
  readonly chosen: ChosenPeriod | null;
}

export const UNNAMED_DEPARTMENT = "未明确责任部门";

/** The periods of an inspection through the later of its concentrated period's end and `asOf`. */
export async function inspectionPeriods(
  deps: CalendarDeps,
  repos: Pick<Repositories, "deadlineProfiles" | "calendarOverrides">,
  inspection: { id: string; feedbackDate: CalendarDate | null },
  asOf: CalendarDate,
): Promise<{ cadence: ReportingCadence; concentratedEnd: CalendarDate | null; periods: ReportingPeriod[] }> {
  const profile = await profileOf(repos, inspection.id);
  const { concentratedEnd } = profileDates(inspection.feedbackDate, profile);
  if (inspection.feedbackDate === null) return { cadence: profile.cadence, concentratedEnd, periods: [] };
  const calendar = await deps.calendar.current(repos);
  // After the concentrated period the cycle goes on while measures stay open (long-term ones for good): through today.
  const through = concentratedEnd !== null && concentratedEnd > asOf ? concentratedEnd : asOf;
  const periods = reportingPeriods({
    cadence: profile.cadence,
    feedbackDate: inspection.feedbackDate,
    through,
    calendar,
  });
  return { cadence: profile.cadence, concentratedEnd, periods };
}

/** The period named by `key`, else the last one due before `asOf`, else the first; a key not in the cycle is refused. */
export function choosePeriod(
  periods: readonly ReportingPeriod[],
  key: string | undefined,
  asOf: CalendarDate,
): ReportingPeriod | null {
  if (key !== undefined) {
    const found = periods.find((p) => p.key === key);
    if (found) return found;
    const range = periods.length > 0 ? `${periods[0]?.key}至${periods[periods.length - 1]?.key}` : "无";
    throw new DomainError("invalid_input", `报送期间“${key}”不在该巡察的报送周期内（可选：${range}）`, [
      { path: "period", code: "invalid_value", message: `可选的报送期间：${range}` },
    ]);
  }
  const due = periods.filter((p) => p.due < asOf);
  return due[due.length - 1] ?? periods[0] ?? null;
}

/** The standing of the measures visible in `scope` in one period, by department with names and measure lists. */
export async function chosenPeriod(
  repos: Repositories,
  scope: Scope,
  inspectionId: string,
  period: ReportingPeriod,
  asOf: CalendarDate,
): Promise<ChosenPeriod> {
  const [measures, problems, reports] = await Promise.all([
    repos.measures.listByInspection(scope, inspectionId),
    repos.problems.listByInspection(scope, inspectionId),
    repos.progress.cycleReportsByInspection(scope, inspectionId),
  ]);
  const byMeasure = new Map<string, CycleReport[]>();
  for (const r of reports) byMeasure.set(r.measureId, [...(byMeasure.get(r.measureId) ?? []), r]);
  const standing = periodReporting(period, measures, byMeasure, asOf);
  const ids = standing.departments.flatMap((d) => (d.departmentId === null ? [] : [d.departmentId]));
  // Department names are shown for the caller's own measures; the org itself may lie outside their scope.
  const orgs = await Promise.all(ids.map((id) => repos.orgs.get(SCOPE_ALL, id)));
  const nameOf = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  const measureById = new Map(measures.map((m) => [m.id, m]));
  const problemById = new Map(problems.map((p) => [p.id, p]));
  const item = (id: string): CycleMeasureItem => {
    const m = measureById.get(id) as Measure;
    const p = problemById.get(m.problemId);
    return {
      measureId: m.id,
      problemSeq: p?.seq ?? 0,
      problemTitle: p?.title ?? "",
      seq: m.seq,
      text: m.text,
      state: m.state,
      kind: m.kind,
      deadline: m.deadline,
    };
  };
  const byLedgerOrder = (a: CycleMeasureItem, b: CycleMeasureItem) =>
    a.problemSeq - b.problemSeq || a.seq - b.seq;
  return {
    period,
    dueReached: period.due < asOf,
    required: standing.required,
    onTime: standing.onTime,
    late: standing.late,
    missing: standing.missing,
    departments: standing.departments.map((d) => ({
      departmentId: d.departmentId,
      name: d.departmentId === null ? UNNAMED_DEPARTMENT : (nameOf.get(d.departmentId) ?? d.departmentId),
      required: d.required,
      onTime: d.onTime,
      late: d.late,
      missing: d.missing,
      lateMeasures: d.lateIds.map(item).sort(byLedgerOrder),
      missingMeasures: d.missingIds.map(item).sort(byLedgerOrder),
    })),
  };
}

/** The cycle of one inspection and the standing in one period; inspection_not_found outside the caller's scope. */
export async function getReportingCycle(
  deps: CalendarDeps,
  caller: Caller,
  options: { inspectionId: string; period?: string; asOf?: CalendarDate },
): Promise<ReportingCycle> {
  const asOf = options.asOf ?? deps.clock.today();
  return deps.store.snapshot(async (tx) => {
    const { inspection, scope } = await inspectionAccess(tx, caller, options.inspectionId);
    const { cadence, concentratedEnd, periods } = await inspectionPeriods(deps, tx, inspection, asOf);
    if (inspection.feedbackDate === null && options.period !== undefined) {
      throw new DomainError("invalid_input", "该巡察尚未录入反馈日期，报送周期从反馈之日起算，暂无报送期间", [
        { path: "period", code: "invalid_value", message: "尚无报送期间" },
      ]);
    }
    const period = choosePeriod(periods, options.period, asOf);
    return {
      inspectionId: inspection.id,
      cadence,
      asOf,
      feedbackDate: inspection.feedbackDate,
      concentratedEnd,
      periods,
      chosen: period === null ? null : await chosenPeriod(tx, scope, inspection.id, period, asOf),
    };
  });
}
