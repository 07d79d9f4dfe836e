import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeForeignLedger } from "../../../test/support/xlsx-files.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-drop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

describe("readLedgerXlsx never drops a data row silently", () => {
  it("refuses a sheet with problems whose measure column is not recognised, naming the sheet and the header cells", async () => {
    await writeForeignLedger(file("no-measure.xlsx"), [
      ["序号", "存在问题", "整改落实举动", "责任单位", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "2021-05-31"],
      [null, null, "开展专项整治", "办公室", "2021-06-30"],
    ]);
    const read = await readLedgerXlsx(file("no-measure.xlsx"));
    const all = [...read.errors, ...read.warnings];
    const missing = read.errors.find((e) => e.code === "measure_column_missing");
    expect(missing?.sheet).toBe("整改台账");
    expect(missing?.message).toContain("整改落实举动");
    expect(missing?.message).toContain("整改台账");
    expect(all.some((e) => e.column === "C" && e.message.includes("整改落实举动"))).toBe(true);
  });

  it("names a totals row and a 填报人 line as skipped instead of reading them as data", async () => {
    await writeForeignLedger(file("totals.xlsx"), [
      ["序号", "存在问题", "整改措施", "责任单位", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "2021-05-31"],
      ["合计", null, "1项", null, null],
      ["填报人：张三", null, "审核人：李四", null, null],
    ]);
    const read = await readLedgerXlsx(file("totals.xlsx"));
    expect(read.errors).toEqual([]);
    expect(read.problems.map((p) => p.title)).toEqual(["四风问题依然存在"]);
    expect(read.warnings.map((w) => [w.row, w.code])).toEqual([
      [3, "totals_row_skipped"],
      [4, "signature_row_skipped"],
    ]);
  });

  it("refuses a workbook of problems alone (no task list), naming the header cells it saw", async () => {
    await writeForeignLedger(file("problems-only.xlsx"), [
      ["序号", "存在问题", "工作备忘"],
      [1, "四风问题依然存在", "完善公务接待制度"],
    ]);
    const read = await readLedgerXlsx(file("problems-only.xlsx"));
    expect(read.errors.map((e) => [e.code, e.sheet])).toEqual([["measure_column_missing", "整改台账"]]);
    expect(read.errors[0]?.message).toContain("C列“工作备忘”");
    expect(read.problems).toEqual([]);
  });

  it("names the rows of a task list without a problem column in one error, and a row with text only in an unread column", async () => {
    await writeForeignLedger(file("no-problem.xlsx"), [
      ["序号", "甲乙丙", "整改措施", "责任单位", "工作备忘"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", null],
      [2, "党建工作质量不高", "落实三会一课", "机关党委", null],
    ]);
    const noProblem = await readLedgerXlsx(file("no-problem.xlsx"));
    const error = noProblem.errors.find((e) => e.code === "problem_column_missing");
    expect(error?.message).toContain("第2–3行共2行未导入");

    await writeForeignLedger(file("unread-row.xlsx"), [
      ["序号", "存在问题", "整改措施", "责任单位", "工作备忘"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", null],
      [null, null, null, null, "另附说明材料"],
    ]);
    const unread = await readLedgerXlsx(file("unread-row.xlsx"));
    expect(unread.warnings.map((w) => [w.code, w.row, w.column])).toEqual([
      ["unknown_column", 1, "E"],
      ["row_not_imported", 3, "E"],
    ]);
  });

  it("reports which column became which field", async () => {
    await writeForeignLedger(file("report.xlsx"), [
      ["序号", "巡视反馈问题", "具体整改措施", "责任处室", "进展情况", "整改目标"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "已起草", "制度健全"],
    ]);
    const read = await readLedgerXlsx(file("report.xlsx"));
    expect(read.columns).toEqual([
      {
        sheet: "整改台账",
        columns: [
          { column: "A", header: "序号", field: "no", reading: "编号" },
          { column: "B", header: "巡视反馈问题", field: "problem", reading: "问题" },
          { column: "C", header: "具体整改措施", field: "measure", reading: "整改措施" },
          { column: "D", header: "责任处室", field: "department", reading: "责任部门" },
          {
            column: "E",
            header: "进展情况",
            field: "progress",
            reading: "最新进展（其中的状态用语读作状态）",
          },
          { column: "F", header: "整改目标", field: null, reading: "未识别，不导入" },
        ],
      },
    ]);
    // No status column: the progress column's short status phrases give the state (已起草 is none).
    expect(read.notes).toEqual([expect.stringContaining("E列“进展情况”中的简短状态用语")]);
    expect(read.problems[0]?.measures?.[0]?.state).toBe("draft");
  });
});

describe("readLedgerXlsx on a workbook of several units (a --round/--all export)", () => {
  const rows = [
    ["被巡察单位", "编号", "问题", "整改措施", "责任部门", "整改时限"],
    ["某县农业农村局", 1, "高标准农田建设质量不高", "对已建项目逐一验收", "农田建设科", "2024-10-31"],
    ["某县水利局", 1, "水利工程维护经费使用不规范", "建立维护经费使用台账", "财务科", "2024-08-31"],
  ];

  it("refuses it, saying why and how to choose a unit", async () => {
    await writeForeignLedger(file("units.xlsx"), rows);
    const read = await readLedgerXlsx(file("units.xlsx"));
    expect(read.errors.map((e) => e.code)).toEqual(["multiple_units"]);
    expect(read.errors[0]?.message).toMatch(/某县农业农村局、某县水利局.*--unit/);
  });

  it("imports only the unit asked for, and says how many problems of the others were left out", async () => {
    await writeForeignLedger(file("units.xlsx"), rows);
    const read = await readLedgerXlsx(file("units.xlsx"), { onlyUnit: "某县水利局" });
    expect(read.errors).toEqual([]);
    expect(read.unitName).toBe("某县水利局");
    expect(read.problems.map((p) => p.title)).toEqual(["水利工程维护经费使用不规范"]);
    expect(read.notes.join("")).toContain("只导入“某县水利局”的1个问题，其余1个问题未导入");
  });
});
