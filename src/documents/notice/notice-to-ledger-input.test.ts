import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ledgerQuantity, noticeToLedgerInput } from "./notice-to-ledger-input.ts";
import { parseNotice } from "./parse-notice.ts";

const seed = readFileSync(new URL("../../../test/fixtures/notices/seed.txt", import.meta.url), "utf8");

describe("notice → ledger input", () => {
  it("says that the seed states 4 aspects and 40 measures but lists 33 measures and no aspects", () => {
    const { input, notes } = noticeToLedgerInput(parseNotice(seed));
    expect(input.aspects).toEqual([]);
    expect(input.problems.reduce((n, p) => n + (p.measures?.length ?? 0), 0)).toBe(33);
    expect(notes).toEqual([
      "通报称4个方面，但问题未按方面列出，台账中不分方面",
      "通报称40条整改措施，导入33条（28条已做工作、5条正在深化整改内容），相差的7条通报未逐条列出，请在台账中核对补充",
      // The seed is undated (its web page carried the date): the day its done work was closed is unknown.
      "通报未写明截至日期或成文日期，已完成措施的销号时间记为导入时间，请在台账中核对",
    ]);
  });

  it("turns done work into closed measures and ongoing items into open ones", () => {
    const { input } = noticeToLedgerInput(parseNotice(seed));
    expect(input.unitName).toBe("市文联党组");
    expect(input.inspection).toMatchObject({
      regime: "xuncha",
      team: "市委第八巡察组",
      feedbackDate: "2021-03-04",
    });
    expect(input.problems).toHaveLength(11);
    expect(input.plan).toMatchObject({ leader: "杨建", meetings: [{ heldOn: null }, {}, {}] });
    expect(input.plan?.meetings).toHaveLength(3);
    const completed = input.problems[0]!;
    expect(completed.measures!.every((m) => m.state === "closed")).toBe(true);
    const inProgress = input.problems[8]!;
    expect(inProgress.measures!.some((m) => m.state === "in_progress")).toBe(true);
    expect(inProgress.measures!.some((m) => m.state === "closed")).toBe(true);
  });

  it("shifts 万元 into 元 exactly", () => {
    expect(ledgerQuantity("620", "万元")).toBe("6200000");
    expect(ledgerQuantity("12.345", "万元")).toBe("123450");
    expect(ledgerQuantity("0.0001234", "万元")).toBeNull();
    expect(ledgerQuantity("47", "人")).toBe("47");
  });

  it("dates done work by the day the notice reports as of, and says when the notice names no day", () => {
    const notice = (closing: string) =>
      noticeToLedgerInput(
        parseNotice(
          `中共某县审计局党组关于审计整改情况的通报\n一、整改落实情况\n1.关于“预算执行不严格”问题的整改\n整改措施：建立预算执行台账。\n整改情况：已完成。\n2.关于“资产管理不规范”问题的整改\n整改措施：清查资产。\n整改情况：正在推进，2025年6月30日前完成。\n${closing}`,
        ),
      );
    const dated = notice("截至2024年4月30日，2个问题已整改完成1个。");
    const measures = dated.input.problems.flatMap((p) => p.measures ?? []);
    expect(measures.map((m) => [m.state, m.closedOn])).toEqual([
      ["closed", "2024-04-30"],
      ["in_progress", null],
    ]);
    expect(dated.notes.join()).not.toContain("销号时间");
    const undated = notice("截至目前，2个问题已整改完成1个。");
    expect(undated.input.problems[0]?.measures?.[0]?.closedOn).toBeNull();
    expect(undated.notes).toContain(
      "通报未写明截至日期或成文日期，已完成措施的销号时间记为导入时间，请在台账中核对",
    );
  });
});
