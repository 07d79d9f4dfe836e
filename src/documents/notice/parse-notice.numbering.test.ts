import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatChineseNumber } from "../../domain/chinese-numerals.ts";
import { parseNotice } from "./parse-notice.ts";

const HEAD = [
  "中共某市某局党组关于市委巡察整改进展情况的通报",
  "根据市委统一部署，2022年9月13日至11月15日，市委第二巡察组对某局党组进行了巡察，并于2023年1月10日反馈了巡察意见。现将整改进展情况通报如下。",
  "一、具体问题整改情况",
];

/** A notice of `count` problems numbered by `marker(n)`, each with one measure and a status. */
function notice(count: number, marker: (n: number) => string, aspect?: string): string {
  const lines = [...HEAD];
  if (aspect !== undefined) lines.push(aspect);
  for (let n = 1; n <= count; n++) {
    lines.push(`${marker(n)}关于第${n}项工作落实不到位的问题【已完成】`);
    lines.push(`整改措施：建立第${n}项工作台账，逐项销号。`);
  }
  return lines.join("\n");
}

const titles = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `第${i + 1}项工作落实不到位`);

describe("parseNotice reads problem numbers past 999", () => {
  it.each([
    ["1200.", (n: number) => `${n}.`, "（一）贯彻落实党中央决策部署方面"],
    ["1200、", (n: number) => `${n}、`, "（一）贯彻落实党中央决策部署方面"],
    ["（1200）", (n: number) => `（${n}）`, "（一）贯彻落实党中央决策部署方面"],
    ["问题1200：", (n: number) => `问题${n}：`, undefined],
    ["（一千二百）", (n: number) => `（${formatChineseNumber(n)}）`, undefined],
  ])("reads 1,200 problems numbered like %s, each on its own", (_style, marker, aspect) => {
    const draft = parseNotice(notice(1_200, marker, aspect));
    expect(draft.problems).toHaveLength(1_200);
    expect(draft.problems.map((p) => p.title)).toEqual(titles(1_200));
    expect(draft.problems.every((p) => p.measures.length === 1 && p.status === "completed")).toBe(true);
    expect(draft.warnings.map((w) => w.code)).not.toContain("numbering_gap");
  });

  it("reads any count of numbered problems up to the import limit (5,000), whatever the style", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 990, max: 5_000 }),
        fc.constantFrom<(n: number) => string>(
          (n) => `${n}.`,
          (n) => `（${n}）`,
          (n) => `问题${n}：`,
          (n) => `（${formatChineseNumber(n)}）`,
        ),
        (count, marker) => {
          const draft = parseNotice(notice(count, marker));
          expect(draft.problems).toHaveLength(count);
          expect(draft.problems.at(-1)?.title).toBe(`第${count}项工作落实不到位`);
        },
      ),
      { numRuns: 6 },
    );
  });

  it("reads stated counts written in Chinese numerals past 99", () => {
    const text = notice(120, (n) => `${n}.`, "（一）党的建设方面（一百二十个问题）").replace(
      "现将整改进展情况通报如下。",
      "巡察反馈的一百二十个问题已全部整改完成。现将整改进展情况通报如下。",
    );
    const draft = parseNotice(text);
    expect(draft.stated.problems).toBe(120);
    expect(draft.aspects[0]?.stated.problems).toBe(120);
    expect(draft.warnings.map((w) => w.code)).not.toContain("count_mismatch");
  });

  it("does not take words with 百 or 千 for numbers", () => {
    const draft = parseNotice(
      notice(2, (n) => `${n}.`, "（一）党的建设方面").replace(
        "整改措施：建立第1项工作台账，逐项销号。",
        "整改措施：建立第1项工作台账，逐项销号。\n千方百计、多措并举推进整改。\n百、千、万元以上支出须集体研究。",
      ),
    );
    expect(draft.problems).toHaveLength(2);
    expect(draft.problems[0]?.measures.map((m) => m.text).join("")).toContain("千方百计");
  });
});
