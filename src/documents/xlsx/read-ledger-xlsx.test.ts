import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  writeBlankRowsWorkbook,
  writeEncryptedWorkbook,
  writeForeignLedger,
  writeXlsxBomb,
} from "../../../test/support/xlsx-files.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

const HEADER = [
  "序号",
  "问题类别",
  "存在问题",
  "具体措施",
  "分管领导",
  "责任科室",
  "具体责任人",
  "完成时限",
  "完成情况",
];
const foreign = [
  ["市文联党组巡察反馈问题整改台账（截至2021年6月30日）"],
  [null],
  HEADER,
  [
    1,
    "全面从严治党",
    "四风问题依然存在",
    "完善公务接待制度",
    "杨建",
    "办公室",
    "张三",
    "2021年5月底",
    "已完成",
  ],
  [
    null,
    null,
    null,
    "开展专项整治",
    "杨建",
    "办公室",
    "张三",
    { formula: "DATE(2021,6,30)", result: new Date("2021-06-30T00:00:00Z") },
    "正在推进",
  ],
  ["  ", " ", null, null, null, null, null, null, null],
  [null, null, null, "建立长效机制", "杨建", "办公室", "张三", "长期坚持", "基本完成"],
  [2, "党的建设", "党建工作质量不高", "落实三会一课", "李四", "机关党委", "王五", "2021.07.31", "未启动"],
];

