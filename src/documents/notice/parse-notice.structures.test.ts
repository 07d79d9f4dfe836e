// Structures that published notices use and the example files do not show. Fictional organisations only.
import { describe, expect, it } from "vitest";
import { parseNotice } from "./parse-notice.ts";

const summary = (text: string) =>
  parseNotice(text).problems.map((p) => [p.title, p.status, p.statusSource, p.aspect ?? null] as const);

const GROUPS = [
  "中共青石县交通运输局党组关于县委巡察整改情况的通报",
  "根据县委统一部署，2021年3月1日至4月30日，县委第一巡察组对县交通运输局党组进行了巡察。5月20日，县委第一巡察组向县交通运输局党组反馈了巡察意见。",
  "一、整改工作组织情况",
  "成立由党组书记张三同志为组长的整改工作领导小组，先后召开5次党组会议研究整改工作。针对反馈的2个方面5个问题，制定整改措施20条。",
  "二、整改落实情况",
  "（一）立行立改的问题（2个）",
  "1.关于“会议记录不规范”的问题",
  "整改措施：统一会议记录本。",
  "完成情况：已完成",
  "2.关于“公务用车管理不严”的问题",
  "整改措施：建立用车登记制度。",
  "（二）限期整改的问题（2个）",
  "1.关于“项目资金拨付滞后”的问题",
  "整改措施：加快拨付。",
  "整改时限：2021年12月底前",
  "2.关于“干部培训不足”的问题",
  "整改措施：制定培训计划。",
  "完成情况：已完成",
  "（三）长期坚持的问题（1个）",
  "1.关于“理论学习不深入”的问题",
  "整改措施：一是建立学习制度；二是开展专题学习。",
].join("\n");

const AUDIT = [
  "关于2022年度审计查出问题整改情况的报告",
  "2022年5月10日至7月20日，市审计局对市交通局2021年度预算执行情况进行了审计，8月5日向市交通局反馈了审计意见。",
  "一、整改总体情况",
  "审计查出3个问题，已整改1个，持续整改1个，未整改1个。",
  "二、审计查出问题整改情况",
  "（一）已整改的问题",
  "1.未及时收缴非税收入问题。已全部收缴入库。",
  "（二）持续整改的问题",
  "2.项目建设进度滞后问题。正在加快推进。",
  "（三）未整改的问题",
  "3.历史欠款清理问题。因涉及诉讼，暂未整改。",
].join("\n");

const ENV = [
  "青石市贯彻落实中央第三生态环境保护督察组督察反馈意见整改情况公示",
  "2021年4月7日至5月7日，中央第三生态环境保护督察组对某省开展了第二轮生态环境保护督察。2021年7月15日，督察组向某省反馈了督察意见。",
  "————————————",
  "序号：1",
  "反馈问题：青河流域水质不达标问题突出。部分断面水质长期为劣V类。",
  "整改目标：2022年底前断面水质达到IV类。",
  "整改措施：（1）实施截污纳管工程；（2）开展河道清淤。",
  "责任单位：市生态环境局",
  "整改时限：2022年12月底",
  "整改进展：已完成。",
  "————————————",
  "序号：2",
  "反馈问题：垃圾填埋场渗滤液处理不到位。",
  "整改措施：建设渗滤液处理站。",
  "责任单位：市城管局",
  "整改时限：长期坚持",
  "整改进展：达到序时进度。",
  "————————————",
].join("\n");

const NESTED = [
  "中共青石区统计局委员会关于区委巡察整改情况的通报",
  "2022年3月1日至4月15日，区委第二巡察组对区统计局党委进行了巡察。2022年5月10日，区委第二巡察组反馈了巡察意见。",
  "一、关于党的政治建设方面",
  "（一）理论学习不够深入",
  "1.整改措施",
  "（1）制定学习计划。",
  "（2）开展专题研讨。",
  "2.整改成效：已完成。",
  "（二）意识形态责任落实不到位",
  "1.整改措施",
  "（1）建立意识形态工作台账。",
  "（2）每半年专题研究一次意识形态工作。",
  "2.完成情况：持续推进",
  "二、关于全面从严治党方面",
  "（一）“四风”问题仍有发生",
  "1.整改措施",
  "（1）开展作风专项整治。",
  "2.完成情况：已完成",
  "三、下一步工作计划",
  "继续巩固整改成果。",
].join("\n");

