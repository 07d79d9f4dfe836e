// Small notices that each exercise one rule of the language the parser reads (see docs/importers.md).
import { describe, expect, it } from "vitest";
import { parseNotice } from "./parse-notice.ts";

const INTRO = "市委第二巡察组于2023年5月8日至6月30日对市审计局党组进行了巡察，8月10日反馈了巡察意见。";
const TITLE = "中共澄州市审计局党组关于市委巡察整改情况的通报";
const parse = (...lines: string[]) => parseNotice([TITLE, INTRO, ...lines].join("\n"));
const summary = (...lines: string[]) =>
  parse(...lines).problems.map((p) => [p.title, p.status, p.aspect ?? null]);

describe("parseNotice reads the language, not example layouts", () => {
  it("takes the review from 巡察, not from the 审计局 in the unit's name", () => {
    expect(parse("1.关于“台账不全”的问题", "该问题已整改完成。").inspection.kind).toBe("巡察");
  });

  it("reads 问题一 headings separated by a space (Markdown ## 问题一 标题)", () => {
    expect(
      summary(
        "## 问题一 审计整改跟踪不到位",
        "该问题已整改完成。",
        "## 问题二 内部审计指导不够",
        "该问题正在推进整改。",
      ),
    ).toEqual([
      ["审计整改跟踪不到位", "completed", null],
      ["内部审计指导不够", "in_progress", null],
    ]);
  });

  it("takes top-level …的问题 headings that name a shortfall for problems, with a bracketed status first", () => {
    expect(
      summary(
        "一、审计整改跟踪不到位的问题",
        "（已完成）建立审计整改跟踪台账。",
        "二、内部审计指导不够的问题",
        "（正在推进）出台指导意见。",
      ),
    ).toEqual([
      ["审计整改跟踪不到位", "completed", null],
      ["内部审计指导不够", "in_progress", null],
    ]);
  });

  it("reads a table whose header names its columns, with aspect rows inside it", () => {
    expect(
      summary(
        "序号｜存在问题｜整改措施｜是否完成",
        "一、党的建设方面｜｜｜",
        "1｜组织生活不规范｜制定组织生活清单｜是",
        "二、业务工作方面｜｜｜",
        "2｜审计计划执行不到位｜调整年度计划｜否",
      ),
    ).toEqual([
      ["组织生活不规范", "completed", "党的建设"],
      ["审计计划执行不到位", "in_progress", "业务工作"],
    ]);
  });

  it("says that a period written to the month only leaves its days unknown", () => {
    const draft = parseNotice(
      [
        TITLE,
        "市委第二巡察组于2023年10月至12月对市审计局党组进行了巡察，2024年1月9日反馈了巡察意见。",
        "1.关于“台账不全”的问题",
        "该问题已整改完成。",
      ].join("\n"),
    );
    expect(draft.inspection).toMatchObject({
      onsiteStart: null,
      onsiteEnd: null,
      feedbackDate: "2024-01-09",
    });
    expect(draft.warnings).toContainEqual(
      expect.objectContaining({
        code: "inspection_incomplete",
        message: expect.stringContaining("“2023年10月至12月”只写到月份") as string,
      }),
    );
  });

  it("warns, naming both numbers, when the stated count disagrees with the problems listed", () => {
    const draft = parse(
      "针对反馈的3个问题，制定整改措施9条。",
      "二、整改情况",
      "1.关于“台账不全”的问题",
      "该问题已整改完成。",
      "2.关于“制度缺失”的问题",
      "该问题已整改完成。",
    );
    expect(draft.warnings).toContainEqual(
      expect.objectContaining({ code: "count_mismatch", message: "文中称共有3个问题，实际列出2个" }),
    );
  });

  it("takes 我局 in the text for the unit named in the title", () => {
    const draft = parseNotice(
      [
        "澄州市统计局党组关于市委巡察反馈问题整改情况的报告",
        "市委第六巡察组于2023年8月7日至9月29日对我局进行了巡察，11月3日反馈了巡察意见。",
        "1.统计数据审核把关不严",
        "整改进展：修订办法。已完成。",
      ].join("\n"),
    );
    expect(draft.inspection.target).toBe("澄州市统计局党组");
  });
  it("keeps the numbered items under a problem as measures beside its 整改情况 block", () => {
    const draft = parse(
      "一、关于党的领导方面",
      "（一）关于“理论学习不深入”的问题",
      "1.建立学习制度。",
      "2.开展专题学习。",
      "整改情况：已完成。",
    );
    expect(draft.problems.map((p) => [p.title, p.status, p.measures.map((m) => m.text)])).toEqual([
      ["理论学习不深入", "completed", ["建立学习制度。", "开展专题学习。"]],
    ]);
  });

  it("reads a status after the title (——已完成, ：已完成)", () => {
    expect(
      summary(
        "二、整改情况",
        "1.关于“学习不深入”的问题——已完成",
        "建立学习制度。",
        "2.关于“决策不规范”的问题：正在推进",
        "修订议事规则。",
      ),
    ).toEqual([
      ["学习不深入", "completed", null],
      ["决策不规范", "in_progress", null],
    ]);
  });

  it("finds problems by paragraphs that end saying how they stand, and a sentence naming all of them", () => {
    expect(
      summary(
        "二、整改情况",
        "1. 学习不深入。针对这一问题，局党组建立学习制度。目前已整改完成。",
        "2. 决策不规范。针对这一问题，局党组修订议事规则。目前正在整改。",
      ),
    ).toEqual([
      ["学习不深入", "completed", null],
      ["决策不规范", "in_progress", null],
    ]);
    expect(
      summary(
        "二、整改情况",
        "（一）学习不深入",
        "整改措施：建立学习制度。",
        "（二）决策不规范",
        "整改措施：修订议事规则。",
        "截至目前，2个问题已全部整改完成。",
      ),
    ).toEqual([
      ["学习不深入", "completed", null],
      ["决策不规范", "completed", null],
    ]);
  });
});