describe("readLedgerXlsx", () => {
  it("reads a foreign ledger: header below the title, synonyms, merged problem cells from the sheet XML, formulas by their cached value, blank rows skipped", async () => {
    await writeForeignLedger(file("foreign.xlsx"), foreign, ["A4:A7", "B4:B7", "C4:C7"]);
    const read = await readLedgerXlsx(file("foreign.xlsx"));
    expect(await readLedgerXlsx(file("foreign.xlsx"), { wholeReadMaxInflatedBytes: 0 })).toEqual(read); // streamed: the same
    expect(read.errors).toEqual([]);
    expect(read.unitName).toBe("市文联党组");
    expect(read.sheets).toEqual([{ name: "整改台账", kind: "measures", headerRow: 3 }]);
    expect(read.aspects).toEqual(["全面从严治党", "党的建设"]);
    expect(read.problems.map((p) => [p.title, p.measures?.length])).toEqual([
      ["四风问题依然存在", 3],
      ["党建工作质量不高", 1],
    ]);
    expect(read.problems[0]?.measures?.map((m) => [m.text, m.kind, m.deadline, m.state])).toEqual([
      ["完善公务接待制度", "time_limited", "2021-05-31", "closed"],
      ["开展专项整治", "time_limited", "2021-06-30", "in_progress"],
      ["建立长效机制", "long_term", null, "closed"],
    ]);
    expect(read.problems[1]?.measures?.[0]).toMatchObject({
      leader: "李四",
      department: "机关党委",
      person: "王五",
      deadline: "2021-07-31",
      state: "draft",
    });
  });

  it("keeps Chinese text intact where exceljs's stream chunks split a character (large sheets)", async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => [
      i + 1,
      "全面从严治党",
      `问题${i}：执行财务管理制度不够严格`,
      `措施${i}：完善财务报销审批流程，建立台账逐项销号`,
      "杨建",
      "办公室",
      "张三",
      "2021年5月底",
      "推进中",
    ]);
    await writeForeignLedger(file("large.xlsx"), [HEADER, ...many]);
    const read = await readLedgerXlsx(file("large.xlsx"), { wholeReadMaxInflatedBytes: 0 }); // the streaming path
    expect(read.errors).toEqual([]);
    expect(read.problems).toHaveLength(3_000);
    expect(
      read.problems.every(
        (p, i) =>
          p.title === `问题${i}：执行财务管理制度不够严格` &&
          p.measures?.[0]?.text === `措施${i}：完善财务报销审批流程，建立台账逐项销号`,
      ),
    ).toBe(true);
  });

  it("continues a problem on rows whose problem cell is left empty (no merges at all)", async () => {
    await writeForeignLedger(file("unmerged.xlsx"), foreign);
    const read = await readLedgerXlsx(file("unmerged.xlsx"));
    expect(read.problems.map((p) => p.measures?.length)).toEqual([3, 1]);
  });

  it("reads the status from a 整改情况 column when the sheet has no status column, and says so in a note", async () => {
    const rows = [
      ["序号", "审计发现问题", "整改措施", "责任单位", "整改期限", "整改情况"],
      [1, "超范围列支会议费", "收回会议费", "财务股", "2024-10-31", "已整改"],
      [null, null, "修订管理办法", "办公室", "2024-12-31", "部分整改"],
      [null, null, "开展自查", "办公室", "2024-12-31", "已于9月召开专题会议，逐项核对近三年会议费支出"],
    ];
    await writeForeignLedger(file("progress-status.xlsx"), rows);
    const read = await readLedgerXlsx(file("progress-status.xlsx"));
    // The report of work done (已于9月召开专题会议…) says the measure has begun.
    expect(read.problems[0]?.measures?.map((m) => m.state)).toEqual(["closed", "in_progress", "in_progress"]);
    expect(read.notes).toContainEqual(expect.stringContaining("F列“整改情况”中的简短状态用语"));
  });

  it("keeps the name and drops the post written after it in brackets (张三（副局长）)", async () => {
    const rows = [
      ["序号", "存在问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限"],
      [1, "四风问题", "完善制度", "王建国（党委书记）", "办公室", "刘洋(主任)", "2024-12-31"],
      [null, null, "专项整治", "李卫东（副局长）、张华（局长）", "办公室", "刘洋", "2024-12-31"],
    ];
    await writeForeignLedger(file("posts.xlsx"), rows);
    const read = await readLedgerXlsx(file("posts.xlsx"));
    expect(read.problems[0]?.measures?.map((m) => [m.leader, m.person])).toEqual([
      ["王建国", "刘洋"],
      ["李卫东", "刘洋"],
    ]);
    expect(read.warnings.map((w) => [w.row, w.column, w.code])).toEqual([[3, "D", "several_names"]]);
  });

  it("reports each bad cell with sheet, row, column, code and a Chinese message", async () => {
    const rows = [
      HEADER,
      [1, "全面从严治党", "四风问题", "完善制度", "杨建", "办公室", "张三", "尽快", "看情况"],
      [2, "全面从严治党", "问题二", null, "杨建", null, null, "2021-05-31", null],
    ];
    await writeForeignLedger(file("bad.xlsx"), rows);
    const read = await readLedgerXlsx(file("bad.xlsx"));
    expect(read.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ["整改台账", 2, "I", "unknown_status"],
      ["整改台账", 2, "H", "invalid_deadline"],
      ["整改台账", 3, "D", "missing_measure"],
    ]);
    expect(read.errors[1]?.message).toContain("无法识别整改时限“尽快”");
  });

  it("refuses files that are no sound workbook with clear Chinese errors", async () => {
    writeFileSync(file("notes.xlsx"), "这不是表格");
    await expect(readLedgerXlsx(file("notes.xlsx"))).rejects.toMatchObject({
      code: "not_xlsx",
      message: expect.stringContaining("不是 Excel 工作簿") as unknown,
    });
    await writeEncryptedWorkbook(file("locked.xlsx"));
    await expect(readLedgerXlsx(file("locked.xlsx"))).rejects.toMatchObject({
      code: "password_protected",
      message: expect.stringContaining("密码") as unknown,
    });
    await writeEncryptedWorkbook(file("old.xls"), false);
    await expect(readLedgerXlsx(file("old.xls"))).rejects.toMatchObject({ code: "legacy_xls" });
    writeFileSync(
      file("broken.xlsx"),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]),
    );
    await expect(readLedgerXlsx(file("broken.xlsx"))).rejects.toMatchObject({ code: "corrupt_xlsx" });
    await writeXlsxBomb(file("bomb.xlsx"));
    await expect(readLedgerXlsx(file("bomb.xlsx"))).rejects.toMatchObject({
      code: "archive_ratio_too_high",
      message: expect.stringContaining("压缩炸弹") as unknown,
    });
    await expect(readLedgerXlsx(file("missing.xlsx"))).rejects.toMatchObject({ code: "file_not_found" });
  });

  it("stops at the row limit, blank-looking rows included, and finds no header in a sheet of blanks", async () => {
    await writeBlankRowsWorkbook(file("blank.xlsx"), 5_000);
    await expect(readLedgerXlsx(file("blank.xlsx"), { rowLimit: 1_000 })).rejects.toMatchObject({
      code: "too_many_rows",
      message: expect.stringContaining("1,000 行") as unknown,
    });
    await expect(
      readLedgerXlsx(file("blank.xlsx"), { rowLimit: 1_000, wholeReadMaxInflatedBytes: 0 }),
    ).rejects.toMatchObject({ code: "too_many_rows" });
    await expect(readLedgerXlsx(file("blank.xlsx"))).rejects.toMatchObject({ code: "header_not_found" });
  });
});
