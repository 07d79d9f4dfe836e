import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RowCells, SheetCell } from "./collected-ledger.ts";
import type { LedgerField } from "./ledger-columns.ts";
import { expandResponsibleCell, splitResponsible } from "./split-responsible.ts";

describe("splitResponsible", () => {
  it.each([
    ["市场科 张三", ["市场科"], ["张三"]],
    ["市场科（张三）", ["市场科"], ["张三"]],
    ["张三（市场科）", ["市场科"], ["张三"]],
    ["张三(市场科)", ["市场科"], ["张三"]],
    ["执法大队：赵六", ["执法大队"], ["赵六"]],
    ["信息中心孙小明", ["信息中心"], ["孙小明"]],
    ["孙小明信息中心", ["信息中心"], ["孙小明"]],
    ["李建国办公室", ["办公室"], ["李建国"]],
    ["社会救助科王丽", ["社会救助科"], ["王丽"]],
    ["江北区城管局", ["江北区城管局"], []],
    ["高新技术产业开发区管委会 张三", ["高新技术产业开发区管委会"], ["张三"]],
    ["孙丽团委", ["团委"], ["孙丽"]],
    ["王五党政办", ["党政办"], ["王五"]],
    ["审批科、法规科 周敏", ["审批科", "法规科"], ["周敏"]],
    ["机关党委", ["机关党委"], []],
    ["欧阳明辉", [], ["欧阳明辉"]],
    ["办公室 李四主任", ["办公室"], ["李四"]],
    ["财务科 李建科", ["财务科"], ["李建科"]],
    ["工作专班 刘洋", ["工作专班"], ["刘洋"]],
  ])("splits %s into departments %j and people %j", (cell, departments, people) => {
    expect(splitResponsible(cell)).toEqual({ departments, people, undecided: [], posts: [] });
  });

  it("says which part it cannot decide instead of guessing", () => {
    expect(splitResponsible("技术保障 吴刚")).toEqual({
      departments: [],
      people: ["吴刚"],
      undecided: ["技术保障"],
      posts: [],
    });
    // Without separators, the one place where an office ends and a name follows.
    expect(splitResponsible("市场科王明华")).toEqual({
      departments: ["市场科"],
      people: ["王明华"],
      undecided: [],
      posts: [],
    });
    // 李建科 alone may be an office or a person: nothing beside it tells.
    expect(splitResponsible("李建科").undecided).toEqual(["李建科"]);
    // A part that splits two ways (综合科 + 科王明, or 综合科科 + 王明) is undecided.
    expect(splitResponsible("综合科科王明").undecided).toEqual(["综合科科王明"]);
  });

  it.each([
    ["办公室主任", ["办公室"], ["主任"]],
    ["市场科科长", ["市场科"], ["科长"]],
    ["市场科负责人", ["市场科"], ["负责人"]],
    ["分管副局长", [], ["分管副局长"]],
    ["局长", [], ["局长"]],
    ["主要负责人", [], ["主要负责人"]],
  ])(
    "takes no post for a name: %s gives departments %j, no person, and the posts %j",
    (cell, departments, posts) => {
      expect(splitResponsible(cell)).toEqual({ departments, people: [], undecided: [], posts });
    },
  );

  it("keeps a name written with its post, prefix and all", () => {
    expect(splitResponsible("分管副局长张三")).toEqual({
      departments: [],
      people: ["张三"],
      undecided: [],
      posts: [],
    });
    expect(splitResponsible("市场科 李四科长")).toEqual({
      departments: ["市场科"],
      people: ["李四"],
      undecided: [],
      posts: [],
    });
  });

  it("gives the same split whichever way the cell is written", () => {
    const department = fc
      .tuple(
        fc.constantFrom("市场", "财务", "综合", "信息", "审批", "法规", "党群", "宣传", "后勤"),
        fc.constantFrom("科", "中心", "大队", "办公室", "处", "股", "站"),
      )
      .map(([a, b]) => a + b);
    const person = fc
      .tuple(
        fc.constantFrom(..."王李张刘陈杨黄赵吴周徐孙马朱胡郭"),
        fc.array(fc.constantFrom(..."明华伟芳静磊洋军丽强敏"), { minLength: 1, maxLength: 2 }),
      )
      .map(([s, g]) => s + g.join(""));
    const layouts = [
      (d: string, p: string) => `${d} ${p}`,
      (d: string, p: string) => `${d}（${p}）`,
      (d: string, p: string) => `${p}（${d}）`,
      (d: string, p: string) => `${d}：${p}`,
      (d: string, p: string) => `${d}/${p}`,
      (d: string, p: string) => `${d}${p}`,
      (d: string, p: string) => `${p}\u3000${d}`,
    ];
    fc.assert(
      fc.property(department, person, fc.constantFrom(...layouts), (d, p, layout) => {
        expect(splitResponsible(layout(d, p))).toEqual({
          departments: [d],
          people: [p],
          undecided: [],
          posts: [],
        });
      }),
      { numRuns: 300 },
    );
  });
});

