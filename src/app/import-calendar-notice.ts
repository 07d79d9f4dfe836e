// 导入节假日安排: an administrator enters a whole year from the State Council's notice (or an office's table of days)
// in one step, before the chinese-days package has that year. All or nothing: a text with any line that cannot be
// read is refused with every such line named, and nothing is stored; otherwise every day is stored (replacing that
// day's earlier override) in one transaction with one audit event. `dryRun` answers the same without storing.

import { isAdmin, type Caller } from "../domain/account.ts";
import { DomainError } from "../domain/domain-error.ts";
import { parseHolidayNotice } from "../domain/holiday-notice.ts";
import type { CalendarOverride, DayKind } from "../domain/working-days.ts";
import {
  calendarNoticeImportSchema,
  type CalendarNoticeImportInput,
} from "../shared/calendar-import-models.ts";
import { parseInput } from "../shared/validation.ts";
import { createHash } from "node:crypto";
import { auditBy } from "./audit-by.ts";
import type { Repositories } from "../storage/store.ts";
import type { CalendarDeps } from "./working-calendar.ts";

export interface ImportedCalendarDay {
  readonly day: string;
  readonly kind: DayKind;
  readonly name: string;
  /** What the day was set to before, when an override existed; null when it had none. */
  readonly before: { readonly kind: DayKind; readonly name: string } | null;
}

export interface CalendarNoticeImport {
  readonly year: number | null;
  readonly dryRun: boolean;
  readonly items: readonly ImportedCalendarDay[];
  readonly created: number;
  readonly replaced: number;
  /** Overrides of the notice's year(s) that the notice does not mention: kept, listed so the administrator sees them. */
  readonly notMentioned: readonly CalendarOverride[];
  readonly coveredYears: readonly number[];
}

export async function importCalendarNotice(
  deps: CalendarDeps,
  caller: Caller,
  options: { readonly input: CalendarNoticeImportInput },
): Promise<CalendarNoticeImport> {
  if (!isAdmin(caller)) throw new DomainError("forbidden", "只有系统管理员可以调整节假日和调休安排");
  const input = parseInput(calendarNoticeImportSchema, options.input, "节假日安排");
  const notice = parseHolidayNotice(input.text, input.year === undefined ? {} : { year: input.year });
  if (notice.problems.length > 0) {
    throw new DomainError(
      "invalid_holiday_notice",
      `节假日安排有${notice.problems.length}处无法识别，未导入任何日期`,
      notice.problems.map((p) => ({
        path: p.line === 0 ? "text" : `text.第${p.line}行`,
        code: "invalid_holiday_notice",
        message: p.line === 0 ? p.message : `第${p.line}行：${p.message}`,
      })),
    );
  }
  const days = notice.entries.map((e) => e.day);
  const range = { from: days[0]!, to: days.at(-1)! };
  const years = [...new Set(days.map((d) => d.slice(0, 4)))];
  const now = deps.clock.now();
  const plan = async (store: Repositories) => {
    const existing = await store.calendarOverrides.list({
      from: `${years[0]}-01-01`,
      to: `${years.at(-1)}-12-31`,
    });
    const byDay = new Map(existing.map((o) => [o.day, o]));
    const items: ImportedCalendarDay[] = notice.entries.map((e) => {
      const before = byDay.get(e.day);
      return {
        day: e.day,
        kind: e.kind,
        name: e.name,
        before: before ? { kind: before.kind, name: before.name } : null,
      };
    });
    const mentioned = new Set(days);
    return { items, notMentioned: existing.filter((o) => !mentioned.has(o.day)) };
  };
  const { items, notMentioned } = input.dryRun
    ? await plan(deps.store)
    : await deps.store.transaction(async (tx) => {
        const planned = await plan(tx);
        for (const item of planned.items) {
          await tx.calendarOverrides.upsert({
            day: item.day,
            kind: item.kind,
            name: item.name,
            createdAt: now,
            createdBy: caller.user.id,
          });
        }
        await tx.audit.append({
          at: now,
          ...auditBy(caller),
          action: "calendar.import_notice",
          entity: "calendar_override",
          entityId: `${range.from}..${range.to}`,
          data: {
            year: notice.year,
            sha256: createHash("sha256").update(input.text).digest("hex"),
            days: planned.items.map(({ day, kind, name, before }) => ({ day, kind, name, before })),
          },
        });
        return planned;
      });
  const replaced = items.filter((i) => i.before !== null).length;
  const calendar = await deps.calendar.current(deps.store);
  return {
    year: notice.year,
    dryRun: input.dryRun,
    items,
    created: items.length - replaced,
    replaced,
    notMentioned,
    coveredYears: calendar.coveredYears(),
  };
}
