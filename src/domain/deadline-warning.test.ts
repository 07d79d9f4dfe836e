import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, type CalendarDate } from "./calendar-date.ts";
import { DEFAULT_DEADLINE_SETTINGS, kindDeadlines } from "./deadline-profile.ts";
import {
  WARNING_LEVELS,
  countCompletion,
  deadlineWarning,
  nextStageReview,
  type DeadlineWarning,
  type MeasureCompletionFacts,
  type MeasureDeadlineFacts,
  type WarningThresholds,
  warningThresholdsProblem,
} from "./deadline-warning.ts";
import { MEASURE_KINDS, MEASURE_STATES } from "./measure.ts";
import { holidayRulesFromChineseDays, workingDayCalendar } from "./working-days.ts";

const calendar = workingDayCalendar({ holidays: holidayRulesFromChineseDays(chineseDaysData) });
const MISSING_YEAR = Math.max(...calendar.coveredYears()) + 1;
const WORKING: WarningThresholds = { green: 20, yellow: 10, red: 0, basis: "working" };

const makeMeasure = (overrides: Partial<MeasureCompletionFacts> = {}): MeasureCompletionFacts => ({
  kind: "time_limited",
  state: "in_progress",
  deadline: "2024-10-31",
  originalDeadline: null,
  closedAt: null,
  ...overrides,
});

const warn = (
  measure: Partial<MeasureDeadlineFacts>,
  today: CalendarDate,
  thresholds?: WarningThresholds,
): DeadlineWarning =>
  deadlineWarning(makeMeasure(measure), { today, calendar, ...(thresholds && { thresholds }) });

const levelOf = (w: DeadlineWarning): string => w.level;

describe("warning ladder on calendar days (default 20/10/0)", () => {
  it.each([
    ["2024-10-10", "normal", 21],
    ["2024-10-11", "green", 20],
    ["2024-10-20", "green", 11],
    ["2024-10-21", "yellow", 10],
    ["2024-10-30", "yellow", 1],
    ["2024-10-31", "red", 0],
  ])("on %s a measure due 2024-10-31 is %s with %i days left", (today, level, daysLeft) => {
    expect(warn({}, today)).toEqual({
      level,
      judgedAgainst: "2024-10-31",
      defaulted: false,
      originalDeadline: null,
      extended: false,
      basis: "calendar",
      daysLeft,
      daysOverdue: 0,
      holidayData: null,
    });
  });

  it("is overdue the day after the deadline and counts calendar days since", () => {
    expect(warn({}, "2024-11-01")).toMatchObject({ level: "overdue", daysLeft: 0, daysOverdue: 1 });
    expect(warn({}, "2025-01-01")).toMatchObject({ level: "overdue", daysOverdue: 62 });
  });

  it("warns draft, in-progress and returned measures alike: the deadline runs whatever the state", () => {
    for (const state of ["draft", "in_progress", "returned"] as const) {
      expect(levelOf(warn({ state }, "2024-11-01"))).toBe("overdue");
    }
  });
});

