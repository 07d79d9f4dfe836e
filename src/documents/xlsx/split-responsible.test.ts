import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitResponsible } from "./split-responsible.ts";

describe("splitResponsible", () => {
  it.each([
    ["市场科 张三", ["市场科"], ["张三"]],
    ["市场科（张三）", ["市场科"], ["张三"]],
    ["张三（市场科）", ["市场科"], ["张三"]],
    ["张三(市场科)", ["市场科"], ["张三"]],
    ["执法大队：赵六", ["执法大队"], ["赵六"]],
    ["信息中心孙小明", ["信息中心"], ["孙小明"]],
    ["审批科、法规科 周敏", ["审批科", "法规科"], ["周敏"]],
    ["机关党委", ["机关党委"], []],
    ["欧阳明辉", [], ["欧阳明辉"]],
    ["办公室 李四主任", ["办公室"], ["李四"]],
    ["财务科 李建科", ["财务科"], ["李建科"]],
    ["工作专班 刘洋", ["工作专班"], ["刘洋"]],
  ])("splits %s into departments %j and people %j", (cell, departments, people) => {
    expect(splitResponsible(cell)).toEqual({ departments, people, undecided: [] });
  });

  it("says which part it cannot decide instead of guessing", () => {
    expect(splitResponsible("技术保障 吴刚")).toEqual({
      departments: [],
      people: ["吴刚"],
      undecided: ["技术保障"],
    });
    // Without separators, the one place where an office ends and a name follows.
    expect(splitResponsible("市场科王明华")).toEqual({
      departments: ["市场科"],
      people: ["王明华"],
      undecided: [],
    });
    // 李建科 alone may be an office or a person: nothing beside it tells.
    expect(splitResponsible("李建科").undecided).toEqual(["李建科"]);
    // A part that splits two ways (综合科 + 科王明, or 综合科科 + 王明) is undecided.
    expect(splitResponsible("综合科科王明").undecided).toEqual(["综合科科王明"]);
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
        expect(splitResponsible(layout(d, p))).toEqual({ departments: [d], people: [p], undecided: [] });
      }),
      { numRuns: 300 },
    );
  });
});