const NOISY = [
  "索引号：11320200/2021-00123    发布机构：青石市文联",
  "发布日期：2021-06-01",
  "中共青石市文学艺术界联合会党组关于巡察整改",
  "情况的通报",
  "根据市委统一部署,２０２０年１１月１２日至２０２１年１月１２日,市委第八巡察组对市文联党组进行了巡察。3月4日,市委第八巡察组向市文联党组反馈了巡察意见。",
  "",
  "一、整改工作组织情况",
  "巡察反馈2个方面3个问题,已完成整改2个、正在整改1个,整改完成率66.7%。",
  "— 2 —",
  "二、整改落实情况",
  "(一)已整改完成的问题",
  '1.关于"意识形态工作不到位"问题的整改。',
  "整改结果及成效:",
  "一是完善制度。二是加强培训,全年培训120人次。",
  "",
  "- 3 -",
  "2、关于“财务管理不规范”问题的整改。",
  "整改结果及成效：一是规范报销；二是清退违规费用3.5万元。",
  "(二)正在推进整改的问题",
  "1.关于“人才队伍建设滞后”问题的整改。",
  "整改措施及阶段性成效:",
  "一是引进人才2名。",
  "正在深化整改的内容及时限:",
  "一是6月底前完成招聘。二是长期坚持人才培养。",
].join("\n");

const INLINE = [
  "青石县水利局关于巡察反馈意见整改情况的报告",
  "2023年2月1日至3月31日，县委第四巡察组对县水利局开展了巡察，5月8日反馈了巡察意见。",
  "问题一：理论学习不深入。整改措施：建立学习制度；开展专题学习。整改时限：2023年6月底前。完成情况：已完成。",
  "问题二：工程项目监管不严。整改措施：建立项目台账。整改时限：年内。完成情况：正在整改。",
].join("\n");

const FOLLOW_UP = [
  "中共青石县林业局党组关于巡察“回头看”整改情况的通报",
  "2023年9月4日至10月20日，县委第二巡察组对县林业局党组开展了巡察“回头看”。2023年11月8日反馈了意见。",
  "一、党的领导弱化方面（2个问题）",
  "（一）关于“党组会议研究业务不够”的问题",
  "整改情况：党组会议每月研究一次业务工作。已整改完成。",
  "（二）关于“意识形态工作责任制落实不到位”的问题",
  "整改情况：已制定意识形态工作责任清单。目前该问题正在整改。",
  "二、全面从严治党方面（1个问题）",
  "（一）关于“财务审批不严”的问题",
  "整改情况：修订财务审批办法。该问题已整改完成。",
].join("\n");

const UNNAMED_GROUPS = [
  "青石区住建局关于区委巡察反馈意见整改情况的报告",
  "区委第三巡察组于2022年4月6日至5月30日对区住建局进行了巡察，7月2日反馈了巡察意见。",
  "一、整改落实情况",
  "（一）政治建设",
  "1.理论学习不够系统",
  "整改措施：一是制定学习计划；二是开展专题研讨。",
  "完成情况：已完成",
  "2.民主集中制执行不严",
  "整改措施：修订议事规则。",
  "完成情况：推进中",
  "（二）作风建设",
  "1.文山会海问题突出",
  "整改措施：精简会议文件。",
  "完成情况：已完成",
].join("\n");

