import { describe, expect, it } from "vitest";
import { closuresPerWeek, mondayOf, trendStart } from "./closure-trend.ts";

describe("closures per week", () => {
  it("starts weeks on Monday", () => {
    expect(mondayOf("2026-12-03")).toBe("2026-11-30"); // Thursday
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2026-12-06")).toBe("2026-11-30"); // Sunday
    expect(trendStart("2026-12-03", 3)).toBe("2026-11-16");
  });

  it("counts each closure in its Shanghai week, oldest week first, empty weeks as 0", () => {
    const weeks = closuresPerWeek(
      [
        { hour: "2026-11-16T01", closed: 2 }, // Monday 09:00 Shanghai: first week
        // Sunday 29 November 16:xx UTC is Monday 30 November 00:xx in Shanghai: the third week, not the second.
        { hour: "2026-11-29T16", closed: 1 },
        { hour: "2026-11-29T15", closed: 4 }, // Sunday 23:xx Shanghai: the second week
        { hour: "2026-11-15T15", closed: 9 }, // before the first week
        { hour: "2026-12-07T01", closed: 9 }, // after today's week
      ],
      "2026-12-03",
      3,
    );
    expect(weeks).toEqual([
      { weekStart: "2026-11-16", closed: 2 },
      { weekStart: "2026-11-23", closed: 4 },
      { weekStart: "2026-11-30", closed: 1 },
    ]);
  });
});
