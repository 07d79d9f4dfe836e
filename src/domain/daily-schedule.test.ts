import { describe, expect, it } from "vitest";
import { dueAt, latestDueDay, missedDays, parseDailyTime } from "./daily-schedule.ts";

const at830 = { hour: 8, minute: 30 };

describe("daily schedule in Asia/Shanghai", () => {
  it("is due today once 08:30 has come in Shanghai, else yesterday", () => {
    expect(latestDueDay("2026-03-02T00:29:59.000Z", at830)).toBe("2026-03-01");
    expect(latestDueDay("2026-03-02T00:30:00.000Z", at830)).toBe("2026-03-02");
    // 23:00 UTC is 07:00 the next morning in Shanghai: still the day before's run.
    expect(latestDueDay("2026-03-02T23:00:00.000Z", at830)).toBe("2026-03-02");
    expect(dueAt("2026-03-02", at830)).toBe("2026-03-02T00:30:00.000Z");
  });

  it("lists the days a stopped scheduler missed, oldest first, at most the limit", () => {
    expect(missedDays("2026-02-27", "2026-03-02")).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(missedDays("2026-03-02", "2026-03-02")).toEqual([]);
    expect(missedDays(null, "2026-03-02")).toEqual(["2026-03-02"]);
    expect(missedDays("2026-01-01", "2026-03-02", 2)).toEqual(["2026-03-01", "2026-03-02"]);
  });

  it("reads HH:MM and refuses anything else", () => {
    expect(parseDailyTime("17:30")).toEqual({ hour: 17, minute: 30 });
    expect(parseDailyTime("24:00")).toBeUndefined();
    expect(parseDailyTime("8:30")).toBeUndefined();
  });
});
