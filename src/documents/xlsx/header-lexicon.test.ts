import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyLedgerRow } from "./classify-ledger-row.ts";
import { detectHeader } from "./detect-header.ts";
import { matchHeader } from "./header-lexicon.ts";
import { parseColumnMap } from "./ledger-columns.ts";
import { problemKey, problemTitle } from "./problem-title.ts";

describe("matchHeader", () => {
  it.each([
    ["具体整改措施", "measure"],
    ["整改任务", "measure"],
    ["问题整改措施", "measure"],
    ["巡视反馈问题", "problem"],
    ["存在的主要问题", "problem"],
    ["责任处室", "department"],
    ["整改责任单位", "department"],
    ["牵头领导", "leader"],
    ["分管校领导", "leader"],
    ["具体责任人", "person"],
    ["配合单位", "cooperating"],
    ["计划完成时间", "deadline"],
    ["整改期限", "deadline"],
    ["措施类别", "kind"],
    ["整改类型", "kind"],
    ["整改措施完成情况", "status"],
    ["问题类别", "aspect"],
    ["问题表现", "symptoms"],
    ["序号", "no"],
    ["整改成效", "progress"],
    ["整改计划", "measure"],
    ["责任站所", "department"],
    ["整改责任主体", "department"],
    ["承办人", "person"],
    ["问题类型", "aspect"],
    ["整改措施及进展情况", "measure"],
    ["整改措施及进度", "measure"],
    // A measure's own number joins a 责任清单 to it; it is never the problem's 编号.
    ["措施\n序号", "measureNo"],
    ["任务编号", "measureNo"],
    // One column for both: split into department and person, not read as the person alone.
    ["牵头单位及责任人", "departmentAndPerson"],
    ["责任单位（责任人）", "departmentAndPerson"],
    ["责任部门/责任人", "departmentAndPerson"],
    ["责任领导及责任人", "leaderAndPerson"],
    ["责任领导/责任科室/责任人", "leaderAndPerson"],
    ["分管领导及责任科室", "leaderAndPerson"],
    ["责任单位", "department"],
    ["举措编号", "measureNo"],
  ])("reads %s as %s, the most specific field its words name", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it("reads no field from counts, long text or unknown words", () => {
    expect(matchHeader("涉及问题数")).toBeUndefined();
    expect(matchHeader("按期完成率")).toBeUndefined();
    expect(matchHeader("整改目标")).toBeUndefined();
    expect(matchHeader("问题来源")).toBeUndefined();
    expect(matchHeader("领导班子成员带头落实整改任务不够有力的问题")).toBeUndefined();
  });

  it("lets --map override the lexicon, as a stronger match than a keyword", () => {
    const map = parseColumnMap(["整改目标=整改措施"]);
    expect(matchHeader("整改目标", map)).toEqual({ field: "measure", strength: 3 });
    expect(matchHeader("落实举措")).toEqual({ field: "measure", strength: 2 });
  });
});

describe("detectHeader", () => {
  it("reads a two-row header whose group cell (责任分工) is not merged, with the single headers in the upper row", () => {
    const header = detectHeader([
      { row: 1, cells: ["某局巡察整改台账"] },
      { row: 2, cells: ["序号", "问题", "整改措施", "责任分工", undefined, undefined, "完成时限"] },
      { row: 3, cells: [undefined, undefined, undefined, "责任领导", "责任单位", "责任人"] },
      { row: 4, cells: ["1", "四风问题", "完善制度", "杨建", "办公室", "张三", "2024年6月底"] },
    ]);
    expect(header).toMatchObject({ kind: "measures", firstRow: 2, row: 3, titles: ["某局巡察整改台账"] });
    expect([...header!.columns.values()]).toEqual([
      "no",
      "problem",
      "measure",
      "leader",
      "department",
      "person",
      "deadline",
    ]);
  });

  it("keeps the stronger of two columns naming one field and marks the other as a duplicate", () => {
    const header = detectHeader([{ row: 1, cells: ["问题", "整改措施", "具体措施内容", "责任单位"] }]);
    expect(header?.cells.find((c) => c.column === 3)).toMatchObject({ field: "measure", duplicateOf: 2 });
  });

  it("takes 问题表现 for the problem when no column names the problem itself", () => {
    const header = detectHeader([{ row: 1, cells: ["编号", "问题表现", "整改举措", "牵头部门"] }]);
    expect(header?.columns.get(2)).toBe("problem");
  });
});

describe("detectHeader properties", () => {
  const HEADERS = [
    "序号",
    "巡察反馈问题",
    "具体整改措施",
    "牵头领导",
    "责任科室",
    "具体责任人",
    "配合单位",
    "完成时限",
    "措施类别",
    "完成情况",
    "备注",
  ];
  const fieldsOf = (cells: readonly string[], header: ReturnType<typeof detectHeader>) =>
    new Map(cells.map((text, i) => [text, header?.columns.get(i + 1) ?? null]));

  it("maps every header word to the same field whatever the column order, title rows above or spaces inside", () => {
    const base = detectHeader([{ row: 1, cells: HEADERS }]);
    const expected = fieldsOf(HEADERS, base);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(HEADERS, { minLength: HEADERS.length }),
        fc.array(fc.constantFrom("某局巡察整改台账", "截至2024年4月30日", "填报单位：办公室"), {
          maxLength: 3,
        }),
        fc.boolean(),
        (order, titles, spaced) => {
          const cells = order.map((h) => (spaced ? ` ${h.split("").join(" ")} ` : h));
          const rows = [
            ...titles.map((t, i) => ({ row: i + 1, cells: [t] })),
            { row: titles.length + 1, cells },
          ];
          const header = detectHeader(rows);
          expect(header?.row).toBe(titles.length + 1);
          expect(new Map(order.map((h, i) => [h, header?.columns.get(i + 1) ?? null]))).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("classifyLedgerRow", () => {
  const columns = new Map([
    [1, "no"],
    [2, "problem"],
    [3, "measure"],
    [4, "department"],
  ] as const);
  const cell = (column: number, text: string, filled = false) => ({ column, text, filled });

  it("tells headings, totals, signatures, notes and unread text from data", () => {
    expect(
      classifyLedgerRow([cell(1, "一、党的建设方面"), cell(2, "一、党的建设方面", true)], columns),
    ).toEqual({ role: "aspect_heading", aspect: "党的建设方面" });
    expect(classifyLedgerRow([cell(1, "（二）债务管理方面")], columns)).toEqual({
      role: "aspect_heading",
      aspect: "债务管理方面",
    });
    expect(classifyLedgerRow([cell(1, "合计"), cell(3, "12项")], columns).role).toBe("totals");
    expect(classifyLedgerRow([cell(1, "小计"), cell(3, "2项")], columns).role).toBe("totals");
    expect(classifyLedgerRow([cell(1, "填报人：张三"), cell(4, "审核人：李四")], columns).role).toBe(
      "signature",
    );
    expect(classifyLedgerRow([cell(1, "填报单位（盖章）：某局")], columns).role).toBe("signature");
    expect(classifyLedgerRow([cell(2, "四风问题"), cell(3, "明确联系人：张三负责对接")], columns).role).toBe(
      "data",
    );
    expect(classifyLedgerRow([cell(1, "注：时限以通知为准")], columns).role).toBe("footnote");
    expect(classifyLedgerRow([cell(6, "已上报")], columns)).toEqual({ role: "unmapped", own: true });
    expect(classifyLedgerRow([cell(3, "一、建立制度")], columns).role).toBe("data");
    expect(classifyLedgerRow([cell(2, "四风问题"), cell(3, "完善制度")], columns).role).toBe("data");
  });
});

describe("problem titles", () => {
  it("drops the numbering and compares titles without widths or spaces", () => {
    expect(problemTitle("（一）村级财务管理不规范")).toBe("村级财务管理不规范");
    expect(problemTitle("1.2、制度执行不严")).toBe("制度执行不严");
    expect(problemTitle("2024年预算执行率低")).toBe("2024年预算执行率低");
    expect(problemKey("四风问题 依然存在 ")).toBe(problemKey("四风问题依然存在"));
  });
});
