// The working-day calendar answers for Shanghai's calendar whatever the machine's time zone (the package's own
// functions do not: they read dates in local time). The zone is switched in this process (vitest runs test files
// in forked processes), and the switch is checked to have taken effect.

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  holidayRulesFromChineseDays,
  shanghaiDateOf,
  workingDayCalendar,
} from "../../src/domain/working-days.ts";

const packageCalendar = () => workingDayCalendar({ holidays: holidayRulesFromChineseDays(chineseDaysData) });

describe("Asia/Shanghai, whatever the machine's time zone", () => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/Los_Angeles";
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("runs with the machine in Los Angeles and still answers for Shanghai's dates", () => {
    expect(new Date(Date.UTC(2024, 9, 1)).getDate()).toBe(30); // the switch took effect: local is 30 September
    const cal = packageCalendar();
    expect(cal.isWorkingDay("2024-10-01")).toBe(false);
    expect(cal.isWorkingDay("2024-09-29")).toBe(true);
    expect(cal.addWorkingDays("2024-09-30", 1).value).toBe("2024-10-08");
  });

  it("dates an instant by Shanghai's calendar: 16:30 UTC on 30 September is 1 October there", () => {
    expect(shanghaiDateOf("2024-09-30T16:30:00.000Z")).toBe("2024-10-01");
    expect(shanghaiDateOf("2024-09-30T15:59:59Z")).toBe("2024-09-30");
    expect(shanghaiDateOf("2024-10-01T00:30:00+08:00")).toBe("2024-10-01");
    expect(() => shanghaiDateOf("2024-09-30T16:30:00")).toThrow(RangeError);
  });
});
