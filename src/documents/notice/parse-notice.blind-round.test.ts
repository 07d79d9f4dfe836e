// Shapes found by the blind round of test/fixtures/notices-blind (written before the parser saw them), each
// reduced to a small notice of its own. Fictional organisations only.
import { describe, expect, it } from "vitest";
import { parseNotice } from "./parse-notice.ts";

const INTRO =
  "根据区委统一部署，2023年3月6日至4月28日，区委第四巡察组对区商务局党组进行了巡察，5月30日反馈了巡察意见。";

const notice = (...lines: string[]): string =>
  ["中共某区商务局党组关于区委巡察整改情况的通报", INTRO, ...lines].join("\n");

const summary = (text: string) =>
  parseNotice(text).problems.map((p) => [p.title, p.status, p.aspect ?? null] as const);

describe("parseNotice on the shapes of the blind round", () => {
  it("reads a dated closing sentence (已于…底前整改完成) before the default of a 限期整改 group", () => {
    const text = notice(
      "一、限期整改类问题（2个）",
      "1.招商引资台账不完整。",
      "重新核对近三年招商项目，补齐台账。已于2023年10月底前整改完成。",
      "2.专项资金拨付滞后。",
      "制定拨付计划，按月调度。",
    );
    expect(summary(text).map(([, status]) => status)).toEqual(["completed", "in_progress"]);
  });

  it("takes headings followed by 整改情况： for problems, under top-level 关于…工作 groups", () => {
    const text = notice(
      "一、关于干部选拔任用工作",
      "（一）动议程序不够规范。",
      "整改情况：修订工作规程，明确动议环节。已完成整改。",
      "二、关于干部日常管理工作",
      "（二）干部档案审核不严。",
      "整改情况：开展档案专项审核。已完成整改。",
    );
    const draft = parseNotice(text);
    expect(draft.recognised).toBe(true);
    expect(summary(text)).toEqual([
      ["动议程序不够规范", "completed", "干部选拔任用工作"],
      ["干部档案审核不严", "completed", "干部日常管理工作"],
    ]);
  });

  it("reads counts given only as a rate with its fraction (整改完成率80%（4/5）)", () => {
    const stated = parseNotice(
      notice(
        "截至2023年9月30日，巡察反馈问题整改完成率80%（4/5），整改措施完成率90.9%（20/22）。",
        "问题1：台账不全。",
        "整改情况：已完成。",
      ),
    ).stated;
    expect(stated).toMatchObject({ problems: 5, completed: 4, measures: 22, completionRate: "80" });
  });

  it("reads 剩余1个按计划推进 as a count of problems in progress", () => {
    const stated = parseNotice(
      notice(
        "截至目前，4个问题已完成整改3个，剩余1个按计划推进。",
        "问题1：台账不全。",
        "整改情况：已完成。",
      ),
    ).stated;
    expect(stated).toMatchObject({ problems: 4, completed: 3, inProgress: 1 });
  });

  it("sets aside an earlier round that a 回头看 tells after the current one", () => {
    const text = [
      "中共某县林业局党组关于县委巡察“回头看”反馈意见整改情况的通报",
      "2023年9月4日至10月20日，县委第二巡察组对县林业局党组开展了巡察“回头看”，11月15日反馈了意见。",
      "2020年5月6日至6月20日，县委第一巡察组曾对县林业局党组开展常规巡察，反馈问题4个方面14个。此次“回头看”指出2个问题。",
      "一、整改落实情况",
      "（一）关于林地占用审批不严的问题",
      "该问题已整改完成。",
      "（二）关于护林员管理松散的问题",
      "该问题已整改完成。",
    ].join("\n");
    const draft = parseNotice(text);
    expect(draft.inspection).toMatchObject({
      kind: "回头看",
      team: "县委第二巡察组",
      onsiteStart: "2023-09-04",
      onsiteEnd: "2023-10-20",
      feedbackDate: "2023-11-15",
    });
    expect(draft.stated).toEqual({ problems: 2 });
    expect(draft.warnings.map((w) => w.code)).not.toContain("count_mismatch");
  });

  it("keeps the 附件 list before the signature as attachments, not as problems", () => {
    const draft = parseNotice(
      notice(
        "一、整改落实情况",
        "1.关于台账不全的问题。该问题已整改完成。",
        "2.关于制度不健全的问题。该问题已整改完成。",
        "附件：1.整改任务清单",
        "2.制度汇编",
        "中共某区商务局党组",
        "2023年10月8日",
      ),
    );
    expect(draft.problems.map((p) => p.title)).toEqual(["台账不全", "制度不健全"]);
    expect(draft.attachments).toEqual(["1.整改任务清单", "2.制度汇编"]);
    expect(draft.unclassified).toEqual([]);
  });

  it("matches a closing status table row that gives only the first clause of a title", () => {
    const text = notice(
      "一、整改落实情况",
      "（一）基层治理方面",
      "1.网格化管理不够精细，网格员履职考核流于形式。重新划分网格112个，修订考核办法。",
      "2.老旧小区改造推进缓慢。街道已完成4个老旧小区改造。",
      "二、整改情况汇总",
      "序号｜问题｜整改状态",
      "1｜网格化管理不够精细｜已完成",
      "2｜老旧小区改造推进缓慢｜正在推进",
    );
    expect(summary(text)).toEqual([
      ["网格化管理不够精细，网格员履职考核流于形式", "completed", "基层治理"],
      ["老旧小区改造推进缓慢", "in_progress", "基层治理"],
    ]);
  });

  it("takes top-level headings followed by a 整改措施 field for problems (一、… then 整改措施及结果：)", () => {
    const text = notice(
      "一、食堂采购未按规定比价。",
      "整改措施及结果：制定采购比价办法，补充比价记录。已整改。",
      "二、固定资产账实不符。",
      "整改措施及结果：全面盘点资产，调整账目。正在整改。",
    );
    expect(summary(text)).toEqual([
      ["食堂采购未按规定比价", "completed", null],
      ["固定资产账实不符", "in_progress", null],
    ]);
  });

  it("reads 已完成42个… as work done and the closing 达到序时进度 as the status; reads 达到序时进度1个 as a count", () => {
    const draft = parseNotice(
      notice(
        "截至2024年6月30日，已完成整改1个，达到序时进度1个。",
        "1.商圈油烟扰民投诉较多。",
        "整改进展：安装油烟净化设施120套。已完成。",
        "2.农村污水设施运行率偏低。",
        "整改进展：已完成42个村设施改造，剩余18个村正在施工，达到序时进度。",
      ),
    );
    expect(draft.problems.map((p) => p.status)).toEqual(["completed", "in_progress"]);
    expect(draft.stated).toMatchObject({ completed: 1, inProgress: 1 });
  });

  it("ends the last problem at a contact paragraph that opens with other words but gives a number", () => {
    const draft = parseNotice(
      notice(
        "1.商圈油烟扰民投诉较多。",
        "整改进展：安装油烟净化设施120套。已完成。",
        "公示期间，如有意见建议，请向区整改办反映。联系电话：0831-6123456。",
      ),
    );
    expect(draft.problems[0]?.blocks.map((b) => b.text)).toEqual(["安装油烟净化设施120套。已完成。"]);
    expect(draft.contact?.phones).toEqual(["0831-6123456"]);
  });

  it("takes numbered shortfalls under 整改落实情况 for problems, even without 关于/问题 shapes or aspects", () => {
    const listing = [
      "一、整改落实情况",
      "1.网格化管理不够精细，网格员履职考核流于形式。重新划分网格112个，修订考核办法。",
      "2.老旧小区改造推进缓慢。街道已完成4个老旧小区改造。",
    ];
    const alone = parseNotice(notice(...listing));
    expect(alone.problems.map((p) => [p.title, p.status])).toEqual([
      ["网格化管理不够精细，网格员履职考核流于形式", null],
      ["老旧小区改造推进缓慢", null],
    ]);
    expect(alone.warnings.filter((w) => w.code === "problem_status_unknown")).toHaveLength(2);
    const withTable = notice(
      ...listing,
      "二、整改情况汇总",
      "序号｜问题｜整改状态",
      "1｜网格化管理不够精细｜已完成",
      "2｜老旧小区改造推进缓慢｜正在推进",
    );
    expect(summary(withTable)).toEqual([
      ["网格化管理不够精细，网格员履职考核流于形式", "completed", null],
      ["老旧小区改造推进缓慢", "in_progress", null],
    ]);
  });

  it("keeps 问题 in a title that says …存在…问题, and drops 所属 before the target", () => {
    const draft = parseNotice(
      [
        "中共某集团委员会关于专项巡察整改情况的通报",
        "2023年3月6日至4月28日，集团党委第一巡察组对集团所属某物流有限公司党支部开展了专项巡察，5月30日反馈了巡察意见。",
        "问题1：财务制度执行不严，存在公务接待超标准问题。",
        "整改情况：已完成。",
      ].join("\n"),
    );
    expect(draft.problems[0]?.title).toBe("财务制度执行不严，存在公务接待超标准问题");
    expect(draft.inspection.target).toBe("某物流有限公司党支部");
  });
});
