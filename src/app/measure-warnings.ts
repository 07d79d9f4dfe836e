// Warning states (督办预警) in the answers: each measure of a ledger with its level, and an inspection's warning board
// with 完成率 and 按期完成率, judged with the inspection's deadline profile and the working-day calendar on a
// Shanghai date (the request's today unless asOf is given). Scoped like the ledger: a department reporter's board
// covers their department's measures only.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { countCompletion, type CompletionCounts, type DeadlineWarning } from "../domain/deadline-warning.ts";
import type { InspectionLedger, LedgerMeasure, LedgerProblem } from "../domain/inspection-ledger.ts";
import type { Measure } from "../domain/measure.ts";
import { kindDeadlines } from "../domain/deadline-profile.ts";
import { SCOPE_ALL, type Scope } from "../domain/scope.ts";
import type { LadderStep } from "../domain/supervision-ladder.ts";
import { warningBoard, type WarningBoard, type WarningBoardOptions } from "../domain/warning-board.ts";
import type { Repositories } from "../storage/store.ts";
import { profileOf } from "./deadline-profile.ts";
import { getInspectionLedger } from "./get-inspection-ledger.ts";
import { ladderStepsOf } from "./list-supervision-actions.ts";
import { inspectionAccess } from "./measure-access.ts";
import type { CalendarDeps } from "./working-calendar.ts";

/**
 * The thresholds of the inspection's profile, its default deadlines per kind (from the feedback date) and the calendar
 * with the stored overrides, on `today`. Settings, read unscoped: the callers check the caller's access themselves.
 */
export async function warningOptions(
  deps: CalendarDeps,
  repos: Pick<Repositories, "deadlineProfiles" | "calendarOverrides" | "inspections">,
  inspectionId: string,
  today: CalendarDate,
): Promise<WarningBoardOptions> {
  const [profile, calendar, inspection] = await Promise.all([
    profileOf(repos, inspectionId),
    deps.calendar.current(repos),
    repos.inspections.get(SCOPE_ALL, inspectionId),
  ]);
  const defaults = kindDeadlines(inspection?.feedbackDate ?? null, profile);
  return { today, thresholds: profile.thresholds, calendar, kindDeadlines: defaults };
}

type WarnedMeasureOfLedger = LedgerMeasure & {
  readonly warning: DeadlineWarning;
  readonly ladder?: LadderStep;
};

export interface WarnedLedger extends InspectionLedger {
  readonly problems: ReadonlyArray<
    LedgerProblem & {
      readonly measures: ReadonlyArray<WarnedMeasureOfLedger>;
    }
  >;
}

/**
 * The ledger as the API answers it: every measure with its warning on `asOf` (default: today in Shanghai); with
 * `firstMeasures`, only the ledger's head (get-inspection-ledger.ts).
 */
export async function getWarnedLedger(
  deps: CalendarDeps,
  scope: Scope,
  inspectionId: string,
  asOf = deps.clock.today(),
  firstMeasures?: number,
): Promise<WarnedLedger> {
  // The profile and the overrides are settings read before the ledger's snapshot; an inspection outside the scope
  // still answers inspection_not_found from the ledger's own read.
  const options = await warningOptions(deps, deps.store, inspectionId, asOf);
  const ledger = (await getInspectionLedger(deps, scope, inspectionId, asOf, {
    warnings: options,
    ...(firstMeasures === undefined ? {} : { firstMeasures }),
  })) as WarnedLedger;
  // The ladder's latest step (督办通知, 告诫, 约谈) only on measures that had one: the answer does not grow for the others.
  const steps = await ladderStepsOf(deps.store, ledger.inspection.id);
  if (steps.size === 0) return ledger;
  return {
    ...ledger,
    problems: ledger.problems.map((p) => ({
      ...p,
      measures: (p.measures as readonly WarnedMeasureOfLedger[]).map((m) => {
        const ladder = steps.get(m.id);
        return ladder ? { ...m, ladder } : m;
      }),
    })),
  };
}

export interface WarnedMeasure {
  readonly measure: Measure;
  readonly problem: { readonly id: string; readonly seq: number; readonly title: string };
}

export interface InspectionWarnings {
  readonly inspectionId: string;
  readonly asOf: CalendarDate;
  readonly thresholds: WarningBoardOptions["thresholds"];
  readonly board: WarningBoard<WarnedMeasure>;
  /** Over the same measures: 完成率 and 按期完成率, extended measures apart. */
  readonly completion: CompletionCounts;
}

/** The warning board of one inspection, over the measures the caller sees; inspection_not_found outside scope. */
export async function getInspectionWarnings(
  deps: CalendarDeps,
  caller: Caller,
  options: { inspectionId: string; asOf?: CalendarDate },
): Promise<InspectionWarnings> {
  const asOf = options.asOf ?? deps.clock.today();
  return deps.store.snapshot(async (tx) => {
    const { inspection, scope } = await inspectionAccess(tx, caller, options.inspectionId);
    const problems = await tx.problems.listByInspection(scope, inspection.id);
    const measures = await tx.measures.listByInspection(scope, inspection.id);
    const warnOptions = await warningOptions(deps, tx, inspection.id, asOf);
    const problemById = new Map(problems.map((p) => [p.id, { id: p.id, seq: p.seq, title: p.title }]));
    const warned = measures.map((measure) => ({
      measure,
      kind: measure.kind,
      state: measure.state,
      deadline: measure.deadline,
      originalDeadline: measure.originalDeadline,
      problem: problemById.get(measure.problemId) ?? { id: measure.problemId, seq: 0, title: "" },
    }));
    return {
      inspectionId: inspection.id,
      asOf,
      thresholds: warnOptions.thresholds,
      board: warningBoard(warned, warnOptions),
      completion: countCompletion(measures),
    };
  });
}
