import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSheets } from "../../../test/fixtures/ledgers/sheet-ledger.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

// A 任务清单 + 责任清单 joined by 任务编号: what the 责任清单 gives beyond who answers (deadline, status), its
// running 序号, and where a conflicting value came from.

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-responsibility-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rows = readonly (readonly (string | number | null)[])[];

async function read(name: string, responsibilities: Rows, tasks: Rows = TASKS) {
  const path = join(dir, name);
  await writeSheets(path, [
    { name: "任务清单", rows: tasks },
    { name: "责任清单", rows: responsibilities },
  ]);
  return readLedgerXlsx(path);
}

const TASKS: Rows = [
  ["问题编号", "问题", "任务编号", "整改措施"],
  ["1", "公务接待不规范", "1-1", "修订接待制度"],
  ["1", "公务接待不规范", "1-2", "清理接待费用"],
  ["2", "干部培训流于形式", "2-1", "制定培训计划"],
];

const measures = (r: Awaited<ReturnType<typeof readLedgerXlsx>>) =>
  r.problems.flatMap((p) => p.measures ?? []);

describe("readLedgerXlsx joining a 责任清单 by 任务编号", () => {
  it("takes the deadline and the state of its 完成时限 and 整改进展 columns where the task list left them empty", async () => {
    const r = await read("deadline-status.xlsx", [
      ["任务编号", "责任领导", "责任部门", "完成时限", "整改进展"],
      ["1-1", "张三", "办公室", "2025-06-30", "已完成"],
      ["1-2", "李四", "财务科", "2025-07-31", "正在整改"],
    ]);
    expect([...r.errors, ...r.warnings]).toEqual([]);
    expect(measures(r).map((m) => [m.text, m.leader, m.department, m.deadline, m.state])).toEqual([
      ["修订接待制度", "张三", "办公室", "2025-06-30", "closed"],
      ["清理接待费用", "李四", "财务科", "2025-07-31", "in_progress"],
      ["制定培训计划", null, null, null, "draft"],
    ]);
  });

  it("warns at the 责任清单 cell when its deadline or status contradicts the task list's, keeping the task list's", async () => {
    const r = await read(
      "deadline-conflict.xlsx",
      [
        ["任务编号", "责任部门", "完成时限", "整改状态"],
        ["1-1", "办公室", "2025-09-30", "已完成"],
        ["1-2", "财务科", "2025-07-31", "正在整改"],
      ],
      [
        ["问题编号", "问题", "任务编号", "整改措施", "完成时限", "整改状态"],
        ["1", "公务接待不规范", "1-1", "修订接待制度", "2025-06-30", "已完成"],
        ["1", "公务接待不规范", "1-2", "清理接待费用", "2025-07-31", "未整改"],
      ],
    );
    expect(r.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toEqual([
      ["责任清单", 2, "C", "responsibility_conflict"],
      ["责任清单", 3, "D", "responsibility_conflict"],
    ]);
    expect(measures(r).map((m) => [m.deadline, m.state])).toEqual([
      ["2025-06-30", "closed"],
      ["2025-07-31", "draft"],
    ]);
  });

  it("treats a running 序号 as a row number when the 任务编号 alone names one measure", async () => {
    const r = await read("running-no.xlsx", [
      ["序号", "任务编号", "责任领导", "责任部门"],
      ["1", "1-1", "张三", "办公室"],
      ["2", "1-2", "李四", "财务科"],
      ["3", "2-1", "王五", "人事科"],
    ]);
    expect([...r.errors, ...r.warnings]).toEqual([]);
    expect(measures(r).map((m) => [m.leader, m.department])).toEqual([
      ["张三", "办公室"],
      ["李四", "财务科"],
      ["王五", "人事科"],
    ]);
  });

  it("still uses a number headed 问题 to pick the problem, and a 序号 to tell apart numbers restarting per problem", async () => {
    const tasks: Rows = [
      ["问题编号", "问题", "任务编号", "整改措施"],
      ["1", "公务接待不规范", "1", "修订接待制度"],
      ["2", "干部培训流于形式", "1", "制定培训计划"],
    ];
    const bySerial = await read(
      "restart-serial.xlsx",
      [
        ["序号", "任务编号", "责任部门"],
        ["2", "1", "人事科"],
      ],
      tasks,
    );
    expect(bySerial.warnings).toEqual([]);
    expect(measures(bySerial).map((m) => m.department)).toEqual([null, "人事科"]);
    const byProblem = await read("problem-no.xlsx", [
      ["问题编号", "任务编号", "责任部门"],
      ["1", "2-1", "人事科"],
    ]);
    expect(byProblem.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, "B", "responsibility_not_found"],
    ]);
  });
});

describe("readLedgerXlsx on two 责任清单 rows naming the same measure", () => {
  it("names the 责任清单 row the kept value came from, not the task list's row", async () => {
    const r = await read("two-rows.xlsx", [
      ["任务编号", "责任领导"],
      ["1-1", "张三"],
      ["1-1", "李四"],
    ]);
    expect(r.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toEqual([
      ["责任清单", 3, "B", "responsibility_conflict"],
    ]);
    expect(r.warnings[0]?.message).toContain("与工作表“责任清单”第2行所写的“张三”不一致");
    expect(measures(r)[0]?.leader).toBe("张三");
  });
});

describe("readLedgerXlsx comparing a 责任清单's deadline and status with the task list's", () => {
  it("sees no conflict in the same date or state written another way", async () => {
    const r = await read(
      "same-meaning.xlsx",
      [
        ["任务编号", "责任领导", "完成时限", "整改状态", "整改类型"],
        ["1-1", "张三", "2025-06-30", "已整改", "限期整改"],
        ["1-2", "李四", "2025.7.31", "正在整改", "限时整改"],
      ],
      [
        ["问题编号", "问题", "任务编号", "整改措施", "完成时限", "整改状态", "整改类型"],
        ["1", "公务接待不规范", "1-1", "修订接待制度", "2025年6月30日", "已完成", "限期整改"],
        ["1", "公务接待不规范", "1-2", "清理接待费用", "2025-07-31", "推进中", "限期整改"],
      ],
    );
    expect(r.warnings).toEqual([]);
    expect(measures(r).map((m) => [m.deadline, m.state])).toEqual([
      ["2025-06-30", "closed"],
      ["2025-07-31", "in_progress"],
    ]);
  });
});
