import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectHeader, titleFacts } from "./detect-header.ts";
import { fieldForHeader, parseColumnMap } from "./ledger-columns.ts";
import { parseDeadline } from "./parse-deadline.ts";
import {
  parseDisclosure,
  parseMeasureKind,
  parseMeasureStatus,
  parseQuantity,
  statusFromProgress,
} from "./parse-ledger-words.ts";

describe("parseDeadline", () => {
  it.each([
    ["2021年5月底", "2021-05-31"],
    ["2021.05.31", "2021-05-31"],
    ["2021/5/31", "2021-05-31"],
    ["2021-5-31前", "2021-05-31"],
    ["２０２１．０５．３１", "2021-05-31"],
    ["20210531", "2021-05-31"],
    ["2021.6", "2021-06-30"],
    ["2021年底前", "2021-12-31"],
    ["2021年第三季度", "2021-09-30"],
    ["二〇二一年五月三十一日前", "2021-05-31"],
  ])("reads %s as %s", (text, date) => {
    expect(parseDeadline(text, null)).toEqual({ ok: true, deadline: date });
  });

  it("takes the year of 5月31日前 from the reference date, rolled forward when it would fall before it", () => {
    expect(parseDeadline("5月31日前", "2021-03-04")).toEqual({ ok: true, deadline: "2021-05-31" });
    expect(parseDeadline("2月底", "2021-03-04")).toEqual({ ok: true, deadline: "2022-02-28" });
    expect(parseDeadline("5月31日前", null)).toMatchObject({ ok: false, code: "deadline_year_missing" });
    expect(parseDeadline("6.30", "2024-01-01")).toEqual({ ok: true, deadline: "2024-06-30" });
    expect(parseDeadline("9.30前", "2024-01-01")).toEqual({ ok: true, deadline: "2024-09-30" });
    expect(parseDeadline("6.30", null)).toMatchObject({ ok: false, code: "deadline_year_missing" });
  });

  it("reads 立行立改 and 长期坚持 / 长期 as kinds without a date, or with one when written", () => {
    expect(parseDeadline("立行立改", null)).toEqual({ ok: true, deadline: null, kind: "immediate" });
    expect(parseDeadline("长期坚持", null)).toEqual({ ok: true, deadline: null, kind: "long_term" });
    expect(parseDeadline("长期", null)).toEqual({ ok: true, deadline: null, kind: "long_term" });
    expect(parseDeadline("2021年6月底前完成，长期坚持", null)).toEqual({
      ok: true,
      deadline: "2021-06-30",
      kind: "long_term",
    });
  });

  it("reads a recurring duty (每月25日前, 每季度, 按月) as long-term, without a deadline", () => {
    for (const text of ["每月25日前报送", "每季度", "每半年一次", "按月"])
      expect(parseDeadline(text, "2024-05-01")).toEqual({ ok: true, deadline: null, kind: "long_term" });
  });

  it("reads real dates and date serials, and refuses words that are no deadline", () => {
    expect(parseDeadline(new Date("2021-05-31T00:00:00Z"), null)).toEqual({
      ok: true,
      deadline: "2021-05-31",
    });
    expect(parseDeadline(44347, null)).toEqual({ ok: true, deadline: "2021-05-31" });
    expect(parseDeadline("尽快", null)).toMatchObject({ ok: false, code: "invalid_deadline" });
    expect(parseDeadline("2021.02.30", null)).toMatchObject({ ok: false });
  });

  it("never throws, whatever the cell holds", () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({
        unit: fc.constantFrom(..."0123456789年月日底前.-/长期立行改季度上下半旬〇一二三四五六七八九十 "),
      }),
      fc.double(),
      fc.boolean(),
      fc.date({ noInvalidDate: false }),
      fc.constant(null),
    );
    const reference = fc.option(fc.constantFrom("2021-03-04", "1999-12-31", "2099-01-01"), { nil: null });
    fc.assert(
      fc.property(cell, reference, (v, r) => {
        const result = parseDeadline(v, r);
        if (result.ok && result.deadline !== null) expect(result.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("ledger words", () => {
  it("maps statuses with the notice import's words and the ledger's own labels", () => {
    const state = (t: string) => {
      const r = parseMeasureStatus(t);
      return r.ok ? r.value : r.message;
    };
    expect(state("已销号")).toEqual({ state: "closed", longTerm: false });
    expect(state("推进中（逾期）")).toEqual({ state: "in_progress", longTerm: false });
    expect(state("已完成")).toEqual({ state: "closed", longTerm: false });
    expect(state("已基本完成整改")).toEqual({ state: "closed", longTerm: true });
    expect(state("正在推进")).toEqual({ state: "in_progress", longTerm: false });
    expect(state("未启动")).toEqual({ state: "draft", longTerm: false });
    expect(state("待审核")).toEqual({ state: "submitted", longTerm: false });
    expect(state("")).toBeNull();
    expect(state("看情况")).toContain("无法识别状态");
  });

  it("maps kinds, disclosures and quantities", () => {
    expect(parseMeasureKind("立即整改")).toEqual({ ok: true, value: "immediate" });
    expect(parseMeasureKind("长期")).toEqual({ ok: true, value: "long_term" });
    expect(parseMeasureKind("随便")).toMatchObject({ ok: false });
    expect(parseDisclosure("不公开（涉及个人隐私）")).toEqual({
      ok: true,
      value: { disclosure: "withheld", reason: "personal_privacy" },
    });
    expect(parseDisclosure("党内")).toEqual({ ok: true, value: { disclosure: "internal", reason: null } });
    expect(parseQuantity("1.5", "万元")).toEqual({ ok: true, value: "15000" });
    expect(parseQuantity("12.345", "元")).toMatchObject({ ok: false });
  });

  it("never throw on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        parseMeasureStatus(t);
        parseMeasureKind(t);
        parseDisclosure(t);
        parseQuantity(t, t);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("parseMeasureStatus yes/no answers", () => {
  it("reads a 是否完成 column: 是 is closed, 否 still in progress", () => {
    expect(parseMeasureStatus("是")).toEqual({ ok: true, value: { state: "closed", longTerm: false } });
    expect(parseMeasureStatus(" 否 ")).toEqual({
      ok: true,
      value: { state: "in_progress", longTerm: false },
    });
  });
});

describe("parseMeasureStatus tick and cross marks", () => {
  it.each(["√", "✓", "✔", "☑"])("reads %s as done", (mark) => {
    expect(parseMeasureStatus(mark)).toEqual({ ok: true, value: { state: "closed", longTerm: false } });
  });

  it.each(["×", "✗", "✘", "☒"])("reads %s as not yet done", (mark) => {
    expect(parseMeasureStatus(mark)).toEqual({ ok: true, value: { state: "in_progress", longTerm: false } });
  });
});

describe("parseMeasureStatus in the clerk's own words", () => {
  it.each(["完成", "办结", "完毕", "已落实", "已到位", "100%"])("reads %s as done", (word) => {
    expect(parseMeasureStatus(word)).toEqual({ ok: true, value: { state: "closed", longTerm: false } });
  });

  it.each([
    "部分完成",
    "已完成部分",
    "阶段性完成",
    "完成80%",
    "落实中",
    "正在落实",
    "在办",
    "已启动",
    "未到位",
    "推进",
  ])("reads %s as begun and not finished, though it may contain a word of completion", (word) => {
    expect(parseMeasureStatus(word)).toEqual({ ok: true, value: { state: "in_progress", longTerm: false } });
  });
});

describe("parseMeasureStatus: partly rectified against not rectified", () => {
  it.each(["部分整改", "正在整改", "整改中", "未整改到位", "部分整改到位"])(
    "reads %s as begun (in progress)",
    (word) => {
      expect(parseMeasureStatus(word)).toEqual({
        ok: true,
        value: { state: "in_progress", longTerm: false },
      });
    },
  );

  it.each(["未整改", "尚未整改", "暂未整改", "还未整改", "没有整改", "未开始整改"])(
    "reads %s as not started (draft), not as begun",
    (word) => {
      expect(parseMeasureStatus(word)).toEqual({ ok: true, value: { state: "draft", longTerm: false } });
      expect(statusFromProgress(word)).toBe(word);
    },
  );
});

describe("parseMeasureStatus: not rectified with punctuation or an adverb", () => {
  it.each([
    "未整改。",
    "未整改；",
    "目前尚未整改",
    "均未整改",
    "仍未整改。",
    "目前暂未整改",
    "至今仍未整改",
    "还没有整改！",
  ])("reads %s as not started (draft), like 未整改", (word) => {
    expect(parseMeasureStatus(word)).toEqual({ ok: true, value: { state: "draft", longTerm: false } });
    expect(parseMeasureStatus(statusFromProgress(word))).toEqual({
      ok: true,
      value: { state: "draft", longTerm: false },
    });
  });

  it.each([
    ["已完成。", "closed"],
    ["部分整改。", "in_progress"],
    ["目前仍未整改到位", "in_progress"],
  ])("still reads %s by its words (%s)", (word, state) => {
    expect(parseMeasureStatus(word)).toEqual({ ok: true, value: { state, longTerm: false } });
  });
});

describe("statusFromProgress", () => {
  it("takes a short status phrase from a 整改情况 cell", () => {
    expect(statusFromProgress("已整改")).toBe("已整改");
    expect(statusFromProgress(" 部分整改 ")).toBe("部分整改");
    expect(statusFromProgress("正在推进")).toBe("正在推进");
  });

  it("gives no status for words that are no status", () => {
    expect(statusFromProgress("见附件")).toBe("");
    expect(statusFromProgress("")).toBe("");
  });

  it("reads a report of work done as begun, unless its closing clause says how the measure stands", () => {
    expect(statusFromProgress("已于2024年8月印发《会议费管理办法》并组织学习")).toBe("推进中");
    expect(
      statusFromProgress("1.3月5日召开专题会议；2.3月20日起开展专项检查，已整改12个，其余3个正在整改。"),
    ).toBe("其余3个正在整改");
    expect(statusFromProgress("已于4月10日印发《监测管理办法》，并组织培训1次。该项整改已完成。")).toBe(
      "该项整改已完成",
    );
    expect(statusFromProgress("因资金尚未到位，计划下半年实施，目前尚未启动")).toBe("目前尚未启动");
  });

  it("reads 基本完成, 基本整改 and 基本整改到位 as a long-term measure's closed stage", () => {
    for (const words of ["基本完成", "基本整改", "基本整改到位", "整改基本到位"])
      expect(parseMeasureStatus(words)).toEqual({ ok: true, value: { state: "closed", longTerm: true } });
    expect(parseMeasureStatus("基本未完成")).toEqual({
      ok: true,
      value: { state: "in_progress", longTerm: false },
    });
  });
});

describe("header detection", () => {
  it("matches synonyms after normalising width, spaces and bracketed remarks", () => {
    expect(fieldForHeader("完成 时限")).toBe("deadline");
    expect(fieldForHeader("具体责任人")).toBe("person");
    expect(fieldForHeader("分管领导")).toBe("leader");
    expect(fieldForHeader("责任科室")).toBe("department");
    expect(fieldForHeader("具体措施")).toBe("measure");
    expect(fieldForHeader("存在问题")).toBe("problem");
    expect(fieldForHeader("问题（反馈原文）")).toBe("problem");
    expect(fieldForHeader("整改时限(截止日期)")).toBe("deadline");
    expect(fieldForHeader("天气")).toBeUndefined();
  });

  it("finds the header below title rows and tells a task list from a problem list", () => {
    const rows = [
      { row: 1, cells: ["市文联党组巡察整改台账（截至2021年6月30日）"] },
      { row: 2, cells: ["填报单位：办公室"] },
      { row: 3, cells: ["序号", "存在问题", "整改措施", "责任领导", "完成时限"] },
      { row: 4, cells: ["1", "四风问题", "完善制度", "杨建", "2021年5月底"] },
    ];
    const header = detectHeader(rows);
    expect(header).toMatchObject({
      kind: "measures",
      row: 3,
      titles: ["市文联党组巡察整改台账（截至2021年6月30日）", "填报单位：办公室"],
    });
    expect([...header!.columns]).toEqual([
      [1, "no"],
      [2, "problem"],
      [3, "measure"],
      [4, "leader"],
      [5, "deadline"],
    ]);
    expect(detectHeader([{ row: 1, cells: ["编号", "问题", "具体表现"] }])?.kind).toBe("problems");
    expect(detectHeader([{ row: 1, cells: ["天气", "温度"] }])).toBeUndefined();
    expect(titleFacts("市文联党组巡察整改台账（截至2021年6月30日）")).toEqual({
      unitName: "市文联党组",
      asOf: "2021-06-30",
    });
  });

  it("honours an explicit --map and refuses unknown fields", () => {
    const map = parseColumnMap(["办结日期=整改时限", "承办人=person"]);
    expect(fieldForHeader("办结日期", map)).toBe("deadline");
    expect(fieldForHeader("承办人", map)).toBe("person");
    expect(() => parseColumnMap(["甲=乙"])).toThrow(/--map/);
  });
});
