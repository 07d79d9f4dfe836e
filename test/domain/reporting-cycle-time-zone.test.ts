// The reporting cycle answers the same periods and due days whatever the machine's time zone (the process is
// switched to Los Angeles, where local midnight is a Shanghai afternoon).

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reportingPeriods } from "../../src/domain/reporting-cycle.ts";
import { holidayRulesFromChineseDays, workingDayCalendar } from "../../src/domain/working-days.ts";

describe("the reporting cycle in Los Angeles", () => {
  beforeAll(() => vi.stubEnv("TZ", "America/Los_Angeles"));
  afterAll(() => vi.unstubAllEnvs());

  it("gives Shanghai's months, ISO weeks and due days", () => {
    expect(new Date(Date.UTC(2024, 9, 1)).getDate()).toBe(30);
    const calendar = workingDayCalendar({ holidays: holidayRulesFromChineseDays(chineseDaysData) });
    const monthly = reportingPeriods({
      cadence: "monthly",
      feedbackDate: "2024-09-12",
      through: "2024-10-02",
      calendar,
    });
    expect(monthly.map((p) => [p.key, p.start, p.end, p.due])).toEqual([
      ["2024-09", "2024-09-12", "2024-09-30", "2024-10-12"],
      ["2024-10", "2024-10-01", "2024-10-31", "2024-11-07"],
    ]);
    const weekly = reportingPeriods({
      cadence: "weekly",
      feedbackDate: "2024-12-30",
      through: "2025-01-06",
      calendar,
    });
    expect(weekly.map((p) => [p.key, p.start, p.end, p.due])).toEqual([
      ["2025-W01", "2024-12-30", "2025-01-05", "2025-01-06"],
      ["2025-W02", "2025-01-06", "2025-01-12", "2025-01-13"],
    ]);
  });
});
