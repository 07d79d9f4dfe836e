import { describe, expect, it } from "vitest";
import { outcomeUnit, quantityNumber } from "./outcome-quantity.ts";
import { percentToRate } from "./ledger-workbook.ts";

describe("outcome quantities in workbooks", () => {
  it("counts in the unit the source names beside the figure: people in 人, never in 次", () => {
    expect(outcomeUnit("trainings", "47", "组织文艺骨干47人参加培训")).toBe("人");
    expect(outcomeUnit("other", "130", "区级文联负责人130余人赴淮安")).toBe("人");
    expect(outcomeUnit("other", "13", "成立7个党支部、成立13个功能型党支部")).toBe("个");
    expect(outcomeUnit("other", "150", "全年举办150场次。")).toBe("场次");
    expect(outcomeUnit("people_accountable", "3", "给予3名干部诫勉")).toBe("人");
    expect(outcomeUnit("other", "1350", "新增学位1,350个")).toBe("个");
    // "13" inside "113" is not the figure.
    expect(outcomeUnit("meetings", "13", "共113人参加，召开会议")).toBe("次");
  });

  it("falls back to the kind's unit: 人 for people held accountable, 项 for rules, 万元 for money, 次 for meetings", () => {
    expect(outcomeUnit("people_accountable", "2", null)).toBe("人");
    expect(outcomeUnit("admonition_talks", "5", null)).toBe("人次");
    expect(outcomeUnit("rules_new", "3", "出台制度")).toBe("项");
    expect(outcomeUnit("funds_returned", "100", "清退100元")).toBe("万元");
    expect(outcomeUnit("meetings", "3", null)).toBe("次");
  });

  it("writes money in 万元 exactly by moving the decimal point, counts as they are", () => {
    expect(quantityNumber("funds_returned", "12345.67")).toBe(1.234567);
    expect(quantityNumber("funds_recovered", "5")).toBe(0.0005);
    expect(quantityNumber("losses_recovered", "120000000")).toBe(12000);
    expect(quantityNumber("meetings", "3")).toBe(3);
  });

  it("turns a two-decimal percentage into the exact fraction a percent cell holds", () => {
    expect(percentToRate("66.67")).toBe(0.6667);
    expect(percentToRate("100.00")).toBe(1);
    expect(percentToRate("0.00")).toBe(0);
    expect(percentToRate("7.5")).toBe(0.075);
  });
});
