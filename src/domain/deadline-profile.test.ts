import { describe, expect, it } from "vitest";
import { DEFAULT_DEADLINE_SETTINGS, deadlineSettingsProblems, profileDates } from "./deadline-profile.ts";

describe("deadline profiles", () => {
  it("derive the report due date from the feedback date and keep a set concentrated-period end", () => {
    expect(profileDates("2021-03-04", DEFAULT_DEADLINE_SETTINGS)).toEqual({
      reportDue: "2021-05-04",
      concentratedEnd: "2021-05-04",
    });
    expect(profileDates("2021-12-31", { reportMonths: 6, concentratedEnd: "2022-03-15" })).toEqual({
      reportDue: "2022-06-30",
      concentratedEnd: "2022-03-15",
    });
    expect(profileDates(null, DEFAULT_DEADLINE_SETTINGS)).toEqual({ reportDue: null, concentratedEnd: null });
  });

  it("name each wrong field in Chinese, thresholds first", () => {
    expect(deadlineSettingsProblems(DEFAULT_DEADLINE_SETTINGS, "2021-03-04")).toEqual([]);
    const wrong = deadlineSettingsProblems(
      {
        ...DEFAULT_DEADLINE_SETTINGS,
        thresholds: { green: 3, yellow: 5, red: 0, basis: "working" },
        reportMonths: 5,
        concentratedEnd: "2021-03-01",
      },
      "2021-03-04",
    );
    expect(wrong.map((p) => p.path)).toEqual(["thresholds", "reportMonths", "concentratedEnd"]);
    expect(wrong[0]!.message).toContain("绿色预警天数 ≥ 黄色预警天数");
    const tooLong = { ...DEFAULT_DEADLINE_SETTINGS.thresholds, green: 400 };
    expect(deadlineSettingsProblems({ ...DEFAULT_DEADLINE_SETTINGS, thresholds: tooLong }, null)).toEqual([
      { path: "thresholds.green", message: "预警天数不能超过366天" },
    ]);
  });
});
