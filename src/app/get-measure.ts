// One measure as its page shows it: the measure with its problem, progress reports and evidence, reviews, extensions,
// the review level now acting, and which actions the caller may take (the UI offers exactly those; the server checks
// them again on every request).

import type { Caller } from "../domain/account.ts";
import type { LadderStep } from "../domain/supervision-ladder.ts";
import { deadlineWarning, type DeadlineWarning } from "../domain/deadline-warning.ts";
import type { Measure } from "../domain/measure.ts";
import { legalEvents, type MeasureEvent } from "../domain/measure-state-machine.ts";
import { mayAct } from "../domain/permissions.ts";
import type {
  CloseoutHold,
  Evidence,
  ExtensionRequest,
  MeasureComment,
  ProgressReport,
  Review,
} from "../domain/progress.ts";
import type { ReviewStep } from "../domain/review-chain.ts";
import type { AuditEvent } from "../storage/store.ts";
import { reviewStepOf } from "./change-measure-state.ts";
import type { Deps } from "./deps.ts";
import { measureAccess } from "./measure-access.ts";
import { warningOptions } from "./measure-warnings.ts";
import { ladderStepsOf } from "./list-supervision-actions.ts";
import type { CalendarDeps } from "./working-calendar.ts";

export type MeasureAction =
  | MeasureEvent
  | "report_progress"
  | "request_extension"
  | "decide_extension"
  | "hold_closeout"
  | "lift_hold"
  | "comment";

export interface MeasureDetail {
  readonly measure: Measure;
  readonly problem: { readonly id: string; readonly seq: number; readonly title: string } | null;
  readonly progress: ReadonlyArray<ProgressReport & { readonly evidence: readonly Evidence[] }>;
  readonly reviews: readonly Review[];
  readonly extensions: readonly ExtensionRequest[];
  /** A supervisor's hold on the close-out, if any. */
  readonly hold: CloseoutHold | null;
  /** Comments (意见), oldest first. */
  readonly comments: readonly MeasureComment[];
  /** The level acting next while the measure is submitted; null otherwise. */
  readonly reviewStep: ReviewStep | null;
  /** The warning level today (Asia/Shanghai), with the inspection's deadline profile and the working-day calendar. */
  readonly warning: DeadlineWarning;
  /** The supervision ladder's latest step for this measure (督办通知, 告诫, 约谈); null when never supervised. */
  readonly ladder: LadderStep | null;
  readonly allowedActions: readonly MeasureAction[];
}

export async function getMeasure(
  deps: CalendarDeps,
  caller: Caller,
  measureId: string,
): Promise<MeasureDetail> {
  return deps.store.snapshot(async (tx) => {
    const access = await measureAccess(tx, caller, measureId);
    const { measure, scope, roles } = access;
    const problem = await tx.problems.get(scope, measure.problemId);
    const progress = await tx.progress.listByMeasure(scope, measure.id);
    const reviews = await tx.progress.listReviews(scope, measure.id);
    const extensions = await tx.progress.listExtensions(scope, measure.id);
    const reviewStep = measure.state === "submitted" ? await reviewStepOf(tx, access) : null;
    const hold = (await tx.progress.getHold(measure.id)) ?? null;
    const comments = await tx.progress.listComments(measure.id);
    const warning = deadlineWarning(
      measure,
      await warningOptions(deps, tx, measure.inspectionId, deps.clock.today()),
    );
    const allowed: MeasureAction[] = [];
    for (const event of legalEvents(measure.kind, measure.state)) {
      const review = event === "close" || event === "return";
      const may = review
        ? reviewStep !== null && (roles.has("admin") || roles.has(reviewStep.role))
        : mayAct(roles, "measure.work");
      // A held close-out cannot be made by the last level; the UI does not offer it.
      const held = event === "close" && hold !== null && reviewStep?.isLast === true;
      if (may && !held) allowed.push(event);
    }
    const open = measure.state !== "closed";
    if (mayAct(roles, "progress.report") && (open || measure.kind === "long_term"))
      allowed.push("report_progress");
    const pending = extensions.some((x) => x.decision === "pending");
    if (open && !pending && mayAct(roles, "extension.request")) allowed.push("request_extension");
    if (pending && mayAct(roles, "extension.decide")) allowed.push("decide_extension");
    if (mayAct(roles, "closeout.hold")) allowed.push(hold === null ? "hold_closeout" : "lift_hold");
    if (mayAct(roles, "measure.comment")) allowed.push("comment");
    return {
      measure,
      problem: problem ? { id: problem.id, seq: problem.seq, title: problem.title } : null,
      progress,
      reviews,
      extensions,
      hold,
      comments,
      reviewStep,
      warning,
      ladder: (await ladderStepsOf(tx, measure.inspectionId)).get(measure.id) ?? null,
      allowedActions: allowed,
    };
  });
}

/** The measure's change history from the audit trail, for those who may see the measure. */
export async function measureHistory(deps: Deps, caller: Caller, measureId: string): Promise<AuditEvent[]> {
  const { measure } = await measureAccess(deps.store, caller, measureId);
  return deps.store.audit.listForEntity("measure", measure.id);
}
