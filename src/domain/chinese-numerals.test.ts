import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChineseNumber, parseChineseNumber, scanNumbers } from "./chinese-numerals.ts";
import { formatHeadingNumber, formatOrdinalLead } from "./numbering.ts";

describe("parseChineseNumber", () => {
  it.each([
    ["〇", 0],
    ["零", 0],
    ["十", 10],
    ["十二", 12],
    ["二十一", 21],
    ["一百零五", 105],
    ["一百一十", 110],
    ["两千", 2000],
    ["一万", 10000],
    ["一万零一十", 10010],
    ["二〇二一", 2021],
    ["40", 40],
    ["１２", 12],
    ["三千零二", 3002],
    ["十万", 100000],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each(["", "方面", "二十三四", "十百", "一二三x"])("refuses %j", (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });

  it("reads back every number it formats from 0 to 10,000", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        (n) => parseChineseNumber(formatChineseNumber(n)) === n,
      ),
      {
        numRuns: 2000,
      },
    );
    for (let n = 0; n <= 10_000; n++) expect(parseChineseNumber(formatChineseNumber(n))).toBe(n);
  });

  it("round-trips large numbers too", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        (n) => parseChineseNumber(formatChineseNumber(n)) === n,
      ),
    );
  });
});

describe("formatChineseNumber", () => {
  it.each([
    [0, "零"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [105, "一百零五"],
    [110, "一百一十"],
    [1010, "一千零一十"],
    [10000, "一万"],
    [10010, "一万零一十"],
    [100001, "十万零一"],
    [1000000, "一百万"],
  ])("writes %d as %s", (n, text) => {
    expect(formatChineseNumber(n)).toBe(text);
  });
});

describe("scanNumbers", () => {
  it("finds the counts in 三个方面十二项问题", () => {
    expect(scanNumbers("三个方面十二项问题").map((m) => m.value)).toEqual([3, 12]);
  });
  it("finds Arabic counts and decimals", () => {
    expect(scanNumbers("4个方面11项问题，整改完成率72.73%").map((m) => m.value)).toEqual([4, 11, 72.73]);
  });
});

describe("numbering", () => {
  it("labels the four heading levels", () => {
    expect([1, 2, 3, 4].map((l) => formatHeadingNumber(l as 1 | 2 | 3 | 4, 11))).toEqual([
      "十一、",
      "（十一）",
      "11.",
      "（11）",
    ]);
  });
  it("leads inline runs with 一是 … 十一是", () => {
    expect(formatOrdinalLead(1)).toBe("一是");
    expect(formatOrdinalLead(11)).toBe("十一是");
  });
});
