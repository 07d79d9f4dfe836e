import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fillCounts, templateCounts, type NarrativeCounts } from "./narrative-counts.ts";

const LEDGER: NarrativeCounts = { aspects: 3, problems: 9, measures: 33, meetings: 5 };

describe("templateCounts / fillCounts", () => {
  it("replaces the four counts the ledger knows and keeps every other number", () => {
    const text =
      "根据巡察反馈意见中指出的4个方面11项问题，细化分解为40条整改措施，市文联党组先后3次召开会议，发挥文联“十六字”职能，共计8个问题已整改。";
    const { template, found } = templateCounts(text);
    expect(found).toEqual({ aspects: 4, problems: 11, measures: 40, meetings: 3 });
    expect(fillCounts(template, LEDGER)).toBe(
      "根据巡察反馈意见中指出的3个方面9项问题，细化分解为33条整改措施，市文联党组先后5次召开会议，发挥文联“十六字”职能，共计8个问题已整改。",
    );
  });

  it.each([
    ["反馈的三个方面十二个问题，制定整改措施四十六条", { aspects: 3, problems: 12, measures: 46 }],
    ["制定了46项具体整改措施", { measures: 46 }],
    ["针对审计发现的５个问题", { problems: 5 }],
    ["党委二次专题召开会议", { meetings: 2 }],
    ["完成12项任务中的8项", {}],
  ])("reads the counts of %j", (text, expected) => {
    expect(templateCounts(text).found).toEqual(expected);
  });

  it("drops the aspects from a ledger that has none instead of printing 0个方面", () => {
    const { template } = templateCounts("指出的4个方面11项问题");
    expect(fillCounts(template, { ...LEDGER, aspects: 0 })).toBe("指出的9项问题");
  });

  it("never reads the unit's own braces as a placeholder", () => {
    const { template } = templateCounts("模板{{measures}}不是占位符");
    expect(fillCounts(template, LEDGER)).toBe("模板｛｛measures｝｝不是占位符");
  });

  it("gives the text back unchanged when the ledger agrees with the numbers it states", () => {
    const numeral = fc.integer({ min: 1, max: 999 });
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        numeral,
        numeral,
        numeral,
        (lead, aspects, problems, measures) => {
          const clean = lead.replace(/[{}0-9０-９零〇一二两三四五六七八九十百]/g, "");
          const text = `${clean}指出的${aspects}个方面${problems}项问题，分解为${measures}条整改措施。`;
          const { template, found } = templateCounts(text);
          expect(found).toEqual({ aspects, problems, measures });
          expect(fillCounts(template, { aspects, problems, measures, meetings: 0 })).toBe(text);
        },
      ),
    );
  });
});
