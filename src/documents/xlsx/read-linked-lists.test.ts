import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeSheets } from "../../../test/fixtures/ledgers/sheet-ledger.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

// A 问题清单 + 任务清单 (+ 责任清单) workbook, the 三清单 some units keep: the task list has no problem column,
// only the number of the problem it belongs to.

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-linked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rows = readonly (readonly (string | number | null)[])[];

/** A workbook of the given sheets, in order, in the test's folder. */
async function writeListSheets(name: string, sheets: Readonly<Record<string, Rows>>): Promise<string> {
  const path = join(dir, name);
  await writeSheets(
    path,
    Object.entries(sheets).map(([sheet, rows]) => ({ name: sheet, rows })),
  );
  return path;
}

const PROBLEMS: Rows = [
  ["某县卫健局巡察反馈问题清单"],
  ["问题编号", "问题描述", "所属方面"],
  ["W1", "医疗机构收费不规范", "行业监管"],
  ["W2", "干部培训流于形式", "队伍建设"],
];

describe("readLedgerXlsx on a problem list with a task list linked by number", () => {
  it("puts each task under the problem its 问题编号 names, a blank number continuing the one above", async () => {
    const path = await writeListSheets("linked.xlsx", {
      问题清单: PROBLEMS,
      任务清单: [
        ["问题编号", "整改任务", "责任科室", "完成时限"],
        ["W2", "制定年度培训计划", "人事科", "2025-03-31"],
        ["W1", "开展收费专项检查", "医政科", "2024-12-31"],
        [null, "公开收费标准", "医政科", "2024-10-31"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.errors).toEqual([]);
    expect(read.problems.map((p) => [p.title, p.aspect, p.measures?.map((m) => m.text)])).toEqual([
      ["医疗机构收费不规范", "行业监管", ["开展收费专项检查", "公开收费标准"]],
      ["干部培训流于形式", "队伍建设", ["制定年度培训计划"]],
    ]);
    expect(read.notes).toContainEqual(expect.stringContaining("按A列“问题编号”对应"));
  });

  it("refuses a task whose number names no problem, naming its sheet, row and column", async () => {
    const path = await writeListSheets("dangling.xlsx", {
      问题清单: PROBLEMS,
      任务清单: [
        ["问题编号", "整改任务", "完成时限"],
        ["W1", "开展收费专项检查", "2024-12-31"],
        ["W9", "无主任务", "2024-12-31"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ["任务清单", 3, "A", "problem_not_found"],
    ]);
    expect(read.errors[0]?.message).toContain("W9");
  });

  it("still refuses a task list without a problem column when no problem list comes before it", async () => {
    const path = await writeListSheets("alone.xlsx", {
      任务清单: [
        ["问题编号", "整改任务", "完成时限"],
        ["W1", "开展收费专项检查", "2024-12-31"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.errors.map((e) => [e.sheet, e.code])).toEqual([["任务清单", "problem_column_missing"]]);
  });
});

const TASKS: Rows = [
  ["任务编号", "问题编号", "整改任务", "完成时限"],
  ["1", "W1", "开展收费专项检查", "2024-12-31"],
  ["2", "W1", "公开收费标准", "2024-10-31"],
  ["1", "W2", "制定年度培训计划", "2025-03-31"],
];

describe("readLedgerXlsx on a 责任清单 beside the problem and task lists", () => {
  it("fills the leader, department and person of the measures its 问题编号 and 任务编号 name", async () => {
    const path = await writeListSheets("responsibilities.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      责任清单: [
        ["问题编号", "任务编号", "牵头领导", "责任科室", "责任人"],
        ["W1", "1", "钱进", "医政科", "孔亮"],
        ["W1", "2", "钱进", "财务科", "孔亮"],
        ["W2", "1", "冯涛", "人事科", "曹敏"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect([...read.errors, ...read.warnings]).toEqual([]);
    expect(
      read.problems.flatMap((p) => p.measures?.map((m) => [m.text, m.leader, m.department, m.person])),
    ).toEqual([
      ["开展收费专项检查", "钱进", "医政科", "孔亮"],
      ["公开收费标准", "钱进", "财务科", "孔亮"],
      ["制定年度培训计划", "冯涛", "人事科", "曹敏"],
    ]);
    expect(read.sheets.map((s) => s.kind)).toEqual(["problems", "measures", "responsibilities"]);
    expect(read.notes).toContainEqual(
      expect.stringContaining("工作表“责任清单”（责任清单）对应到3条整改措施"),
    );
  });

  it("splits a 责任单位及责任人 cell of the 责任清单 into the measure's department and person", async () => {
    const path = await writeListSheets("combined.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      责任清单: [
        ["问题编号", "任务编号", "责任单位及责任人"],
        ["W1", "1", "医政科（孔亮）"],
        ["W2", "1", "曹敏 人事科"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect([...read.errors, ...read.warnings]).toEqual([]);
    expect(read.problems.flatMap((p) => p.measures?.map((m) => [m.department, m.person]))).toEqual([
      ["医政科", "孔亮"],
      [null, null],
      ["人事科", "曹敏"],
    ]);
  });

  it("warns at the cell when a 任务编号 restarting per problem comes without its 问题编号", async () => {
    const path = await writeListSheets("ambiguous.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      责任清单: [
        ["任务编号", "牵头领导", "责任科室"],
        ["1", "钱进", "医政科"],
        ["2", "钱进", "财务科"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toEqual([
      ["责任清单", 2, "A", "responsibility_ambiguous"],
    ]);
    expect(read.warnings[0]?.message).toContain("牵头领导“钱进”、责任部门“医政科”");
    expect(read.problems[0]?.measures?.map((m) => m.department)).toEqual([null, "财务科"]);
  });

  it("reads a table of counts per person (our export's 责任清单) as statistics, not as rows", async () => {
    const path = await writeListSheets("tally.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      责任清单: [
        ["类别", "姓名/部门", "涉及问题数", "整改措施数", "已销号", "逾期", "按期完成率"],
        ["责任部门", "医政科", 1, 2, 0, 0, "—"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect([...read.errors, ...read.warnings]).toEqual([]);
    expect(read.notes).toContainEqual(expect.stringContaining("工作表“责任清单”的前10行中没有台账表头"));
  });

  it("names each unrecognised column of a sheet whose header lacks its key column, instead of a note alone", async () => {
    const path = await writeListSheets("near.xlsx", {
      问题清单: [
        ["问题编号", "巡察指出的情形", "所属方面"],
        ["W1", "医疗机构收费不规范", "行业监管"],
      ],
      任务清单: TASKS,
    });
    const read = await readLedgerXlsx(path);
    expect(read.warnings.map((w) => [w.sheet, w.row, w.column, w.code])).toContainEqual([
      "问题清单",
      1,
      "B",
      "header_incomplete",
    ]);
    expect(read.warnings.find((w) => w.code === "header_incomplete")?.message).toContain(
      "该表（第1–2行共2行）未导入",
    );
  });
});

describe("readLedgerXlsx on a later sheet without a problem column", () => {
  const copying: Rows = [
    ["序号", "整改任务", "责任领导", "责任科室", "责任人"],
    ["1", "开展收费专项检查", "钱进", "医政科", "孔亮"],
    ["2", "公开收费标准", "钱进", "财务科", "孔亮"],
    ["3", "制定年度培训计划", "冯涛", "人事科", "曹敏"],
  ];

  it("reads a 责任清单 that copies the tasks' words as theirs, its 序号 only a row number, adding no measure", async () => {
    const path = await writeListSheets("copying.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      责任清单: copying,
    });
    const read = await readLedgerXlsx(path);
    expect([...read.errors, ...read.warnings]).toEqual([]);
    expect(read.problems.map((p) => p.measures?.map((m) => [m.text, m.department]))).toEqual([
      [
        ["开展收费专项检查", "医政科"],
        ["公开收费标准", "财务科"],
      ],
      [["制定年度培训计划", "人事科"]],
    ]);
  });

  it("still reads a second task sheet whose tasks are new as tasks of the problems its 问题编号 names", async () => {
    const path = await writeListSheets("continued.xlsx", {
      问题清单: PROBLEMS,
      任务清单: TASKS,
      任务清单续: [
        ["问题编号", "整改任务", "完成时限"],
        ["W2", "建立培训档案", "2025-06-30"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.errors).toEqual([]);
    expect(read.problems[1]?.measures?.map((m) => m.text)).toEqual(["制定年度培训计划", "建立培训档案"]);
  });

  it("reads a task list whose 序号 names the problem, beside responsibility columns, as tasks when no later sheet copies it", async () => {
    // Such a sheet may be a 责任清单 before its 任务清单, so it waits for the workbook's end (problemless-sheet.ts).
    const path = await writeListSheets("serial-tasks.xlsx", {
      问题清单: [
        ["序号", "问题", "方面"],
        ["1", "收费不规范", "监管"],
        ["2", "培训流于形式", "队伍"],
      ],
      任务清单: [
        ["序号", "整改任务", "责任科室", "完成时限"],
        ["1", "开展收费专项检查", "医政科", "2024-12-31"],
        ["1", "公开收费标准", "财务科", "2024-10-31"],
        ["2", "制定培训计划", "人事科", "2025-03-31"],
        ["3", "无此问题的任务", "人事科", "2025-03-31"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.problems.map((p) => p.measures?.map((m) => [m.text, m.department]))).toEqual([
      [
        ["开展收费专项检查", "医政科"],
        ["公开收费标准", "财务科"],
      ],
      [["制定培训计划", "人事科"]],
    ]);
    expect(read.errors.map((e) => [e.code, e.sheet, e.row, e.column])).toEqual([
      ["problem_not_found", "任务清单", 5, "A"],
    ]);
  });
});
