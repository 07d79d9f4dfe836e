import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "./calendar-date.ts";
import {
  holidayRulesFromChineseDays,
  workingDayCalendar,
  type DayRule,
  type WorkingDayCalendar,
} from "./working-days.ts";

const HOLIDAYS = holidayRulesFromChineseDays(chineseDaysData);
const packageCalendar = (overrides: readonly DayRule[] = []): WorkingDayCalendar =>
  workingDayCalendar({ holidays: HOLIDAYS, overrides });
const calendar = packageCalendar();
/** The first year after the package's data: a year nobody has entered yet. */
const MISSING_YEAR = Math.max(...calendar.coveredYears()) + 1;

const add = (start: CalendarDate, n: number, cal = calendar): CalendarDate =>
  cal.addWorkingDays(start, n).value;
const between = (a: CalendarDate, b: CalendarDate, cal = calendar): number =>
  cal.workingDaysBetween(a, b).value;

/** A day-by-day walk: the obvious definition the fast implementation must agree with. */
function walkWorkingDays(cal: WorkingDayCalendar, start: CalendarDate, n: number): CalendarDate {
  let day = start;
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (cal.isWorkingDay(day)) left -= 1;
  }
  return day;
}

describe("working days of 2024 (State Council notice, from chinese-days)", () => {
  it("knows the 国庆 make-up Sunday and Saturday and the seven days off", () => {
    expect(calendar.isWorkingDay("2024-09-29")).toBe(true);
    expect(calendar.isWorkingDay("2024-10-12")).toBe(true);
    for (let d = 1; d <= 7; d++) expect(calendar.isWorkingDay(`2024-10-0${d}`)).toBe(false);
    expect(calendar.isWorkingDay("2024-10-08")).toBe(true);
    expect(calendar.describeDay("2024-10-12")).toEqual({
      day: "2024-10-12",
      working: true,
      name: "国庆节",
      source: "holiday_table",
      covered: true,
    });
  });

  it("knows 春节 2024: 10–17 February off, Sundays 4 and 18 February worked, 除夕 the 9th a working Friday", () => {
    for (let d = 10; d <= 17; d++) expect(calendar.isWorkingDay(`2024-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay("2024-02-04")).toBe(true);
    expect(calendar.isWorkingDay("2024-02-18")).toBe(true);
    expect(calendar.isWorkingDay("2024-02-09")).toBe(true);
    expect(calendar.describeDay("2024-02-12").name).toBe("春节");
  });

  it("treats an ordinary weekend as off and an ordinary weekday as working, by the weekday rule", () => {
    expect(calendar.describeDay("2024-10-19")).toMatchObject({ working: false, source: "weekday_rule" });
    expect(calendar.describeDay("2024-10-21")).toMatchObject({
      working: true,
      source: "weekday_rule",
      name: null,
    });
  });

  it("counts 'N个工作日内' from the next day, across 国庆 and its make-up days", () => {
    expect(add("2024-09-30", 0)).toBe("2024-09-30");
    expect(add("2024-09-27", 1)).toBe("2024-09-29");
    expect(add("2024-09-27", 2)).toBe("2024-09-30");
    expect(add("2024-09-27", 3)).toBe("2024-10-08");
    expect(add("2024-09-30", 1)).toBe("2024-10-08");
    expect(add("2024-10-11", 1)).toBe("2024-10-12");
    // Wednesday 25 September + 10: 26, 27, 29, 30 September; 8, 9, 10, 11, 12, 14 October.
    expect(add("2024-09-25", 10)).toBe("2024-10-14");
    expect(between("2024-09-25", "2024-10-14")).toBe(10);
    expect(between("2024-09-30", "2024-10-07")).toBe(0);
  });

  it("counts across 春节 2024", () => {
    expect(add("2024-02-02", 1)).toBe("2024-02-04");
    expect(add("2024-02-08", 1)).toBe("2024-02-09");
    expect(add("2024-02-09", 1)).toBe("2024-02-18");
    expect(between("2024-02-09", "2024-02-19")).toBe(2);
  });
});

describe("working days of 2025", () => {
  it("knows 春节 2025: 28 January – 4 February off, Sunday 26 January and Saturday 8 February worked", () => {
    for (const d of ["2025-01-28", "2025-01-31", "2025-02-01", "2025-02-04"]) {
      expect(calendar.isWorkingDay(d)).toBe(false);
    }
    expect(calendar.isWorkingDay("2025-01-26")).toBe(true);
    expect(calendar.isWorkingDay("2025-02-08")).toBe(true);
    expect(add("2025-01-24", 1)).toBe("2025-01-26");
    expect(add("2025-01-27", 1)).toBe("2025-02-05");
    expect(add("2025-02-07", 1)).toBe("2025-02-08");
  });

  it("knows 国庆 and 中秋 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked", () => {
    for (let d = 1; d <= 8; d++) expect(calendar.isWorkingDay(`2025-10-0${d}`)).toBe(false);
    expect(calendar.describeDay("2025-10-06").name).toBe("中秋");
    expect(calendar.isWorkingDay("2025-09-28")).toBe(true);
    expect(calendar.isWorkingDay("2025-10-11")).toBe(true);
    expect(add("2025-09-30", 1)).toBe("2025-10-09");
    // Friday 26 September + 5: 28, 29, 30 September; 9, 10 October.
    expect(add("2025-09-26", 5)).toBe("2025-10-10");
    expect(between("2025-09-26", "2025-10-11")).toBe(6);
  });
});

describe("overrides", () => {
  it("win over the holiday table, in both directions", () => {
    const cal = packageCalendar([
      { day: "2024-10-12", kind: "holiday", name: "本单位调整" },
      { day: "2024-10-07", kind: "working", name: "值班" },
    ]);
    expect(cal.describeDay("2024-10-12")).toMatchObject({
      working: false,
      source: "override",
      name: "本单位调整",
    });
    expect(add("2024-10-11", 1, cal)).toBe("2024-10-14");
    expect(add("2024-09-30", 1, cal)).toBe("2024-10-07");
  });

  it("let a later override of the same day win", () => {
    const cal = packageCalendar([
      { day: "2024-10-21", kind: "holiday", name: "先" },
      { day: "2024-10-21", kind: "working", name: "后" },
    ]);
    expect(cal.describeDay("2024-10-21")).toMatchObject({ working: true, name: "后" });
  });

  it("enter a year the package does not know yet, which then counts as covered", () => {
    const y = MISSING_YEAR;
    const cal = packageCalendar([
      { day: `${y}-10-01`, kind: "holiday", name: "国庆节" },
      { day: `${y}-10-02`, kind: "holiday", name: "国庆节" },
    ]);
    expect(cal.coveredYears()).toContain(y);
    expect(calendar.coveredYears()).not.toContain(y);
    expect(cal.describeDay(`${y}-10-01`)).toMatchObject({
      working: false,
      source: "override",
      covered: true,
    });
    expect(cal.warningFor(`${y}-09-01`, `${y}-11-01`)).toBeNull();
  });
});

describe("years without holiday data", () => {
  it("lists the package's years, which include 2024 to 2026", () => {
    expect(calendar.coveredYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(calendar.coveredYears()).not.toContain(MISSING_YEAR);
  });

  it("computes with the weekday rule but returns a warning naming the year", () => {
    const start = `${MISSING_YEAR - 1}-12-31`;
    const result = calendar.addWorkingDays(start, 30);
    expect(result.value).toBe(walkWorkingDays(calendar, start, 30));
    expect(result.warning).toMatchObject({ code: "holiday_data_missing", years: [MISSING_YEAR] });
    expect(result.warning?.message).toContain(`${MISSING_YEAR}年`);
    expect(calendar.describeDay(result.value).covered).toBe(false);
    expect(calendar.workingDaysBetween(result.value, start).warning?.years).toEqual([MISSING_YEAR]);
  });

  it("gives no warning for a span inside covered years, nor for the start day alone", () => {
    expect(calendar.addWorkingDays("2024-09-25", 10).warning).toBeNull();
    expect(calendar.workingDaysBetween("2026-12-31", "2026-12-31").warning).toBeNull();
    expect(calendar.addWorkingDays(`${MISSING_YEAR}-03-01`, 0).warning).toBeNull();
  });

  it("rejects a negative or fractional count and a date that does not exist", () => {
    expect(() => calendar.addWorkingDays("2024-01-01", -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays("2024-01-01", 1.5)).toThrow(RangeError);
    expect(() => calendar.isWorkingDay("2023-02-29")).toThrow(RangeError);
  });
});

describe("properties", () => {
  const dayArb = fc.integer({ min: 0, max: 365 * 25 }).map((n) => addDays("2003-06-01", n));
  const overridesArb = fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 365 * 25 }).map((n) => addDays("2003-06-01", n)),
      kind: fc.constantFrom("working" as const, "holiday" as const),
      name: fc.constant("调整"),
    }),
    { maxLength: 40 },
  );

  it("lands on a working day, strictly later as n grows", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 50 }), (d, n, more) => {
        const end = add(d, n);
        expect(calendar.isWorkingDay(end)).toBe(true);
        expect(end > d).toBe(true);
        expect(add(d, n + more) > end).toBe(true);
      }),
    );
  });

  it("has workingDaysBetween as its inverse, antisymmetric and additive", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 400 }), dayArb, (d, n, other) => {
        const end = add(d, n);
        expect(between(d, end)).toBe(n);
        expect(between(end, d) + n).toBe(0);
        expect(between(d, other) + between(other, end)).toBe(n);
      }),
    );
  });

  it("agrees with a day-by-day walk, whatever the overrides", () => {
    fc.assert(
      fc.property(overridesArb, dayArb, fc.integer({ min: 0, max: 60 }), (overrides, d, n) => {
        const cal = packageCalendar(overrides);
        expect(add(d, n, cal)).toBe(walkWorkingDays(cal, d, n));
        for (const o of overrides.slice(-1)) expect(cal.isWorkingDay(o.day)).toBe(o.kind === "working");
      }),
      { numRuns: 200 },
    );
  });
});