/** A row whose combined column is E, with the other cells given (field → text). */
const row = (
  combined: string,
  own: Partial<Record<LedgerField, string>> = {},
  field: LedgerField = "departmentAndPerson",
): RowCells => {
  const cell = (text: string, column: number): SheetCell => ({ value: text, text, column, filled: false });
  return new Map<LedgerField, SheetCell>([
    [field, cell(combined, 4)],
    ...Object.entries(own).map(([f, t], i) => [f as LedgerField, cell(t, 5 + i)] as const),
  ]);
};

/** The warnings' words of an expanded row, joined. */
const said = (expanded: ReturnType<typeof expandResponsibleCell>): string =>
  (expanded?.warnings ?? []).map((w) => w.message).join("；");

describe("expandResponsibleCell", () => {
  it("warns at the cell when it holds only a post, and imports no person", () => {
    const expanded = expandResponsibleCell(row("局长"));
    expect(expanded?.cells.get("person")).toBeUndefined();
    expect(expanded?.cells.get("department")).toBeUndefined();
    expect(said(expanded)).toContain("“局长”是职务");
  });

  it("keeps the department of 办公室主任 and says that 主任 is a post, not a name", () => {
    const expanded = expandResponsibleCell(row("办公室主任"));
    expect(expanded?.cells.get("department")?.text).toBe("办公室");
    expect(expanded?.cells.get("person")).toBeUndefined();
    expect(said(expanded)).toContain("“主任”是职务");
  });

  it("says so when the row's own 责任部门 names another department than the combined cell", () => {
    const expanded = expandResponsibleCell(row("财务科 张三", { department: "办公室" }));
    expect(expanded?.cells.get("department")?.text).toBe("办公室");
    expect(expanded?.cells.get("person")?.text).toBe("张三");
    expect(said(expanded)).toContain("“财务科”与本行责任部门“办公室”不一致");
  });

  it("warns when the cell holds no name or department at all", () => {
    expect(said(expandResponsibleCell(row("——")))).toContain("没有单位名称或人名");
  });

  it("is silent when the row's own department is the one the combined cell names", () => {
    expect(said(expandResponsibleCell(row("办公室 张三", { department: "办公室" })))).toBe("");
    expect(said(expandResponsibleCell(row("市场科 张三")))).toBe("");
  });

  it("reads the first name of a 责任领导及责任人 cell as the leader, its post dropped, and the rest as department and person", () => {
    const expanded = expandResponsibleCell(row("王明（副院长）/ 医务科 李华", {}, "leaderAndPerson"));
    expect(expanded?.cells.get("leader")?.text).toBe("王明");
    expect(expanded?.cells.get("department")?.text).toBe("医务科");
    expect(expanded?.cells.get("person")?.text).toBe("李华");
    expect(said(expanded)).toBe("");
    const leaderOnly = expandResponsibleCell(row("陈亮（副主任）", {}, "leaderAndPerson"));
    expect(leaderOnly?.cells.get("leader")?.text).toBe("陈亮");
    expect(leaderOnly?.cells.get("person")).toBeUndefined();
    expect(
      expandResponsibleCell(row("赵勇副主任/吴丹", {}, "leaderAndPerson"))?.cells.get("person")?.text,
    ).toBe("吴丹");
  });

  it("keeps a name glued to a department whole, with a warning, when no office function says where to cut", () => {
    const expanded = expandResponsibleCell(row("吴刚慈善事业促进中心"));
    expect(expanded?.cells.get("department")?.text).toBe("吴刚慈善事业促进中心");
    expect(expanded?.cells.get("person")).toBeUndefined();
    expect(said(expanded)).toContain("可能是人名与单位名称连写");
  });
});
