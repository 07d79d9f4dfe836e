// Shapes found by blind round 5 (test/fixtures/notices-blind b12–b20, written before the parser saw them), each
// reduced to a small notice of its own. Fictional organisations only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNotice, parseNoticeTraced } from "./parse-notice.ts";

const INTRO = "2024年3月4日至4月12日，县委第四巡察组对县文旅局党组进行了巡察，5月20日反馈了巡察意见。";

const notice = (...lines: string[]): string =>
  ["中共某县文旅局党组关于县委巡察反馈意见整改情况的通报", INTRO, ...lines].join("\n");

const summary = (text: string) =>
  parseNotice(text).problems.map((p) => [p.title, p.status, p.aspect ?? null] as const);

describe("parseNotice on the shapes of blind round 5", () => {
  it("keeps 整改任务1.1/1.2 under their problem and gives the problem its least advanced task's status", () => {
    const text = notice(
      "问题一：景区门票收入管理不规范",
      "整改任务1.1：建立门票收入日清月结制度。（已完成）",
      "整改任务1.2：追缴拖欠的门票分成款。（推进中）",
      "问题二：文物保护经费拨付滞后",
      "整改任务2.1：制定经费拨付计划。（已完成）",
      "整改任务2.2：按季度调度拨付进度。（已完成）",
    );
    expect(summary(text)).toEqual([
      ["景区门票收入管理不规范", "in_progress", null],
      ["文物保护经费拨付滞后", "completed", null],
    ]);
  });

  it("reads numbered one-line problems that end on a bare status sentence, without any section heading", () => {
    const text = notice(
      "1.村级财务报账不及时。已整改。",
      "2.惠民补贴发放公示不规范。已整改。",
      "3.农村人居环境整治成效不明显。正在整改。",
    );
    expect(summary(text)).toEqual([
      ["村级财务报账不及时", "completed", null],
      ["惠民补贴发放公示不规范", "completed", null],
      ["农村人居环境整治成效不明显", "in_progress", null],
    ]);
  });

  it("reads ● bullets as items under their aspect, and a progress text ending on 已完成整改 as completed", () => {
    const text = notice(
      "一、文化市场监管方面",
      "● 演出市场执法检查频次不足",
      "整改情况：制定年度执法检查计划，开展检查36次，已完成整改。",
      "● 网吧违规接纳未成年人查处不力",
      "整改情况：开展专项整治，立案查处5家，已完成整改。",
    );
    expect(summary(text)).toEqual([
      ["演出市场执法检查频次不足", "completed", "文化市场监管"],
      ["网吧违规接纳未成年人查处不力", "completed", "文化市场监管"],
    ]);
  });

  it("reads 整改到位 as completed", () => {
    const text = notice(
      "（一）关于少计门票收入的问题",
      "整改情况：已补记收入。整改到位。",
      "（二）关于景区设施未入账的问题",
      "整改情况：已登记入账。整改到位。",
    );
    expect(summary(text).map(([, status]) => status)).toEqual(["completed", "completed"]);
  });

  it("reads a closing status table whose columns are kept apart by runs of spaces", () => {
    const text = notice(
      "1.演出市场执法检查频次不足。制定年度执法检查计划。",
      "2.网吧违规接纳未成年人查处不力。开展专项整治。",
      "三、整改完成情况一览",
      "序号  问题  整改状态",
      "1  演出市场执法检查频次不足  已完成",
      "2  网吧违规接纳未成年人查处不力  正在推进",
    );
    expect(summary(text).map(([, status]) => status)).toEqual(["completed", "in_progress"]);
  });

  it("reads 共梳理问题6个 as the count of problems, and 已完成19条 (measures) not as completed problems", () => {
    const { stated } = parseNotice(
      notice("局党组共梳理问题6个、制定整改措施21条、已完成19条、完成率90.5%。", "1.台账不全。已整改。"),
    );
    expect(stated).toEqual({ problems: 6, measures: 21, completionRate: "90.5" });
  });

  it("reads 已全部完成整改 after a stated total as every problem completed, but not inside a group's bracket", () => {
    const all = parseNotice(
      notice("共指出问题2个，截至目前，已全部完成整改。", "1.台账不全。已整改。", "2.制度缺失。已整改。"),
    ).stated;
    expect(all).toMatchObject({ problems: 2, completed: 2 });
    const group = parseNotice(
      notice("共指出问题3个。", "一、立行立改类问题（2个，已全部整改完成）", "1.台账不全。已整改。"),
    ).stated;
    expect(group.completed).toBeUndefined();
  });

  it("takes the issuer for a target written 我省, and says so when it is another level than the issuer", () => {
    const draft = parseNotice(
      [
        "北川县关于中央生态环境保护督察反馈问题整改情况的公告",
        "2023年11月20日至12月20日，中央第三生态环境保护督察组对我省开展督察，2024年4月10日反馈了意见。",
        "1.砂石企业扬尘防治不到位。已整改。",
        "2.垃圾填埋场渗滤液处理能力不足。已整改。",
      ].join("\n"),
    );
    expect(draft.inspection.target).toBe("北川县");
    const note = draft.warnings.find((w) => w.code === "inspection_incomplete");
    expect(note?.message).toContain("“我省”");
  });

  it("keeps an attached document printed after the signature out of the problems, said in one warning", () => {
    const { draft, roles } = parseNoticeTraced(
      notice(
        "1.台账不全。已整改。",
        "2.制度缺失。已整改。",
        "中共某县文旅局党组",
        "2024年9月6日",
        "附件：整改措施明细表",
        "序号｜整改措施｜责任部门",
        "1｜补齐台账｜办公室",
      ),
    );
    expect(draft.problems.map((p) => p.title)).toEqual(["台账不全", "制度缺失"]);
    expect(draft.signatory).toBe("中共某县文旅局党组");
    expect(draft.attachments).toEqual(["整改措施明细表"]);
    expect(draft.unclassified.map((u) => u.line)).toEqual([7, 8, 9]);
    expect(draft.warnings.filter((w) => w.code === "unclassified_text")).toHaveLength(1);
    expect([7, 8, 9].map((n) => roles.get(n))).toEqual(["unclassified", "unclassified", "unclassified"]);
  });
});

