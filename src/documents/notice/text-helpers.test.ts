import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text.ts";
import { findOutcomeCandidates } from "./outcome-candidates.ts";
import { leadingStatus, statusFromWords } from "./status-words.ts";
import { cleanTitle } from "./build-problem.ts";

describe("statusFromWords", () => {
  it.each([
    ["已整改", "completed"],
    ["已完成", "completed"],
    ["整改完成", "completed"],
    ["已销号", "completed"],
    ["正在推进", "in_progress"],
    ["正在整改", "in_progress"],
    ["推进中", "in_progress"],
    ["未完成", "in_progress"],
    ["未整改", "in_progress"],
    ["基本完成", "long_term"],
    ["阶段性成效并持续整改", "long_term"],
    ["持续整改", "long_term"],
    ["长期坚持", "long_term"],
    ["持续推进", "long_term"],
    ["该问题已基本完成整改", "long_term"],
    ["尚未完成", "in_progress"],
    ["无关文字", null],
  ])("%s → %s", (text, status) => {
    expect(statusFromWords(text)).toBe(status);
  });

  it("reads only a leading status word for labels", () => {
    expect(leadingStatus("已整改。上述单位已缴库")?.status).toBe("completed");
    expect(leadingStatus("上述单位已整改")).toBeNull();
  });
});

describe("cleanTitle", () => {
  it.each([
    ["关于“四风问题依然存在”问题的整改。", "四风问题依然存在"],
    ["关于“党组核心作用发挥不充分”问题整改。", "党组核心作用发挥不充分"],
    ["关于“支部‘三会一课’制度落实不到位”问题的整改", "支部‘三会一课’制度落实不到位"],
    ["关于普惠小微“首贷户”拓展乏力的问题【持续整改】", "普惠小微“首贷户”拓展乏力"],
    ["非税收入未及时缴入国库问题", "非税收入未及时缴入国库"],
    ["以往巡察、审计反馈问题整改不彻底", "以往巡察、审计反馈问题整改不彻底"],
    ["“双减”政策落实监管不到位", "“双减”政策落实监管不到位"],
  ])("%s → %s", (raw, title) => {
    expect(cleanTitle(raw)).toBe(title);
  });
});

describe("normalizeText", () => {
  it("drops page numbers, blank lines and the metadata header; unifies widths", () => {
    const { lines, metadata } = normalizeText(
      "索引号：001 发布机构：某局\n\n标题\n— 3 —\n- 4 -\n第5页 共9页\n（一）甲：１２３,乙(丙)\n",
    );
    expect(metadata).toEqual({ 索引号: "001", 发布机构: "某局" });
    expect(lines).toEqual([
      { n: 3, text: "标题" },
      { n: 7, text: "（一）甲：123，乙（丙）" },
    ]);
  });

  it("keeps thousands separators, times and URLs", () => {
    expect(normalizeText("1,260人次，10:30，https://example.com").lines[0]?.text).toBe(
      "1,260人次，10:30，https://example.com",
    );
  });
});

describe("findOutcomeCandidates", () => {
  it("guesses kinds from the nearest words and keeps the sentence", () => {
    const found = findOutcomeCandidates(
      "建立健全制度14项，修订制度3项，谈话提醒6人，给予党纪处分1人，移交问题线索2条。清退违规列支费用27.48万元，追缴资金1,200万元。先后3次召开会议，举办讲座2场，培训干部60人次。",
    );
    expect(found.map((o) => [o.quantity, o.unit, o.kind])).toEqual([
      ["14", "项", "rules_new"],
      ["3", "项", "rules_revised"],
      ["6", "人", "admonition_talks"],
      ["1", "人", "people_accountable"],
      ["2", "条", "clues_transferred"],
      ["27.48", "万元", "funds_returned"],
      ["1200", "万元", "funds_recovered"],
      ["3", "次", "meetings"],
      ["2", "场", "lectures"],
      ["60", "人次", "trainings"],
    ]);
    expect(found[0]?.source).toBe(
      "建立健全制度14项，修订制度3项，谈话提醒6人，给予党纪处分1人，移交问题线索2条。",
    );
  });

  it("ignores durations, percentages, ordinals and the notice's own problem counts", () => {
    expect(
      findOutcomeCandidates("用时3个月，增长64%，第18届，3个方面10个问题，已整改完成7个，2个百分点。"),
    ).toEqual([]);
  });
});