describe("warning ladder on working days", () => {
  it("counts only working days left, so 国庆 makes a deadline nearer than the calendar says", () => {
    const t: WarningThresholds = { green: 5, yellow: 2, red: 1, basis: "working" };
    // Friday 27 September → Thursday 10 October: 29, 30 September; 8, 9, 10 October.
    expect(warn({ deadline: "2024-10-10" }, "2024-09-27", t)).toMatchObject({ level: "green", daysLeft: 5 });
    expect(warn({ deadline: "2024-10-10" }, "2024-09-27", { ...t, basis: "calendar" })).toMatchObject({
      level: "normal",
      daysLeft: 13,
    });
    expect(warn({ deadline: "2024-10-10" }, "2024-09-30", t)).toMatchObject({ level: "green", daysLeft: 3 });
    expect(warn({ deadline: "2024-10-10" }, "2024-10-08", t)).toMatchObject({ level: "yellow", daysLeft: 2 });
    expect(warn({ deadline: "2024-10-10" }, "2024-10-09", t)).toMatchObject({ level: "red", daysLeft: 1 });
  });

  it("turns red on the last working day before a deadline that falls on a holiday, overdue only after that day", () => {
    expect(warn({ deadline: "2024-10-05" }, "2024-09-30", WORKING)).toMatchObject({
      level: "red",
      daysLeft: 0,
    });
    expect(warn({ deadline: "2024-10-05" }, "2024-10-05", WORKING)).toMatchObject({
      level: "red",
      daysLeft: 0,
    });
    expect(warn({ deadline: "2024-10-05" }, "2024-10-06", WORKING)).toMatchObject({
      level: "overdue",
      daysOverdue: 1,
    });
  });

  it("says so when the count crosses a year without holiday data, and not on calendar days", () => {
    const deadline = `${MISSING_YEAR}-02-20`;
    const today = `${MISSING_YEAR - 1}-12-20`;
    const working = warn({ deadline }, today, WORKING);
    expect(working).toMatchObject({ holidayData: { code: "holiday_data_missing", years: [MISSING_YEAR] } });
    expect(warn({ deadline }, today)).toMatchObject({ holidayData: null });
  });
});

describe("what is not warned", () => {
  it("leaves closed and submitted measures off the ladder, whatever their deadline", () => {
    expect(warn({ state: "closed" }, "2025-01-01")).toEqual({ level: "not_warned", reason: "closed" });
    expect(warn({ state: "submitted" }, "2025-01-01")).toEqual({ level: "not_warned", reason: "submitted" });
  });

  it("tells an open-ended long-term measure from a measure whose deadline is missing", () => {
    expect(warn({ kind: "long_term", deadline: null }, "2025-01-01")).toEqual({
      level: "not_warned",
      reason: "open_ended",
    });
    for (const kind of ["immediate", "time_limited"] as const) {
      expect(warn({ kind, deadline: null }, "2025-01-01")).toEqual({
        level: "not_warned",
        reason: "no_deadline",
      });
    }
  });

  it("judges a long-term measure by its deadline, taken as the current stage's date", () => {
    expect(warn({ kind: "long_term", deadline: "2024-12-31" }, "2024-12-25")).toMatchObject({
      level: "yellow",
      daysLeft: 6,
    });
  });

  it("is exhaustive over kinds and states: warned exactly when open, not submitted, and dated", () => {
    for (const kind of MEASURE_KINDS) {
      for (const state of MEASURE_STATES) {
        for (const deadline of ["2024-10-31", null]) {
          const w = warn({ kind, state, deadline }, "2024-10-01");
          const expected = state !== "closed" && state !== "submitted" && deadline !== null;
          expect(w.level !== "not_warned").toBe(expected);
        }
      }
    }
  });
});

describe("extensions", () => {
  it("judges an extended measure against its new date and keeps the original", () => {
    const extended = { deadline: "2024-11-30", originalDeadline: "2024-10-31" };
    expect(warn(extended, "2024-11-05")).toMatchObject({
      level: "normal",
      judgedAgainst: "2024-11-30",
      defaulted: false,
      originalDeadline: "2024-10-31",
      extended: true,
      daysLeft: 25,
    });
    expect(warn({ deadline: "2024-10-31" }, "2024-11-05")).toMatchObject({
      level: "overdue",
      extended: false,
    });
  });
});

describe("thresholds", () => {
  it.each([
    { green: 10, yellow: 20, red: 0 },
    { green: 20, yellow: 10, red: 11 },
    { green: 20, yellow: 10, red: -1 },
    { green: 20.5, yellow: 10, red: 0 },
  ])("refuses %o, with a Chinese reason for the profile's form", (t) => {
    const thresholds = { ...t, basis: "calendar" as const };
    expect(warningThresholdsProblem(thresholds)).toMatch(/预警天数/);
    expect(() => warn({}, "2024-10-01", thresholds)).toThrow(RangeError);
  });

  it("accepts equal thresholds, and all zero", () => {
    expect(warningThresholdsProblem({ green: 5, yellow: 5, red: 5, basis: "working" })).toBeNull();
    expect(warn({}, "2024-10-31", { green: 0, yellow: 0, red: 0, basis: "calendar" }).level).toBe("red");
    expect(warn({}, "2024-10-30", { green: 0, yellow: 0, red: 0, basis: "calendar" }).level).toBe("normal");
  });
});

