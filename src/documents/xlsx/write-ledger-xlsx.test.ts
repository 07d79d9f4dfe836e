import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { LedgerWorkbookContent, XlsxMeasureRow } from "./ledger-workbook.ts";
import { SHEET_NAMES } from "./ledger-columns.ts";
import { STATUS_FILLS } from "./xlsx-styles.ts";
import { writeLedgerXlsx } from "./write-ledger-xlsx.ts";

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

const measure = (over: Partial<XlsxMeasureRow>): XlsxMeasureRow => ({
  problemKey: "p1",
  no: 1,
  aspect: "全面从严治党",
  problem: "四风问题依然存在",
  text: "完善接待制度",
  kind: "time_limited",
  leader: "杨建",
  department: "办公室",
  person: "张三",
  cooperating: [],
  deadline: "2021-05-31",
  progress: null,
  state: "in_progress",
  flag: null,
  evidenceCount: 0,
  closedOn: null,
  reviewer: null,
  note: null,
  ...over,
});

async function written(content: LedgerWorkbookContent): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on("end", resolve));
  await writeLedgerXlsx(out, content);
  await ended;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return wb;
}

const content = (): LedgerWorkbookContent => ({
  title: "市文联党组巡察整改台账（截至2021年6月30日）",
  asOf: "2021-06-30",
  multiUnit: false,
  problems: from([
    {
      no: 1,
      aspect: "全面从严治党",
      title: "四风问题依然存在",
      feedbackText: "原文",
      symptoms: null,
      status: "in_progress",
      disclosure: "public",
      withholdingReason: null,
    },
    {
      no: 2,
      aspect: "党的建设",
      title: "党建工作质量不高",
      feedbackText: "原文2",
      symptoms: "表现",
      status: "completed",
      disclosure: "withheld",
      withholdingReason: "work_secret",
    },
  ]),
  measures: from([
    measure({ state: "closed", closedOn: "2021-05-20", reviewer: "王审核" }),
    measure({ text: "开展专项整治", flag: "overdue", deadline: "2021-06-01" }),
    measure({
      text: "建立长效机制",
      flag: "due_soon",
      deadline: "2021-07-05",
      cooperating: ["机关党委", "财务科"],
    }),
    measure({
      problemKey: "p2",
      no: 2,
      aspect: "党的建设",
      problem: "党建工作质量不高",
      text: "落实三会一课",
      kind: "long_term",
      deadline: null,
      state: "closed",
    }),
  ]),
  outcomes: [
    {
      problemNo: 1,
      problem: "四风问题依然存在",
      kind: "funds_returned",
      quantity: "12345.67",
      sanctionType: null,
      note: null,
    },
  ],
  summary: [
    ["被巡察单位", "市文联党组"],
    ["问题总数", 2],
  ],
});

describe("writeLedgerXlsx", () => {
  it("writes the six sheets with a merged title row, a bold frozen header with autofilter and A4 landscape print titles", async () => {
    const wb = await written(content());
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      SHEET_NAMES.problems,
      SHEET_NAMES.measures,
      SHEET_NAMES.responsibilities,
      SHEET_NAMES.outcomes,
      SHEET_NAMES.outcomeDetails,
      SHEET_NAMES.summary,
    ]);
    const ws = wb.getWorksheet(SHEET_NAMES.measures)!;
    expect(ws.getCell("A1").value).toBe("市文联党组巡察整改台账（截至2021年6月30日）");
    expect(ws.getCell("P1").isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([
      undefined,
      "编号",
      "方面",
      "问题",
      "整改措施",
      "类型",
      "牵头领导",
      "责任部门",
      "责任人",
      "配合部门",
      "整改时限",
      "最新进展",
      "状态",
      "佐证材料数",
      "销号时间",
      "审核人",
      "备注",
    ]);
    expect(ws.getCell("A2").font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.autoFilter).toBe("A2:P2");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToWidth: 1,
      printTitlesRow: "1:2",
    });
    expect(ws.getColumn(4).width).toBeGreaterThan(30);
    expect(ws.getCell("D3").alignment.wrapText).toBe(true);
  });

  it("merges the problem cells across their measures and leaves single-measure problems unmerged", async () => {
    const ws = (await written(content())).getWorksheet(SHEET_NAMES.measures)!;
    for (const col of ["A", "B", "C"]) {
      expect(ws.getCell(`${col}4`).isMerged).toBe(true);
      expect(ws.getCell(`${col}5`).master.address).toBe(`${col}3`);
    }
    expect(ws.getCell("D4").isMerged).toBe(false);
    expect(ws.getCell("C6").isMerged).toBe(false);
    expect(ws.getCell("C6").value).toBe("党建工作质量不高");
  });

  it("shows real dates as yyyy-mm-dd and colours 已销号 green, 临期 amber, 逾期 red", async () => {
    const ws = (await written(content())).getWorksheet(SHEET_NAMES.measures)!;
    expect(ws.getCell("J3").value).toEqual(new Date("2021-05-31T00:00:00Z"));
    expect(ws.getCell("J3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("N3").value).toEqual(new Date("2021-05-20T00:00:00Z"));
    expect(ws.getCell("J6").value).toBe("长期坚持");
    const fill = (addr: string) => (ws.getCell(addr).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect([ws.getCell("L3").value, fill("L3")]).toEqual(["已销号", STATUS_FILLS.closed]);
    expect([ws.getCell("L4").value, fill("L4")]).toEqual(["推进中（逾期）", STATUS_FILLS.overdue]);
    expect([ws.getCell("L5").value, fill("L5")]).toEqual(["推进中（临期）", STATUS_FILLS.dueSoon]);
    expect(ws.getCell("I5").value).toBe("机关党委、财务科");
  });

  it("tallies responsibilities, totals outcomes exactly and keeps the withholding reason", async () => {
    const wb = await written(content());
    const people = wb.getWorksheet(SHEET_NAMES.responsibilities)!;
    expect(people.getRow(3).values).toEqual([undefined, "牵头领导", "杨建", 2, 4, 2, 1, "66.67%"]);
    const outcomes = wb.getWorksheet(SHEET_NAMES.outcomes)!;
    const funds = outcomes.getRows(3, 12)!.find((r) => r.getCell(1).value === "清退资金")!;
    expect([funds.getCell(2).value, funds.getCell(3).value]).toEqual(["12345.67", "元"]);
    const problems = wb.getWorksheet(SHEET_NAMES.problems)!;
    expect(problems.getCell("G4").value).toBe("不公开（涉及工作秘密）");
    expect(problems.getCell("F4").value).toBe("已整改完成");
  });
});
