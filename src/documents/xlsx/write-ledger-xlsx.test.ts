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
  reportingUnit: "市文联党组",
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
  it("writes the six sheets with a merged title, the 填报 line, a bold frozen header with autofilter and A4 landscape print titles", async () => {
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
    expect(ws.getCell("A2").value).toMatch(/^填报单位：市文联党组\s+填报日期：2021年6月30日\s+审核人：/);
    expect(ws.getCell("P2").isMerged).toBe(true);
    expect(ws.getRow(3).values).toEqual([
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
    expect(ws.getCell("A3").font.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.autoFilter).toBe("A3:P3");
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
    });
    expect(ws.headerFooter.oddFooter).toBe("&C第&P页 共&N页");
    expect(ws.getColumn(4).width).toBeGreaterThan(30);
    expect(ws.getCell("D4").alignment.wrapText).toBe(true);
  });

  it("wraps the 填报 line on narrow sheets instead of cutting off 审核人", async () => {
    const wb = await written(content());
    const narrow = wb.getWorksheet(SHEET_NAMES.outcomes)!;
    expect(narrow.getCell("A2").alignment.wrapText).toBe(true);
    expect(narrow.getRow(2).height).toBeGreaterThanOrEqual(2 * 15);
    expect(wb.getWorksheet(SHEET_NAMES.measures)!.getRow(2).height).toBeLessThan(30);
  });

  it("leaves 填报单位 blank for a workbook over several units, to be filled in by hand", async () => {
    const ws = (await written({ ...content(), reportingUnit: "" })).getWorksheet(SHEET_NAMES.summary)!;
    expect(ws.getCell("A2").value).toMatch(/^填报单位：\u3000+\s+填报日期：2021年6月30日/);
  });

  it("merges the problem cells across their measures and leaves single-measure problems unmerged", async () => {
    const ws = (await written(content())).getWorksheet(SHEET_NAMES.measures)!;
    for (const col of ["A", "B", "C"]) {
      expect(ws.getCell(`${col}5`).isMerged).toBe(true);
      expect(ws.getCell(`${col}6`).master.address).toBe(`${col}4`);
    }
    expect(ws.getCell("D5").isMerged).toBe(false);
    expect(ws.getCell("C7").isMerged).toBe(false);
    expect(ws.getCell("C7").value).toBe("党建工作质量不高");
  });

  it("gives every row the height its longest wrapped text needs, and a merged problem text room across its rows", async () => {
    const long = "完善公务接待审批流程，严格执行接待标准，建立接待台账逐笔登记，按月公示并接受监督。".repeat(
      2,
    );
    const problem = "四风问题依然存在，公务接待超标准、超范围，会议费、培训费管理不规范".repeat(6);
    const wb = await written({
      ...content(),
      measures: from([
        measure({ text: "短", problem }),
        measure({ text: long, problem }),
        measure({ problemKey: "p2", no: 2, problem: "短问题", text: "短" }),
      ]),
    });
    const ws = wb.getWorksheet(SHEET_NAMES.measures)!;
    const [short, tall, single] = [4, 5, 6].map((n) => ws.getRow(n).height);
    // 86 CJK characters in a 46-wide column: at most 23 a line, so 4 lines or more.
    expect(tall).toBeGreaterThanOrEqual(4 * 15);
    expect(single).toBeLessThan(30);
    // The 204-character problem in its 30-wide merged cell needs 14 lines or more over the two rows.
    expect(short! + tall!).toBeGreaterThanOrEqual(14 * 15);
    expect(short).toBeGreaterThan(single!);
  });

  it("shows real dates as yyyy-mm-dd, leaves an unknown 销号时间 empty and colours 已销号 green, 临期 amber, 逾期 red", async () => {
    const ws = (await written(content())).getWorksheet(SHEET_NAMES.measures)!;
    expect(ws.getCell("J4").value).toEqual(new Date("2021-05-31T00:00:00Z"));
    expect(ws.getCell("J4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("N4").value).toEqual(new Date("2021-05-20T00:00:00Z"));
    expect(ws.getCell("N7").value).toBeNull();
    expect(ws.getCell("J7").value).toBe("长期坚持");
    const fill = (addr: string) => (ws.getCell(addr).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect([ws.getCell("L4").value, fill("L4")]).toEqual(["已销号", STATUS_FILLS.closed]);
    expect([ws.getCell("L5").value, fill("L5")]).toEqual(["推进中（逾期）", STATUS_FILLS.overdue]);
    expect([ws.getCell("L6").value, fill("L6")]).toEqual(["推进中（临期）", STATUS_FILLS.dueSoon]);
    expect(ws.getCell("I6").value).toBe("机关党委、财务科");
  });

  it("writes rates as percentages, quantities as numbers with their units and money in 万元, exactly", async () => {
    const wb = await written({
      ...content(),
      outcomes: [
        ...content().outcomes,
        {
          problemNo: 1,
          problem: "四风问题依然存在",
          kind: "trainings",
          quantity: "47",
          sanctionType: null,
          note: "组织文艺骨干47人参加培训",
        },
        { problemNo: 2, problem: "党建", kind: "meetings", quantity: "3", sanctionType: null, note: null },
        {
          problemNo: 2,
          problem: "党建",
          kind: "people_accountable",
          quantity: "2",
          sanctionType: "admonition",
          note: null,
        },
      ],
      summary: [
        ["问题总数", 2],
        ["整改完成率", { rate: 0.5 }],
      ],
    });
    const people = wb.getWorksheet(SHEET_NAMES.responsibilities)!;
    expect(people.getRow(4).values).toEqual([undefined, "牵头领导", "杨建", 2, 4, 2, 1, 0.6667]);
    expect(people.getCell("G4").numFmt).toBe("0.00%");

    const details = wb.getWorksheet(SHEET_NAMES.outcomeDetails)!;
    const rows = details
      .getRows(4, 4)!
      .map((r) => [r.getCell(3).value, r.getCell(4).value, r.getCell(5).value]);
    expect(rows).toEqual([
      ["清退资金", 1.234567, "万元"],
      ["开展培训", 47, "人"],
      ["召开会议", 3, "次"],
      ["问责人数", 2, "人"],
    ]);
    expect(details.getCell("D4").numFmt).toBe("#,##0.00####");

    const totals = wb.getWorksheet(SHEET_NAMES.outcomes)!;
    const total = (label: string) =>
      totals
        .getRows(4, 20)!
        .filter((r) => r.getCell(1).value === label)
        .map((r) => [r.getCell(2).value, r.getCell(3).value]);
    expect(total("清退资金")).toEqual([[1.234567, "万元"]]);
    expect(total("开展培训")).toEqual([[47, "人"]]);
    expect(total("问责人数")).toEqual([[2, "人"]]);
    expect(total("新建制度")).toEqual([[0, "项"]]);

    const summary = wb.getWorksheet(SHEET_NAMES.summary)!;
    expect([summary.getCell("B4").value, summary.getCell("B5").value]).toEqual([2, 0.5]);
    expect(summary.getCell("B5").numFmt).toBe("0.00%");
  });

  it("says so in 责任清单 when no measure names a leader, department or person", async () => {
    const bare = measure({ leader: null, department: null, person: null });
    const people = (await written({ ...content(), measures: from([bare]) })).getWorksheet(
      SHEET_NAMES.responsibilities,
    )!;
    expect(people.getCell("A4").value).toBe("（台账尚未记录牵头领导、责任部门和责任人）");
    expect(people.getCell("G4").isMerged).toBe(true);
    expect(people.rowCount).toBe(4);
  });

  it("keeps the withholding reason and the problem statuses", async () => {
    const problems = (await written(content())).getWorksheet(SHEET_NAMES.problems)!;
    expect(problems.getCell("G5").value).toBe("不公开（涉及工作秘密）");
    expect(problems.getCell("F5").value).toBe("已整改完成");
  });
});