describe("ladder properties", () => {
  const dayArb = fc.integer({ min: 0, max: 900 }).map((n) => addDays("2024-01-01", n));
  const thresholdsArb = fc
    .tuple(fc.nat(30), fc.nat(30), fc.nat(30), fc.constantFrom("working" as const, "calendar" as const))
    .map(([a, b, c, basis]) => {
      const [red, yellow, green] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
      return { green, yellow, red, basis };
    });
  const rank = (w: DeadlineWarning): number =>
    WARNING_LEVELS.indexOf(w.level as (typeof WARNING_LEVELS)[number]);

  it("never steps back down the ladder as days pass", () => {
    fc.assert(
      fc.property(dayArb, dayArb, fc.nat(60), thresholdsArb, (deadline, today, later, t) => {
        const before = warn({ deadline }, today, t);
        const after = warn({ deadline }, addDays(today, later), t);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
    );
  });

  it("is overdue exactly after the deadline; before it, today plus the days left is the deadline (calendar)", () => {
    fc.assert(
      fc.property(dayArb, dayArb, (deadline, today) => {
        const w = warn({ deadline }, today);
        expect(w.level === "overdue").toBe(today > deadline);
        if (w.level !== "overdue" && w.level !== "not_warned")
          expect(addDays(today, w.daysLeft)).toBe(deadline);
        if (w.level === "overdue") expect(addDays(deadline, w.daysOverdue)).toBe(today);
      }),
    );
  });
});

describe("按期完成率 and 完成率", () => {
  it("counts completion on time against the first deadline, in Shanghai's calendar", () => {
    const counts = countCompletion([
      makeMeasure({ state: "closed", closedAt: "2024-10-31T15:59:59Z" }), // 23:59:59 on the 31st in Shanghai
      makeMeasure({ state: "closed", closedAt: "2024-10-31T16:00:00Z" }), // 00:00 on 1 November: late
      makeMeasure({ state: "in_progress" }),
      makeMeasure({ state: "submitted" }),
    ]);
    expect(counts).toEqual({
      measures: 4,
      completed: 2,
      completedOnTime: 1,
      extended: 0,
      completedWithinExtension: 0,
      completedUndated: 0,
      completionRate: "50.00",
      onTimeRate: "25.00",
    });
  });

  it("counts extended measures apart: within the new date is not on time, before the first date is", () => {
    const extended = { deadline: "2024-11-30", originalDeadline: "2024-10-31" };
    const counts = countCompletion([
      makeMeasure({ ...extended, state: "closed", closedAt: "2024-11-20T02:00:00Z" }),
      makeMeasure({ ...extended, state: "closed", closedAt: "2024-10-20T02:00:00Z" }),
      makeMeasure({ ...extended, state: "closed", closedAt: "2024-12-02T02:00:00Z" }),
      makeMeasure({ ...extended, state: "in_progress" }),
    ]);
    expect(counts).toMatchObject({
      measures: 4,
      completed: 3,
      completedOnTime: 1,
      extended: 4,
      completedWithinExtension: 1,
      completionRate: "75.00",
      onTimeRate: "25.00",
    });
  });

  it("counts a long-term measure with a closed stage as completed, a measure without deadline as never late", () => {
    const counts = countCompletion([
      makeMeasure({ kind: "long_term", state: "in_progress", closedAt: "2024-06-01T02:00:00Z" }),
      makeMeasure({ kind: "long_term", state: "in_progress" }),
      makeMeasure({ state: "closed", deadline: null, closedAt: "2024-06-01T02:00:00Z" }),
      makeMeasure({ state: "closed", closedAt: null }),
    ]);
    expect(counts).toMatchObject({ completed: 3, completedOnTime: 2, completedUndated: 1 });
  });

  it("gives 0.00 for an empty list", () => {
    expect(countCompletion([])).toMatchObject({ measures: 0, completionRate: "0.00", onTimeRate: "0.00" });
  });

  it("never counts more on time than completed, nor more completed than measures", () => {
    const factsArb = fc.record({
      kind: fc.constantFrom(...MEASURE_KINDS),
      state: fc.constantFrom(...MEASURE_STATES),
      deadline: fc.option(fc.integer({ min: 0, max: 400 }).map((n) => addDays("2024-01-01", n))),
      originalDeadline: fc.option(fc.integer({ min: 0, max: 400 }).map((n) => addDays("2024-01-01", n))),
      closedAt: fc.option(
        fc.integer({ min: 0, max: 400 * 24 }).map((h) => new Date(Date.UTC(2024, 0, 1, h)).toISOString()),
      ),
    });
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 30 }), (measures) => {
        const c = countCompletion(measures);
        expect(c.completedOnTime + c.completedWithinExtension + c.completedUndated).toBeLessThanOrEqual(
          c.completed,
        );
        expect(c.completed).toBeLessThanOrEqual(c.measures);
        expect(c.extended).toBeLessThanOrEqual(c.measures);
        expect(Number(c.onTimeRate)).toBeLessThanOrEqual(Number(c.completionRate));
      }),
    );
  });
});

