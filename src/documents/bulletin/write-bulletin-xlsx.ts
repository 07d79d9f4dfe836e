// The monthly progress bulletin as a workbook: 整改进展 (the month's figures, one row per unit), 未按期报送 (the measures
// whose progress report is missing or late, by unit and department) and 逾期未完成 (the overdue measures). In memory:
// a bulletin's rows are a ledger's overdue and missing measures, not the whole ledger.

import ExcelJS from "exceljs";
import type { BulletinContent, BulletinMeasure } from "./bulletin-content.ts";

export const BULLETIN_SHEETS = {
  figures: "整改进展",
  reporting: "未按期报送",
  overdue: "逾期未完成",
} as const;

const HEADER_FONT = { bold: true, name: "黑体" } as const;

function sheet(wb: ExcelJS.Workbook, name: string, columns: Array<[string, number]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map(([header, width]) => ({ header, width }));
  ws.getRow(1).font = HEADER_FONT;
  return ws;
}

const measureCells = (m: BulletinMeasure) => [
  m.problemSeq,
  m.problemTitle,
  m.seq,
  m.text,
  m.department ?? "未明确",
];
/** Rates are written as numbers (75.00 → 75) with a percent label in the header, so a sheet can sum and sort them. */
const percent = (rate: string): number => Number(rate);

export async function writeBulletinXlsx(content: BulletinContent): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "zhenggai";
  const figures = sheet(wb, BULLETIN_SHEETS.figures, [
    ["单位", 24],
    ["月份", 10],
    ["统计截至", 12],
    ["整改措施", 10],
    ["本月完成销号", 12],
    ["累计完成", 10],
    ["完成率（%）", 12],
    ["按期完成", 10],
    ["按期完成率（%）", 14],
    ["经批准延期", 12],
    ["延期内完成", 12],
    ["完成时间未记录", 14],
    ["逾期未完成", 12],
    ["应报送进展", 12],
    ["按期报送", 10],
    ["逾期报送", 10],
    ["未报送", 10],
  ]);
  for (const u of content.units) {
    const c = u.completion;
    const r = u.reporting;
    figures.addRow([
      u.unitName,
      content.month,
      content.asOf,
      c.measures,
      u.closedThisMonth.length,
      c.completed,
      percent(c.completionRate),
      c.completedOnTime,
      percent(c.onTimeRate),
      c.extended,
      c.completedWithinExtension,
      c.completedUndated,
      u.overdue.length,
      r?.required ?? null,
      r?.onTime ?? null,
      r?.late ?? null,
      r?.missing ?? null,
    ]);
  }
  const reporting = sheet(wb, BULLETIN_SHEETS.reporting, [
    ["单位", 24],
    ["报送期间", 14],
    ["责任部门", 16],
    ["情况", 10],
    ["问题序号", 8],
    ["问题", 40],
    ["措施序号", 8],
    ["整改措施", 60],
  ]);
  for (const u of content.units) {
    const r = u.reporting;
    if (r === null) continue;
    for (const d of r.departments) {
      const rows = [
        ...d.missingMeasures.map((m) => ["未报送", m] as const),
        ...d.lateMeasures.map((m) => ["逾期报送", m] as const),
      ];
      for (const [standing, m] of rows) {
        reporting.addRow([
          u.unitName,
          r.periodLabels.join("、"),
          d.department,
          standing,
          m.problemSeq,
          m.problemTitle,
          m.seq,
          m.text,
        ]);
      }
    }
  }
  const overdue = sheet(wb, BULLETIN_SHEETS.overdue, [
    ["单位", 24],
    ["问题序号", 8],
    ["问题", 40],
    ["措施序号", 8],
    ["整改措施", 60],
    ["责任部门", 16],
    ["整改时限", 12],
    ["原定时限（已延期）", 16],
    ["逾期天数", 10],
  ]);
  for (const u of content.units) {
    for (const m of u.overdue) {
      overdue.addRow([u.unitName, ...measureCells(m), m.deadline, m.originalDeadline, m.daysOverdue]);
    }
  }
  for (const ws of [reporting, overdue])
    ws.getColumn(ws === reporting ? 8 : 5).alignment = { wrapText: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