describe("probes beyond the round", () => {
  it("reads a table row with empty number and problem cells (merged down in Word) as more of the row above", () => {
    const draft = parseNotice(
      notice(
        "序号｜问题｜整改措施｜完成情况",
        "1｜台账不全｜补齐台账。｜已完成",
        "｜ ｜ ｜开展专项检查。｜ ｜",
        "2｜制度缺失｜建立制度。｜正在推进",
      ),
    );
    expect(draft.problems.map((p) => [p.title, p.status, p.measures.map((m) => m.text)])).toEqual([
      ["台账不全", "completed", ["补齐台账。", "开展专项检查。"]],
      ["制度缺失", "in_progress", ["建立制度。"]],
    ]);
  });
});

describe("properties of the round-5 formatting rules", () => {
  const table = (gap: string): string =>
    notice(
      "1.演出市场执法检查频次不足。制定年度执法检查计划。",
      "2.网吧违规接纳未成年人查处不力。开展专项整治。",
      "三、整改完成情况一览",
      ["序号", "问题", "整改状态"].join(gap),
      ["1", "演出市场执法检查频次不足", "已完成"].join(gap),
      ["2", "网吧违规接纳未成年人查处不力", "正在推进"].join(gap),
    );

  it("reads a spaced closing table the same whatever the gap between its columns", () => {
    const want = summary(table("｜"));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(" ", "\u3000"), { minLength: 2, maxLength: 6 }), (gap) => {
        expect(summary(table(gap.join("")))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("reads bulleted problems the same whatever the bullet and the space after it", () => {
    const bulleted = (bullet: string, space: string): string =>
      notice(
        "一、文化市场监管方面",
        `${bullet}${space}演出市场执法检查频次不足`,
        "整改情况：开展检查36次，已完成整改。",
        `${bullet}${space}网吧违规接纳未成年人查处不力`,
        "整改情况：正在整改。",
      );
    const want = summary(bulleted("●", " "));
    expect(want).toHaveLength(2);
    fc.assert(
      fc.property(
        fc.constantFrom("●", "•", "■", "◆", "▲", "○", "★"),
        fc.constantFrom("", " ", "\u3000"),
        (b, s) => {
          expect(summary(bulleted(b, s))).toEqual(want);
        },
      ),
      { numRuns: 30 },
    );
  });
});
