import { describe, expect, it } from "vitest";
import { completionRate, isDueSoon, isOverdue, totalOutcomes } from "./ledger-statistics.ts";
import { fenToWanYuan, fenToYuan, yuanToFen } from "./money.ts";
import { addMonths, isCalendarDate, makeCalendarDate } from "./calendar-date.ts";
import { computeInspectionDeadlines } from "./inspection.ts";

describe("completion rate", () => {
  it("rounds half-up to two decimals", () => {
    expect(completionRate(8, 11)).toBe("72.73");
    expect(completionRate(1, 8)).toBe("12.50");
    expect(completionRate(1, 3)).toBe("33.33");
    expect(completionRate(2, 3)).toBe("66.67");
    expect(completionRate(1, 16)).toBe("6.25");
    expect(completionRate(1, 800)).toBe("0.13"); // 0.125 → 0.13
    expect(completionRate(0, 0)).toBe("0.00");
    expect(completionRate(5, 5)).toBe("100.00");
  });
});

describe("overdue", () => {
  const m = { state: "in_progress", kind: "time_limited", deadline: "2021-06-30" } as const;
  it("is overdue from the day after the deadline while open", () => {
    expect(isOverdue(m, "2021-06-30")).toBe(false);
    expect(isOverdue(m, "2021-07-01")).toBe(true);
    expect(isOverdue({ ...m, state: "closed" }, "2021-07-01")).toBe(false);
    expect(isOverdue({ ...m, deadline: null }, "2099-01-01")).toBe(false);
  });
  it("is due soon inside the window", () => {
    expect(isDueSoon(m, "2021-06-25", "2021-07-02")).toBe(true);
    expect(isDueSoon(m, "2021-07-01", "2021-07-08")).toBe(false);
  });
});

describe("outcome totals", () => {
  it("adds counts and money exactly", () => {
    const totals = totalOutcomes([
      { kind: "rules_new", quantity: "3" },
      { kind: "rules_new", quantity: "0" },
      { kind: "funds_returned", quantity: "0.10" },
      { kind: "funds_returned", quantity: "0.20" },
      { kind: "people_accountable", quantity: "2" },
    ]);
    expect(totals.rules_new).toBe("3");
    expect(totals.funds_returned).toBe("0.30");
    expect(totals.people_accountable).toBe("2");
    expect(totals.meetings).toBe("0");
  });
});

describe("money", () => {
  it("converts between 元 and 分 without floats", () => {
    expect(yuanToFen("1234.5")).toBe(123450n);
    expect(yuanToFen("-0.01")).toBe(-1n);
    expect(fenToYuan(123450n)).toBe("1234.50");
    expect(fenToWanYuan(6_200_000_00n)).toBe("620.00");
    expect(fenToWanYuan(123_456_789n)).toBe("123.46");
    expect(() => yuanToFen("1.234")).toThrow(/金额格式不正确/);
  });
});

describe("calendar dates and inspection deadlines", () => {
  it("validates and adds months with clamping", () => {
    expect(isCalendarDate("2021-02-29")).toBe(false);
    expect(makeCalendarDate(2020, 2, 29)).toBe("2020-02-29");
    expect(addMonths("2021-01-31", 1)).toBe("2021-02-28");
    expect(addMonths("2021-11-15", 3)).toBe("2022-02-15");
  });
  it("puts the report due two months after the feedback by default", () => {
    expect(computeInspectionDeadlines("2021-03-04")).toEqual({
      reportDue: "2021-05-04",
      concentratedEnd: "2021-05-04",
    });
    expect(computeInspectionDeadlines(null)).toEqual({ reportDue: null, concentratedEnd: null });
  });
});
