// 整改时限 cells → a calendar date and, when the text says so, the measure kind (立行立改 / 长期坚持).
// Real Excel dates, date serials, 2021.05.31, 2021/5/31, 20210531 and every Chinese form the notice parser
// knows (2021年5月底, 5月31日前, 年底, 第三季度…, via findDeadline). Pure and total: never throws.

import { endOfMonth, makeCalendarDate, type CalendarDate } from "../../domain/calendar-date.ts";
import type { MeasureKind } from "../../domain/measure.ts";
import { findDeadline } from "../notice/notice-dates.ts";

/** What a spreadsheet cell holds after formulas are replaced by their cached results. */
export type CellValue = string | number | boolean | Date | null;

export type ParsedDeadline =
  | { readonly ok: true; readonly deadline: CalendarDate | null; readonly kind?: MeasureKind }
  | {
      readonly ok: false;
      readonly code: "invalid_deadline" | "deadline_year_missing";
      readonly message: string;
    };

const IMMEDIATE = /立行立改|立即整改|即知即改|立查立改/;
const LONG_TERM = /长期坚持|长期|常态化|久久为功|持之以恒|持续推进/;
// A recurring duty (每月25日前报送, 每季度, 按月) has no single deadline: it is kept up, like 长期坚持.
const RECURRING = /^(每|按)(月|季度?|半年|年|周)/;
const NUMERIC = /(?<![\d.])(\d{4})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*(\d{1,2}))?(?![\d])/g;
const MONTH_DAY = /^(\d{1,2})[.．](\d{1,2})(前|之前|以前)?$/;
const COMPACT = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 1900-02-29 (serial 60). */
export function excelSerialToDate(serial: number): CalendarDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return undefined;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

const fromDate = (d: Date): CalendarDate | undefined => {
  if (Number.isNaN(d.getTime())) return undefined;
  // exceljs gives date-only cells as UTC midnight; a time part a few seconds off (float serials) is rounded.
  const rounded = new Date(Math.round(d.getTime() / 60_000) * 60_000);
  return makeCalendarDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
};

const invalid = (shown: string): ParsedDeadline => ({
  ok: false,
  code: "invalid_deadline",
  message: `无法识别整改时限“${shown}”（可写作 2021-05-31、2021.05.31、2021/5/31、2021年5月底、5月31日前、立行立改、长期坚持）`,
});

function numericDates(text: string): CalendarDate[] {
  const found: CalendarDate[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    const date =
      d === undefined
        ? mo >= 1 && mo <= 12 && y >= 1000
          ? endOfMonth(y, mo)
          : undefined
        : makeCalendarDate(y, mo, d);
    if (date !== undefined) found.push(date);
  }
  for (const m of text.matchAll(COMPACT)) {
    const date = makeCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date !== undefined) found.push(date);
  }
  return found;
}

/**
 * Reads a 整改时限 cell. `reference` supplies the year of dates written without one (5月31日前): its year,
 * rolled forward when the date would fall before it. Text naming 立行立改 or 长期坚持 gives the kind; without a
 * date it means no deadline.
 */
export function parseDeadline(value: CellValue, reference: CalendarDate | null): ParsedDeadline {
  if (value === null) return { ok: true, deadline: null };
  if (value instanceof Date) {
    const date = fromDate(value);
    return date === undefined ? invalid("无效日期") : { ok: true, deadline: date };
  }
  if (typeof value === "number") {
    const compact =
      Number.isInteger(value) && value >= 10_000_000 && value <= 99_991_231
        ? numericDates(String(value))[0]
        : undefined;
    const date = compact ?? (value >= 20_000 && value <= 80_000 ? excelSerialToDate(value) : undefined);
    return date === undefined ? invalid(String(value)) : { ok: true, deadline: date };
  }
  if (typeof value === "boolean") return invalid(value ? "TRUE" : "FALSE");

  const text = value.normalize("NFKC").trim();
  if (text === "") return { ok: true, deadline: null };
  const kind: MeasureKind | undefined = IMMEDIATE.test(text)
    ? "immediate"
    : LONG_TERM.test(text)
      ? "long_term"
      : undefined;
  const withKind = (deadline: CalendarDate | null): ParsedDeadline => ({
    ok: true,
    deadline,
    ...(kind ? { kind } : {}),
  });

  if (RECURRING.test(text)) return { ok: true, deadline: null, kind: "long_term" };
  // 6.30 / 6.30前: a month and day without a year, read like 6月30日.
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return parseDeadline(`${monthDay[1]}月${monthDay[2]}日${monthDay[3] ?? ""}`, reference);
  const numeric = numericDates(text).sort();
  if (numeric.length > 0) return withKind(numeric[numeric.length - 1] ?? null);
  let found: CalendarDate | null;
  try {
    found = findDeadline(text, { date: reference }, false).deadline;
  } catch {
    found = null;
  }
  if (found !== null) return withKind(found);
  if (kind !== undefined) return withKind(null);
  if (reference === null && /\d{1,2}\s*月|[一二三四五六七八九十]{1,2}月/.test(text)) {
    return {
      ok: false,
      code: "deadline_year_missing",
      message: `整改时限“${text.slice(0, 40)}”没有写年份，且无法从台账中推断`,
    };
  }
  return invalid(text.slice(0, 40));
}

/** How the export writes a deadline that is not a date: 长期坚持 / 立行立改, else empty. */
export function deadlineWord(kind: MeasureKind): string {
  switch (kind) {
    case "long_term":
      return "长期坚持";
    case "immediate":
      return "立行立改";
    case "time_limited":
      return "";
  }
}
