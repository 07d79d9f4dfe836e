import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { DEFAULT_WARNING_THRESHOLDS, type MeasureDeadlineFacts } from "./deadline-warning.ts";
import { warningBoard } from "./warning-board.ts";
import { holidayRulesFromChineseDays, workingDayCalendar } from "./working-days.ts";

const calendar = workingDayCalendar({ holidays: holidayRulesFromChineseDays(chineseDaysData) });
const open = (deadline: string | null, over: Partial<MeasureDeadlineFacts> = {}) => ({
  kind: "time_limited" as const,
  state: "in_progress" as const,
  deadline,
  originalDeadline: null,
  ...over,
});

describe("warningBoard", () => {
  it("groups the measures on the ladder, most urgent first, and counts the others by reason", () => {
    const measures = [
      open("2024-10-15"),
      open("2024-09-30"),
      open("2024-09-25"),
      open("2024-10-05"),
      open("2024-09-20"),
      open(null),
      open(null, { kind: "long_term" }),
      open("2024-09-01", { state: "closed" }),
      open("2024-09-01", { state: "submitted" }),
    ];
    const board = warningBoard(measures, {
      today: "2024-09-27",
      thresholds: DEFAULT_WARNING_THRESHOLDS,
      calendar,
    });
    expect(board.groups.overdue.map((e) => e.measure.deadline)).toEqual(["2024-09-20", "2024-09-25"]);
    expect(board.groups.yellow.map((e) => e.measure.deadline)).toEqual(["2024-09-30", "2024-10-05"]);
    expect(board.groups.green.map((e) => e.measure.deadline)).toEqual(["2024-10-15"]);
    expect(board.counts).toEqual({
      normal: 0,
      green: 1,
      yellow: 2,
      red: 0,
      overdue: 2,
      notWarned: { closed: 1, submitted: 1, open_ended: 1, no_deadline: 1 },
    });
    expect(board.holidayData).toBeNull();
  });

  it("names once the years without holiday data that working-day counts crossed", () => {
    const board = warningBoard([open("2099-01-10"), open("2099-03-01"), open("2024-10-08")], {
      today: "2024-09-27",
      thresholds: { ...DEFAULT_WARNING_THRESHOLDS, basis: "working" },
      calendar,
    });
    expect(board.holidayData?.years).toContain(2099);
    expect(board.holidayData?.years).not.toContain(2024);
    // From Friday 27 September 2024: the 29th (a 调休 Sunday), the 30th, then 8 October after 国庆.
    expect(board.groups.yellow[0]?.warning.daysLeft).toBe(3);
  });
});
