import { describe, expect, it } from "vitest";
import { blockText } from "../official-document/official-document.ts";
import { breakTitle } from "../official-document/break-title.ts";
import {
  buildSupervisionNotice,
  type BuildSupervisionNoticeOptions,
  type SupervisionItem,
} from "./build-supervision-notice.ts";

const item = (overrides: Partial<SupervisionItem> = {}): SupervisionItem => ({
  problemId: "p1",
  problemSeq: 1,
  problemTitle: "四风问题依然存在",
  measureId: "m1",
  measureSeq: 1,
  measureText: "清理超标配备的办公用房",
  department: "财务科",
  person: "李明",
  deadline: "2021-06-20",
  originalDeadline: null,
  level: "overdue",
  daysOverdue: 10,
  daysLeft: 0,
  basis: "calendar",
  ...overrides,
});

const options = (overrides: Partial<BuildSupervisionNoticeOptions> = {}): BuildSupervisionNoticeOptions => ({
  regime: "xuncha",
  team: "市委第八巡察组",
  feedbackDate: "2021-03-04",
  unitName: "市文联党组",
  issuer: "中共无锡市委巡察工作领导小组办公室",
  replyTo: "市委巡察办",
  asOf: "2021-06-30",
  issuedOn: "2021-06-30",
  replyBy: "2021-07-07",
  replyWithinWorkingDays: 5,
  items: [item()],
  ...overrides,
});

const texts = (o: BuildSupervisionNoticeOptions) => buildSupervisionNotice(o).blocks.map(blockText);

describe("buildSupervisionNotice", () => {
  it("addresses the unit and states the items, their responsibility, lateness and the reply date", () => {
    const doc = buildSupervisionNotice(options({ official: { docNumber: "市巡办〔2021〕7号" } }));
    expect(doc.title).toBe("关于督促加快市文联党组巡察整改进度的督办通知");
    expect(doc.addressee).toBe("市文联党组：");
    expect(doc.redHeader).toEqual({
      issuer: "中共无锡市委巡察工作领导小组办公室",
      docNumber: "市巡办〔2021〕7号",
    });
    expect(doc.signature).toEqual({ org: "中共无锡市委巡察工作领导小组办公室", date: "2021-06-30" });
    expect(doc.note).toBeUndefined();
    const body = texts(options());
    expect(body[0]).toBe(
      "2021年3月4日，市委第八巡察组向你单位反馈了巡察意见。经对照整改台账核查，截至2021年6月30日，你单位整改措施中有1项已超过整改时限仍未完成，整改进度滞后。为压实整改主体责任，确保反馈问题按期整改到位，现将有关事项督办如下。",
    );
    expect(body).toContain("一、督办事项");
    expect(body).toContain("（一）关于“四风问题依然存在”问题");
    expect(body).toContain(
      "清理超标配备的办公用房（责任部门：财务科；责任人：李明；整改时限：2021年6月20日，已逾期10天）。",
    );
    expect(body.find((t) => t.startsWith("（二）按时书面回复。"))).toContain(
      "请于2021年7月7日前（5个工作日内）将上述事项的整改进展、未按期完成的原因、下一步措施和完成时限书面报送市委巡察办",
    );
  });

  it("groups measures by problem in ledger order, with 一是/二是 when a problem has several", () => {
    const body = texts(
      options({
        items: [
          item({
            problemId: "p2",
            problemSeq: 2,
            problemTitle: "财务管理不严格。",
            measureId: "m3",
            level: "red",
            daysOverdue: 0,
            deadline: "2021-06-30",
          }),
          item({
            measureId: "m2",
            measureSeq: 2,
            measureText: "二是整改公车私用。",
            department: null,
            person: null,
          }),
          item(),
        ],
      }),
    );
    const i1 = body.indexOf("（一）关于“四风问题依然存在”问题");
    const i2 = body.indexOf("（二）关于“财务管理不严格”问题");
    expect(i1).toBeGreaterThan(0);
    expect(i2).toBeGreaterThan(i1);
    expect(body[i1 + 1]).toMatch(/^一是清理超标配备的办公用房/);
    expect(body[i1 + 2]).toBe(
      "二是整改公车私用（责任部门：未明确；责任人：未明确；整改时限：2021年6月20日，已逾期10天）。",
    );
    expect(body[i2 + 1]).toContain("整改时限：2021年6月30日，今日到期）。");
    expect(body[0]).toContain("有2项已超过整改时限仍未完成，1项已到整改时限尚未完成");
  });

  it("shows an extended deadline with the original, and working days left at red level", () => {
    const body = texts(
      options({
        items: [
          item({
            level: "red",
            daysOverdue: 0,
            daysLeft: 2,
            basis: "working",
            deadline: "2021-07-02",
            originalDeadline: "2021-05-31",
          }),
        ],
      }),
    );
    expect(body.join("\n")).toContain(
      "整改时限：2021年7月2日（原定2021年5月31日，已批准延期），距整改时限仅剩2个工作日）。",
    );
    expect(body[0]).toContain("1项临近整改时限尚未完成");
  });

  it("says when a deadline is the inspection's default because the ledger gives the measure none", () => {
    const body = texts(
      options({ items: [item({ deadline: "2021-04-03", defaulted: true, daysOverdue: 88 })] }),
    );
    expect(body.join("\n")).toContain(
      "整改时限：2021年4月3日（台账未写时限，按督办设置的默认时限），已逾期88天）。",
    );
  });

  it("prints the office's contact as the 附注 and its 版记, and the title breaks into balanced lines", () => {
    const doc = buildSupervisionNotice(
      options({ official: { contactPerson: "王五", contactPhone: "0510-81820000", copyTo: ["市纪委监委"] } }),
    );
    expect(doc.note).toEqual(["（联系人：王五，电话：0510-81820000）"]);
    expect(doc.colophon).toEqual({
      copyTo: ["市纪委监委"],
      printedBy: "中共无锡市委巡察工作领导小组办公室",
      printedOn: "2021-06-30",
    });
    expect(breakTitle(doc.title)).toEqual(["关于督促加快市文联党组", "巡察整改进度的督办通知"]);
  });

  it("needs at least one item", () => {
    expect(() => buildSupervisionNotice(options({ items: [] }))).toThrow(RangeError);
  });
});
