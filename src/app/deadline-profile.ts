// An inspection's deadline profile (督办设置): read by everyone who sees the inspection, set by the unit office or an
// administrator with If-Match on its version; every change in the audit trail with the inspection's new dates.

import type { Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import {
  deadlineSettingsProblems,
  defaultDeadlineProfile,
  kindDeadlines,
  profileDates,
  type DeadlineProfile,
} from "../domain/deadline-profile.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { Inspection } from "../domain/inspection.ts";
import { requireAction } from "../domain/permissions.ts";
import { deadlineProfileSchema, type DeadlineProfileInput } from "../shared/deadline-profile-input.ts";
import { parseInput } from "../shared/validation.ts";
import type { Repositories } from "../storage/store.ts";
import { auditBy } from "./audit-by.ts";
import type { Deps } from "./deps.ts";
import { inspectionAccess } from "./measure-access.ts";

export interface DeadlineProfileView extends DeadlineProfile {
  /** True while nothing was set and the defaults apply (version 0). */
  readonly isDefault: boolean;
  /** The dates that follow: report due (feedback + reportMonths) and the concentrated period's end. */
  readonly dates: {
    readonly feedbackDate: CalendarDate | null;
    readonly reportDue: CalendarDate | null;
    readonly concentratedEnd: CalendarDate | null;
    /** The date a 立行立改 measure without a deadline is judged against (null without a feedback date). */
    readonly immediateDefault: CalendarDate | null;
  };
}

/** The stored profile of an inspection the caller was already allowed to see, or its defaults. */
export async function profileOf(
  repos: Pick<Repositories, "deadlineProfiles">,
  inspectionId: string,
): Promise<DeadlineProfile> {
  return (await repos.deadlineProfiles.get(inspectionId)) ?? defaultDeadlineProfile(inspectionId);
}

const viewOf = (profile: DeadlineProfile, inspection: Inspection): DeadlineProfileView => ({
  ...profile,
  isDefault: profile.version === 0,
  dates: {
    feedbackDate: inspection.feedbackDate,
    ...profileDates(inspection.feedbackDate, profile),
    immediateDefault: kindDeadlines(inspection.feedbackDate, profile)?.immediate ?? null,
  },
});

export async function getDeadlineProfile(
  deps: Deps,
  caller: Caller,
  options: { inspectionId: string },
): Promise<DeadlineProfileView> {
  const { inspection } = await inspectionAccess(deps.store, caller, options.inspectionId);
  return viewOf(await profileOf(deps.store, inspection.id), inspection);
}

/** Replaces the profile; deadline_profile_changed when `expectedVersion` is not the stored one (0: never set). */
export async function setDeadlineProfile(
  deps: Deps,
  caller: Caller,
  options: { inspectionId: string; expectedVersion: number; input: DeadlineProfileInput },
): Promise<DeadlineProfileView> {
  const settings = parseInput(deadlineProfileSchema, options.input, "督办设置");
  return deps.store.transaction(async (tx) => {
    const { inspection, roles } = await inspectionAccess(tx, caller, options.inspectionId);
    requireAction(roles, "deadline_profile.set");
    const problems = deadlineSettingsProblems(settings, inspection.feedbackDate);
    const fields = problems.map((p) => ({ ...p, code: "invalid_deadline_profile" }));
    if (problems.some((p) => p.path.startsWith("thresholds"))) {
      throw new DomainError("invalid_warning_thresholds", `督办设置有误：${problems[0]!.message}`, fields);
    }
    if (problems.length > 0) {
      throw new DomainError("invalid_input", `督办设置有误：${problems[0]!.message}`, fields);
    }
    const before = await profileOf(tx, inspection.id);
    if (before.version !== options.expectedVersion) throw profileChanged();
    const at = deps.clock.now();
    const profile: DeadlineProfile = {
      inspectionId: inspection.id,
      ...settings,
      version: before.version + 1,
      updatedAt: at,
      updatedBy: caller.user.id,
    };
    const dates = profileDates(inspection.feedbackDate, profile);
    if (!(await tx.deadlineProfiles.put(profile, options.expectedVersion, dates))) throw profileChanged();
    await tx.audit.append({
      at,
      ...auditBy(caller),
      action: "inspection.set_deadline_profile",
      entity: "inspection",
      entityId: inspection.id,
      data: { before: before.version === 0 ? null : settingsOf(before), after: settingsOf(profile), dates },
    });
    return viewOf(profile, inspection);
  });
}

const profileChanged = (): DomainError =>
  new DomainError("deadline_profile_changed", "该巡察的督办设置已被他人修改，请刷新后重试");

const settingsOf = (p: DeadlineProfile) => ({
  thresholds: p.thresholds,
  cadence: p.cadence,
  reportMonths: p.reportMonths,
  concentratedEnd: p.concentratedEnd,
  defaultDeadlines: p.defaultDeadlines,
});
