import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "./calendar-date.ts";
import { REPORTING_CADENCES, type ReportingCadence } from "./deadline-profile.ts";
import {
  isoWeekOf,
  labelStart,
  mustReport,
  periodReporting,
  reportingPeriods,
  reportStanding,
  type CycleMeasure,
  type ReportingPeriod,
} from "./reporting-cycle.ts";
import { holidayRulesFromChineseDays, workingDayCalendar } from "./working-days.ts";

const calendar = workingDayCalendar({ holidays: holidayRulesFromChineseDays(chineseDaysData) });
const periods = (cadence: ReportingCadence, feedbackDate: CalendarDate, through: CalendarDate) =>
  reportingPeriods({ cadence, feedbackDate, through, calendar });

const dayArb = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays("2020-01-01", n));
const cadenceArb = fc.constantFrom(...REPORTING_CADENCES);

describe("reporting periods", () => {
  it("monthly: the feedback month from the feedback day, then calendar months, due the 5th working day after", () => {
    const list = periods("monthly", "2024-09-12", "2024-11-03");
    expect(list.map((p) => [p.key, p.label, p.start, p.end, p.due])).toEqual([
      // 1–7 October are 国庆: the 5th working day is Saturday 12 October, a 调休 working day.
      ["2024-09", "2024年9月", "2024-09-12", "2024-09-30", "2024-10-12"],
      ["2024-10", "2024年10月", "2024-10-01", "2024-10-31", "2024-11-07"],
      ["2024-11", "2024年11月", "2024-11-01", "2024-11-30", "2024-12-06"],
    ]);
  });

  it("weekly: ISO weeks, due the next working day; fortnightly: two-week blocks from the feedback's Monday", () => {
    expect(periods("weekly", "2024-09-26", "2024-10-01").map((p) => [p.key, p.start, p.end, p.due])).toEqual([
      ["2024-W39", "2024-09-26", "2024-09-29", "2024-09-30"],
      ["2024-W40", "2024-09-30", "2024-10-06", "2024-10-08"],
    ]);
    expect(
      periods("fortnightly", "2024-12-25", "2025-01-10").map((p) => [p.key, p.label, p.start, p.end]),
    ).toEqual([
      ["2024-W52", "2024年第52周—2025年第1周", "2024-12-25", "2025-01-05"],
      ["2025-W02", "2025年第2—3周", "2025-01-06", "2025-01-19"],
    ]);
  });

  it("tile the days from the feedback without gap or overlap, through the day asked, each due on a working day after its end", () => {
    fc.assert(
      fc.property(cadenceArb, dayArb, fc.integer({ min: 0, max: 400 }), (cadence, feedback, span) => {
        const through = addDays(feedback, span);
        const list = periods(cadence, feedback, through);
        expect(list[0]!.start).toBe(feedback);
        expect(list[list.length - 1]!.end >= through).toBe(true);
        for (const [i, p] of list.entries()) {
          expect(p.start <= p.end).toBe(true);
          expect(p.due > p.end).toBe(true);
          expect(calendar.isWorkingDay(p.due)).toBe(true);
          if (i > 0) expect(p.start).toBe(addDays(list[i - 1]!.end, 1));
        }
        expect(new Set(list.map((p) => p.key)).size).toBe(list.length);
      }),
    );
  });

  it("name each period by a key whose label start falls in it (after the first)", () => {
    fc.assert(
      fc.property(cadenceArb, dayArb, (cadence, feedback) => {
        for (const p of periods(cadence, feedback, addDays(feedback, 120)).slice(1)) {
          expect(labelStart(p.key)).toBe(p.start);
        }
      }),
    );
  });

  it("numbers ISO weeks as the standard does", () => {
    expect(isoWeekOf("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(isoWeekOf("2021-01-03")).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf("2026-11-16")).toEqual({ year: 2026, week: 47 });
  });
});

describe("who must report and how they stand", () => {
  const [october, november] = periods("monthly", "2024-10-08", "2024-11-30").slice(0, 2) as [
    ReportingPeriod,
    ReportingPeriod,
  ];
  const measure = (over: Partial<CycleMeasure> = {}): CycleMeasure => ({
    id: "m1",
    kind: "time_limited",
    state: "in_progress",
    closedAt: null,
    departmentId: "d1",
    ...over,
  });

  it("an open measure reports; one closed before the period began does not; a long-term one always does", () => {
    const closedOct = measure({ state: "closed", closedAt: "2024-10-20T02:00:00Z" });
    expect(mustReport(closedOct, october)).toBe(true);
    expect(mustReport(closedOct, november)).toBe(false);
    expect(mustReport({ ...closedOct, kind: "long_term" }, november)).toBe(true);
    // 16:30 UTC on 31 October is 1 November in Shanghai: closed in November, so it still reports for November.
    expect(mustReport(measure({ state: "closed", closedAt: "2024-10-31T16:30:00Z" }), november)).toBe(true);
    expect(mustReport(measure({ state: "closed", closedAt: null }), october)).toBe(false);
  });

  it("a report labelled for the period counts on time by the due day (Shanghai date), late after it", () => {
    const r = (period: string, createdAt: string) => ({ measureId: "m1", period, createdAt });
    expect(october.due).toBe("2024-11-07");
    expect(reportStanding(october, [r("2024-10", "2024-11-07T15:59:00Z")], "2024-12-01")).toBe("on_time");
    expect(reportStanding(october, [r("2024-10", "2024-11-07T16:00:00Z")], "2024-12-01")).toBe("late");
    expect(reportStanding(october, [r("2024-11", "2024-11-02T00:00:00Z")], "2024-12-01")).toBe("missing");
    // Not yet known on the day asked.
    expect(reportStanding(october, [r("2024-10", "2024-11-20T00:00:00Z")], "2024-11-10")).toBe("missing");
  });

  it("counts per department, late apart from on time, those missing most first", () => {
    const measures = [
      measure({ id: "a", departmentId: "d1" }),
      measure({ id: "b", departmentId: "d2" }),
      measure({ id: "c", departmentId: "d2" }),
      measure({ id: "d", departmentId: null }),
      measure({ id: "e", departmentId: "d1", state: "closed", closedAt: "2024-09-01T00:00:00Z" }),
    ];
    const reports = new Map([
      ["a", [{ measureId: "a", period: "2024-10", createdAt: "2024-10-30T00:00:00Z" }]],
      ["b", [{ measureId: "b", period: "2024-10", createdAt: "2024-11-20T00:00:00Z" }]],
    ]);
    const result = periodReporting(october, measures, reports, "2024-12-01");
    expect(result).toMatchObject({ required: 4, onTime: 1, late: 1, missing: 2 });
    expect(result.departments.map((d) => [d.departmentId, d.onTime, d.lateIds, d.missingIds])).toEqual([
      ["d2", 0, ["b"], ["c"]],
      [null, 0, [], ["d"]],
      ["d1", 1, [], []],
    ]);
  });
});
