import { describe, expect, it } from "vitest";
import { TITLE_CHARS_PER_LINE, breakTitle, printedTitleLines } from "./break-title.ts";
import { textWidth } from "./estimate-lines.ts";

// Twenty real-shaped titles and where an editor breaks them (词意完整、排列对称, GB/T 9704 cl. 7.3.1).
const TITLES: ReadonlyArray<[string, string[]]> = [
  [
    "中共无锡市文学艺术界联合会党组关于巡察整改情况的通报",
    ["中共无锡市文学艺术界联合会党组", "关于巡察整改情况的通报"],
  ],
  [
    "中共某某市委员会关于十四届市委第八轮巡察集中整改进展情况的通报",
    ["中共某某市委员会关于十四届市委第八轮", "巡察集中整改进展情况的通报"],
  ],
  ["关于进一步加强和改进巡察整改工作的实施意见", ["关于进一步加强和改进巡察", "整改工作的实施意见"]],
  ["中共某某县委办公室关于巡察整改情况的通报", ["中共某某县委办公室关于巡察整改情况的通报"]],
  [
    "某某市人民政府办公室关于2023年度审计查出问题整改情况的报告",
    ["某某市人民政府办公室关于", "2023年度审计查出问题整改情况的报告"],
  ],
  [
    "中共某某区纪委监委关于巡察反馈意见整改落实情况的通报",
    ["中共某某区纪委监委关于", "巡察反馈意见整改落实情况的通报"],
  ],
  ["中共某某大学委员会关于巡视整改进展情况的通报", ["中共某某大学委员会关于", "巡视整改进展情况的通报"]],
  ["关于市委第三巡察组反馈意见整改落实情况的报告", ["关于市委第三巡察组反馈意见", "整改落实情况的报告"]],
  [
    "中共某某市卫生健康委员会党组关于巡察“回头看”整改情况的通报",
    ["中共某某市卫生健康委员会党组", "关于巡察“回头看”整改情况的通报"],
  ],
  ["某某集团有限公司党委关于巡察整改情况的通报", ["某某集团有限公司党委", "关于巡察整改情况的通报"]],
  [
    "中共某某省交通运输厅党组关于省委第二巡视组巡视反馈意见集中整改进展情况的通报",
    ["中共某某省交通运输厅党组", "关于省委第二巡视组巡视反馈意见", "集中整改进展情况的通报"],
  ],
  ["关于开展巡察整改“回头看”工作的通知", ["关于开展巡察整改“回头看”工作的通知"]],
  ["中共某某镇委员会关于巡察整改情况的通报", ["中共某某镇委员会关于巡察整改情况的通报"]],
  ["某某市财政局关于审计整改情况的报告", ["某某市财政局关于审计整改情况的报告"]],
  [
    "中共某某市委巡察工作领导小组办公室关于进一步规范巡察整改情况公开工作的通知",
    ["中共某某市委巡察工作领导小组办公室关于", "进一步规范巡察整改情况公开工作的通知"],
  ],
  [
    "中共某某市发展和改革委员会党组关于市委第五巡察组巡察反馈问题整改情况的通报",
    ["中共某某市发展和改革委员会党组关于", "市委第五巡察组巡察反馈问题整改情况的通报"],
  ],
  ["中共中央办公厅关于巡视整改工作的意见", ["中共中央办公厅关于巡视整改工作的意见"]],
  ["某某县人民医院党委关于巡察整改情况的报告", ["某某县人民医院党委关于巡察整改情况的报告"]],
  [
    "中共某某市生态环境局党组关于中央生态环境保护督察反馈问题整改落实情况的报告",
    ["中共某某市生态环境局党组", "关于中央生态环境保护督察", "反馈问题整改落实情况的报告"],
  ],
  [
    "中共某某市委关于十二届市委第一轮巡察整改情况的通报",
    ["中共某某市委关于十二届市委第一轮", "巡察整改情况的通报"],
  ],
];

describe("breakTitle", () => {
  it.each(TITLES)("breaks %s at word boundaries into symmetric lines", (title, expected) => {
    const lines = breakTitle(title);
    expect(lines).toEqual(expected);
    expect(lines.join("")).toBe(title);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE);
  });

  it("never splits 整改, 巡察组 or 第N轮 and never starts a line with closing punctuation", () => {
    for (const [title] of TITLES) {
      const lines = breakTitle(title);
      for (let i = 1; i < lines.length; i++) {
        const joint = `${lines[i - 1]!.slice(-1)}|${lines[i]!.slice(0, 1)}`;
        expect(["整|改", "察|组", "视|组", "八|轮", "一|轮"]).not.toContain(joint);
        expect(lines[i]).not.toMatch(/^[，。、”）》]/);
      }
    }
  });

  it("cuts a title without any word boundary by width rather than overflowing the 版心", () => {
    const lines = breakTitle("A".repeat(50));
    expect(lines.join("")).toBe("A".repeat(50));
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(TITLE_CHARS_PER_LINE);
  });

  it("keeps the breaks an author asked for with a line break", () => {
    expect(printedTitleLines("中共无锡市文学艺术界联合会党组关于\n巡察整改情况的通报")).toEqual([
      "中共无锡市文学艺术界联合会党组关于",
      "巡察整改情况的通报",
    ]);
    expect(printedTitleLines("关于巡察整改情况的通报")).toEqual(["关于巡察整改情况的通报"]);
  });
});
