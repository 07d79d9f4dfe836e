import { describe, expect, it } from "vitest";
import { findDeadline, findReportedAsOf, scanDates } from "./notice-dates.ts";

const dates = (text: string, previous: string | null = null) =>
  scanDates(text, previous).map((d) => [d.date, d.role]);

describe("scanDates", () => {
  it("reads full dates and a range across years", () => {
    expect(dates("2020年11月12日至2021年1月12日，巡察组进驻")).toEqual([
      ["2020-11-12", "start"],
      ["2021-01-12", "end"],
    ]);
  });

  it("gives a range end without a year the start's year, and a day-only end the start's month", () => {
    expect(dates("2023年4月10日至6月9日")).toEqual([
      ["2023-04-10", "start"],
      ["2023-06-09", "end"],
    ]);
    expect(dates("2023年11月2日至20日")).toEqual([
      ["2023-11-02", "start"],
      ["2023-11-20", "end"],
    ]);
  });

  it("gives a year-less date the year of the nearest earlier date, rolled forward when its month-day is earlier", () => {
    expect(dates("2022年10月17日至12月16日，…。2月21日，反馈")).toContainEqual(["2023-02-21", "single"]);
    expect(dates("2020年11月12日至2021年1月12日。3月4日，反馈")).toContainEqual(["2021-03-04", "single"]);
    expect(dates("3月4日，反馈")).toEqual([]);
  });

  it("reads Chinese numerals and skips impossible dates", () => {
    expect(dates("二〇二一年三月四日")).toEqual([["2021-03-04", "single"]]);
    expect(dates("2021年2月30日")).toEqual([]);
  });
});

describe("findDeadline", () => {
  const ref = { date: "2021-03-04" };
  it.each([
    ["计划年内完成评选", "2021-12-31"],
    ["争取年内开展晋升工作", "2021-12-31"],
    ["6月底前完成招聘", "2021-06-30"],
    ["力争2月底前完成", "2022-02-28"],
    ["2021年12月底前完成", "2021-12-31"],
    ["计划于2023年12月底前完成招标，2024年6月底前上线运行", "2024-06-30"],
    ["争取2023年下半年完成招聘", "2023-12-31"],
    ["2022年上半年完成", "2022-06-30"],
    ["确保2022年第三季度完成", "2022-09-30"],
    ["计划9月中旬完成", "2021-09-20"],
    ["明年底前建成", "2022-12-31"],
  ])("%s → %s", (text, expected) => {
    expect(findDeadline(text, ref).deadline).toBe(expected);
  });

  it("ignores past dates without a deadline cue and marks permanent work as long-term", () => {
    expect(findDeadline("2021年5月已召开座谈会", ref)).toEqual({ deadline: null, longTerm: false });
    expect(findDeadline("长期坚持人才培养", ref)).toEqual({ deadline: null, longTerm: true });
  });

  it("reads a 整改时限 value without needing a cue", () => {
    expect(findDeadline("2023年6月30日", ref, false).deadline).toBe("2023-06-30");
    expect(findDeadline("长期坚持", ref, false)).toEqual({ deadline: null, longTerm: true });
  });

  it("gives no date for year-less deadlines when there is no reference", () => {
    expect(findDeadline("年内完成", { date: null }).deadline).toBeNull();
  });
});

describe("findReportedAsOf", () => {
  it.each([
    ["截至2024年4月30日，反馈的12个问题已整改完成10个。", "2024-04-30"],
    ["截止到二〇二三年十二月三十一日，已完成整改任务46项。", "2023-12-31"],
    ["2023年5月10日反馈以来，截至目前，已整改8个问题。", null],
    ["截至2024年4月底，已完成整改。", null],
    ["截至6月30日，整改完成率81.25%。", "2021-06-30"],
  ])("reads %j as of %s", (text, expected) => {
    expect(findReportedAsOf(text, "2021-03-04")).toBe(expected);
  });
});
