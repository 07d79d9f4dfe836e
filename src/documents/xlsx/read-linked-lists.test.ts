import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

// A 问题清单 + 任务清单 workbook (part of the 三清单 some units keep): the task list has no problem column,
// only the number of the problem it belongs to.

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-linked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Rows = readonly (readonly (string | null)[])[];

async function writeSheets(name: string, sheets: Readonly<Record<string, Rows>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(sheet);
    rows.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      }),
    );
  }
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
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
    const path = await writeSheets("linked.xlsx", {
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
    const path = await writeSheets("dangling.xlsx", {
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
    const path = await writeSheets("alone.xlsx", {
      任务清单: [
        ["问题编号", "整改任务", "完成时限"],
        ["W1", "开展收费专项检查", "2024-12-31"],
      ],
    });
    const read = await readLedgerXlsx(path);
    expect(read.errors.map((e) => [e.sheet, e.code])).toEqual([["任务清单", "problem_column_missing"]]);
  });
});