describe("parseNotice on structures beyond the examples", () => {
  it("立行立改 / 限期整改 / 长期坚持 groups: own labels win, the group decides otherwise", () => {
    const draft = parseNotice(GROUPS);
    expect(summary(GROUPS)).toEqual([
      ["会议记录不规范", "completed", "label", null],
      ["公务用车管理不严", "completed", "group", null],
      ["项目资金拨付滞后", "in_progress", "group", null],
      ["干部培训不足", "completed", "label", null],
      ["理论学习不深入", "long_term", "section", null],
    ]);
    expect(draft.problems.map((p) => p.kind)).toEqual([
      "immediate",
      "immediate",
      "time_limited",
      "time_limited",
      "long_term",
    ]);
    expect(draft.problems[2]?.deadline).toBe("2021-12-31");
    expect(draft.problems[4]?.measures.map((m) => m.text)).toEqual(["建立学习制度", "开展专题学习。"]);
    expect(draft.organisation).toMatchObject({ leader: "张三", meetings: 5 });
  });

  it("audit report grouped as 已整改 / 持续整改 / 未整改 with problem titles ending in 问题", () => {
    const draft = parseNotice(AUDIT);
    expect(draft.inspection).toMatchObject({
      kind: "审计",
      team: "市审计局",
      target: "市交通局",
      feedbackDate: "2022-08-05",
    });
    expect(summary(AUDIT)).toEqual([
      ["未及时收缴非税收入", "completed", "section", null],
      ["项目建设进度滞后", "long_term", "section", null],
      ["历史欠款清理", "in_progress", "section", null],
    ]);
    expect(draft.stated).toEqual({ problems: 3, completed: 1, inProgress: 1, longTerm: 1 });
    expect(draft.warnings).toEqual([]);
  });

  it("environmental-inspection task list: records between separators, labelled fields, inline （1）（2） items", () => {
    const draft = parseNotice(ENV);
    expect(draft.inspection).toMatchObject({
      kind: "督察",
      team: "中央第三生态环境保护督察组",
      target: "某省",
    });
    expect(summary(ENV)).toEqual([
      ["青河流域水质不达标问题突出", "completed", "label", null],
      ["垃圾填埋场渗滤液处理不到位", "in_progress", "label", null],
    ]);
    const [first, second] = draft.problems;
    expect(first?.measures.map((m) => m.text)).toEqual(["实施截污纳管工程", "开展河道清淤。"]);
    expect(first).toMatchObject({ responsibleUnit: "市生态环境局", deadline: "2022-12-31" });
    expect(first?.blocks.find((b) => b.kind === "finding")?.text).toContain("部分断面水质长期为劣V类");
    expect(second).toMatchObject({ deadlineText: "长期坚持", deadlineLongTerm: true });
    expect(draft.unclassified).toEqual([]);
  });

  it("four nesting levels 一、（一）1.（1） with unquoted titles under aspects", () => {
    const draft = parseNotice(NESTED);
    expect(summary(NESTED)).toEqual([
      ["理论学习不够深入", "completed", "label", "党的政治建设"],
      ["意识形态责任落实不到位", "long_term", "label", "党的政治建设"],
      ["“四风”问题仍有发生", "completed", "label", "全面从严治党"],
    ]);
    expect(draft.problems[1]?.measures.map((m) => m.text)).toEqual([
      "建立意识形态工作台账。",
      "每半年专题研究一次意识形态工作。",
    ]);
    expect(draft.plan).toEqual([{ text: "继续巩固整改成果。" }]);
  });

  it("metadata header, wrapped title, page numbers, full-width digits and half-width punctuation", () => {
    const draft = parseNotice(NOISY);
    expect(draft.metadata).toEqual({
      索引号: "11320200/2021-00123",
      发布机构: "青石市文联",
      发布日期: "2021-06-01",
    });
    expect(draft.title).toBe("中共青石市文学艺术界联合会党组关于巡察整改情况的通报");
    expect(draft.inspection).toMatchObject({
      onsiteStart: "2020-11-12",
      onsiteEnd: "2021-01-12",
      feedbackDate: "2021-03-04",
    });
    expect(draft.stated).toEqual({
      aspects: 2,
      problems: 3,
      completed: 2,
      inProgress: 1,
      completionRate: "66.7",
    });
    expect(summary(NOISY)).toEqual([
      ["意识形态工作不到位", "completed", "section", null],
      ["财务管理不规范", "completed", "section", null],
      ["人才队伍建设滞后", "in_progress", "section", null],
    ]);
    expect(draft.problems[2]?.ongoing).toEqual([
      { text: "6月底前完成招聘。", deadline: "2021-06-30" },
      { text: "长期坚持人才培养。", deadline: null, longTerm: true },
    ]);
    expect(draft.problems[1]?.outcomes).toContainEqual(
      expect.objectContaining({ kind: "funds_returned", quantity: "3.5", unit: "万元" }),
    );
    expect(draft.warnings.map((w) => w.code)).toEqual(["aspect_count_mismatch"]);
  });

  it("labelled fields of several problems written inline on one line each", () => {
    const draft = parseNotice(INLINE);
    expect(summary(INLINE)).toEqual([
      ["理论学习不深入", "completed", "label", null],
      ["工程项目监管不严", "in_progress", "label", null],
    ]);
    expect(draft.problems.map((p) => p.deadline)).toEqual(["2023-06-30", "2023-12-31"]);
    expect(draft.problems[0]?.measures.map((m) => m.text)).toEqual(["建立学习制度", "开展专题学习。"]);
  });

  it("回头看 with aspects at the top level, quoted problems below, status in bare closing sentences", () => {
    const draft = parseNotice(FOLLOW_UP);
    expect(draft.inspection.kind).toBe("回头看");
    expect(summary(FOLLOW_UP)).toEqual([
      ["党组会议研究业务不够", "completed", "sentence", "党的领导弱化"],
      ["意识形态工作责任制落实不到位", "in_progress", "sentence", "党的领导弱化"],
      ["财务审批不严", "completed", "sentence", "全面从严治党"],
    ]);
    expect(draft.problems[0]?.measures).toEqual([{ text: "党组会议每月研究一次业务工作。" }]);
    expect(draft.aspects.map((a) => a.stated)).toEqual([{ problems: 2 }, { problems: 1 }]);
    expect(draft.warnings).toEqual([]);
  });

  it("bare problem titles under unnamed groupings, recognised by the fields that follow them", () => {
    expect(summary(UNNAMED_GROUPS)).toEqual([
      ["理论学习不够系统", "completed", "label", "政治建设"],
      ["民主集中制执行不严", "in_progress", "label", "政治建设"],
      ["文山会海问题突出", "completed", "label", "作风建设"],
    ]);
    expect(parseNotice(UNNAMED_GROUPS).warnings).toEqual([]);
  });

  it("keeps text of an unknown section as unclassified, with a warning", () => {
    const draft = parseNotice(`${AUDIT}\n四、其他需要说明的事项\n部分数据以决算为准。`);
    expect(draft.unclassified).toEqual([{ line: 13, text: "部分数据以决算为准。" }]);
    expect(draft.warnings).toContainEqual(expect.objectContaining({ code: "unclassified_text", line: 13 }));
  });

  it("signals a text with no rectification structure", () => {
    for (const text of [
      "",
      "今天天气很好。\n我们去公园散步。",
      "关于召开年度工作会议的通知\n定于3月5日召开会议。",
    ]) {
      const draft = parseNotice(text);
      expect(draft.recognised).toBe(false);
      expect(draft.problems).toEqual([]);
      expect(draft.warnings).toEqual([expect.objectContaining({ code: "no_rectification_structure" })]);
      expect(draft.warnings[0]?.message).toMatch(/未识别到整改情况通报的结构/);
    }
  });

  it("uses --unit as the target only when the text names none", () => {
    expect(parseNotice(ENV, { unitName: "别的单位" }).inspection.target).toBe("某省");
    expect(
      parseNotice("问题1：制度不健全\n整改措施：建立制度。", { unitName: "青石县档案馆" }).inspection.target,
    ).toBe("青石县档案馆");
  });
});
