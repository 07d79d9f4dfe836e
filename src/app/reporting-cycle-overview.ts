// 报送情况 over the caller's scope (the dashboard's card): for each inspection they see (examples left out, the newest
// with a feedback date first, at most MAX_INSPECTIONS), the departments that lack or were late with a progress report
// in its latest period already due. Each inspection is read like GET …/reporting, in the caller's scope.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { SCOPE_ALL } from "../domain/scope.ts";
import { callerScope } from "./account-access.ts";
import { choosePeriod, chosenPeriod, inspectionPeriods } from "./reporting-cycle.ts";
import type { CalendarDeps } from "./working-calendar.ts";

/** Inspections read per answer: each costs a few queries, so a province-wide scope is cut and says so. */
export const MAX_INSPECTIONS = 50;

export interface DepartmentShortfall {
  readonly inspectionId: string;
  readonly unitName: string;
  readonly periodLabel: string;
  readonly due: CalendarDate;
  readonly departmentId: string | null;
  readonly department: string;
  readonly missing: number;
  readonly late: number;
}

export interface ReportingOverview {
  readonly asOf: CalendarDate;
  /** Departments with a missing or late report, most missing first. */
  readonly shortfalls: readonly DepartmentShortfall[];
  readonly inspectionsRead: number;
  /** Inspections with a feedback date left unread beyond MAX_INSPECTIONS. */
  readonly inspectionsLeft: number;
}

export async function summarizeReporting(deps: CalendarDeps, caller: Caller): Promise<ReportingOverview> {
  const asOf = deps.clock.today();
  return deps.store.snapshot(async (tx) => {
    const scope = await callerScope(tx, caller);
    // List order is newest feedback first, inspections without one last.
    const dated = (await tx.inspections.list(scope, { includeExamples: false })).filter(
      (i) => i.feedbackDate !== null,
    );
    const read = dated.slice(0, MAX_INSPECTIONS);
    const shortfalls: DepartmentShortfall[] = [];
    for (const inspection of read) {
      const { periods } = await inspectionPeriods(deps, tx, inspection, asOf);
      const period = choosePeriod(periods, undefined, asOf);
      if (period === null || period.due >= asOf) continue;
      const [standing, unit] = await Promise.all([
        chosenPeriod(tx, scope, inspection.id, period, asOf),
        tx.orgs.get(SCOPE_ALL, inspection.targetOrgId),
      ]);
      for (const d of standing.departments) {
        if (d.missing + d.late === 0) continue;
        shortfalls.push({
          inspectionId: inspection.id,
          unitName: unit?.name ?? "",
          periodLabel: period.label,
          due: period.due,
          departmentId: d.departmentId,
          department: d.name,
          missing: d.missing,
          late: d.late,
        });
      }
    }
    shortfalls.sort((a, b) => b.missing - a.missing || b.late - a.late);
    return { asOf, shortfalls, inspectionsRead: read.length, inspectionsLeft: dated.length - read.length };
  });
}
