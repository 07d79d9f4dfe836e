// The administrator's working-day overrides (节假日调整): list, set and delete, each write in the audit trail. Only
// administrators: the calendar decides every unit's working-day deadlines.

import { isAdmin, type Caller } from "../domain/account.ts";
import type { CalendarDate } from "../domain/calendar-date.ts";
import { DomainError } from "../domain/domain-error.ts";
import type { CalendarOverride } from "../domain/working-days.ts";
import {
  calendarDayParams,
  calendarOverrideSchema,
  type CalendarOverrideInput,
} from "../shared/calendar-input.ts";
import { parseInput } from "../shared/validation.ts";
import { auditBy } from "./audit-by.ts";
import type { CalendarDeps } from "./working-calendar.ts";

export interface CalendarOverrideList {
  readonly items: readonly CalendarOverride[];
  /** Years with holiday data (the package's, plus any year with an override): other years are guessed Mon–Fri. */
  readonly coveredYears: readonly number[];
}

function requireCalendarAdmin(caller: Caller): void {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统管理员可以调整节假日和调休安排");
}

export async function listCalendarOverrides(
  deps: CalendarDeps,
  caller: Caller,
  options: { from?: CalendarDate; to?: CalendarDate } = {},
): Promise<CalendarOverrideList> {
  requireCalendarAdmin(caller);
  const from = options.from ?? "0000-01-01";
  const to = options.to ?? "9999-12-31";
  const [items, calendar] = await Promise.all([
    deps.store.calendarOverrides.list({ from, to }),
    deps.calendar.current(deps.store),
  ]);
  return { items, coveredYears: calendar.coveredYears() };
}

/** Enters or replaces the override of one day. */
export async function setCalendarOverride(
  deps: CalendarDeps,
  caller: Caller,
  options: { day: CalendarDate; input: CalendarOverrideInput },
): Promise<CalendarOverride> {
  requireCalendarAdmin(caller);
  const { day } = parseInput(calendarDayParams, { day: options.day }, "日期");
  const input = parseInput(calendarOverrideSchema, options.input, "节假日调整");
  const override: CalendarOverride = {
    day,
    kind: input.kind,
    name: input.name,
    createdAt: deps.clock.now(),
    createdBy: caller.user.id,
  };
  await deps.store.transaction(async (tx) => {
    const [before] = await tx.calendarOverrides.list({ from: override.day, to: override.day });
    await tx.calendarOverrides.upsert(override);
    await tx.audit.append({
      at: override.createdAt,
      ...auditBy(caller),
      action: "calendar.set_override",
      entity: "calendar_override",
      entityId: override.day,
      data: { before: before ?? null, after: { kind: override.kind, name: override.name } },
    });
  });
  return override;
}

/** Removes the override of one day (the package's answer applies again); calendar_override_not_found if none. */
export async function deleteCalendarOverride(
  deps: CalendarDeps,
  caller: Caller,
  options: { day: CalendarDate },
): Promise<void> {
  requireCalendarAdmin(caller);
  await deps.store.transaction(async (tx) => {
    const [before] = await tx.calendarOverrides.list({ from: options.day, to: options.day });
    if (!before || !(await tx.calendarOverrides.delete(options.day))) {
      throw new DomainError("calendar_override_not_found", `${options.day}没有节假日调整记录`);
    }
    await tx.audit.append({
      at: deps.clock.now(),
      ...auditBy(caller),
      action: "calendar.delete_override",
      entity: "calendar_override",
      entityId: options.day,
      data: { before: { kind: before.kind, name: before.name } },
    });
  });
}