describe("measures without a deadline, judged by the profile's defaults for their kind", () => {
  const defaults = kindDeadlines("2024-03-04", {
    ...DEFAULT_DEADLINE_SETTINGS,
    concentratedEnd: "2024-06-30",
  })!;
  const judge = (kind: MeasureDeadlineFacts["kind"], today: CalendarDate) =>
    deadlineWarning(makeMeasure({ kind, deadline: null }), { today, calendar, kindDeadlines: defaults });

  it("立行立改 30 days after the feedback, 限期整改 at the concentrated period's end", () => {
    expect(judge("immediate", "2024-04-10")).toMatchObject({
      level: "overdue",
      judgedAgainst: "2024-04-03",
      defaulted: true,
      daysOverdue: 7,
    });
    expect(judge("time_limited", "2024-06-20")).toMatchObject({
      level: "yellow",
      judgedAgainst: "2024-06-30",
      defaulted: true,
    });
  });

  it("长期坚持 at the next six-monthly stage review, never overdue by a review already past", () => {
    expect(judge("long_term", "2024-05-01")).toMatchObject({ judgedAgainst: "2024-09-04", level: "normal" });
    expect(judge("long_term", "2024-09-04")).toMatchObject({ judgedAgainst: "2024-09-04", level: "red" });
    expect(judge("long_term", "2024-09-05")).toMatchObject({ judgedAgainst: "2025-03-04", level: "normal" });
  });

  it("keeps a measure's own deadline, and the old reasons without defaults (no feedback date)", () => {
    const own = deadlineWarning(makeMeasure({ kind: "immediate", deadline: "2024-12-31" }), {
      today: "2024-04-10",
      calendar,
      kindDeadlines: defaults,
    });
    expect(own).toMatchObject({ judgedAgainst: "2024-12-31", defaulted: false });
    expect(kindDeadlines(null, DEFAULT_DEADLINE_SETTINGS)).toBeNull();
    expect(warn({ kind: "immediate", deadline: null }, "2024-04-10")).toEqual({
      level: "not_warned",
      reason: "no_deadline",
    });
  });

  it("the next stage review is the first one on or after today, for any day and cycle (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.constantFrom(1, 3, 6, 12),
        (start, offset, months) => {
          const from = addDays("2015-01-31", start);
          const today = addDays(from, offset);
          const review = nextStageReview({ from, everyMonths: months }, today);
          expect(review >= today).toBe(true);
          expect(review > from).toBe(true);
          // The review before it (one cycle back) is before today, unless it is the feedback itself.
          const earlier = addMonths(review, -months);
          expect(earlier < today || earlier <= from).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
