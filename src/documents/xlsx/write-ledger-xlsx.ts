// Streams a ledger workbook (问题清单, 任务清单（整改台账）, 责任清单, 成效统计, 成效明细, 汇总) with exceljs's
// streaming writer: rows are committed as they are written, so memory stays flat at 100,000 measures.
// Problem cells are merged across their measures; merges are declared before the group's rows are committed.

import type { Writable } from "node:stream";
import ExcelJS, { type Style, type Worksheet } from "exceljs";
import type { CalendarDate } from "../../domain/calendar-date.ts";
import { totalOutcomes } from "../../domain/ledger-statistics.ts";
import { MEASURE_KIND_LABELS, MEASURE_STATE_LABELS } from "../../domain/measure.ts";
import {
  MONEY_OUTCOME_KINDS,
  OUTCOME_KIND_LABELS,
  OUTCOME_KINDS,
  SANCTION_TYPE_LABELS,
  type OutcomeKind,
} from "../../domain/outcome.ts";
import { PROBLEM_STATUS_LABELS } from "../../domain/problem.ts";
import {
  MEASURE_COLUMNS,
  OUTCOME_DETAIL_COLUMNS,
  PROBLEM_COLUMNS,
  SHEET_NAMES,
  UNIT_COLUMN,
  headerOf,
  type ExportColumn,
} from "./ledger-columns.ts";
import {
  RESPONSIBILITY_ROLE_LABELS,
  ResponsibilityTally,
  type LedgerWorkbookContent,
  type XlsxMeasureRow,
} from "./ledger-workbook.ts";
import { deadlineWord } from "./parse-deadline.ts";
import { disclosureText } from "./parse-ledger-words.ts";
import { listSheetOptions, statusStyle, STYLES, writeListHead } from "./xlsx-styles.ts";

const HEADER_ROW = 2;
/** Columns merged across a problem's measures. */
const PROBLEM_FIELDS = new Set(["unit", "no", "aspect", "problem"]);

type CellOut = string | number | Date | null;

const asDate = (d: CalendarDate | null): Date | null => (d === null ? null : new Date(`${d}T00:00:00Z`));

/** The unit of a quantity as written beside it. */
export function quantityUnit(kind: OutcomeKind): string {
  if (MONEY_OUTCOME_KINDS.has(kind)) return "元";
  switch (kind) {
    case "people_accountable":
      return "人";
    case "rules_new":
    case "rules_revised":
      return "项";
    case "clues_transferred":
      return "条";
    default:
      return "次";
  }
}

function addSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  title: string,
  columns: readonly ExportColumn[],
): Worksheet {
  const ws = wb.addWorksheet(name, listSheetOptions(HEADER_ROW));
  writeListHead(
    ws,
    title,
    columns.map((c) => c.header ?? headerOf(c.field)),
    columns.map((c) => c.width),
  );
  return ws;
}

function addStyledRow(ws: Worksheet, values: readonly CellOut[], styles: readonly Partial<Style>[]) {
  const row = ws.addRow([...values]);
  styles.forEach((style, i) => {
    row.getCell(i + 1).style = style;
  });
  return row;
}

const styleFor = (c: ExportColumn): Partial<Style> =>
  c.type === "date"
    ? STYLES.date
    : c.type === "number" || c.field === "no" || c.width <= 10
      ? STYLES.centered
      : STYLES.text;

function measureValues(columns: readonly ExportColumn[], m: XlsxMeasureRow): CellOut[] {
  const flag =
    m.state === "closed" ? "" : m.flag === "overdue" ? "（逾期）" : m.flag === "due_soon" ? "（临期）" : "";
  return columns.map((c): CellOut => {
    switch (c.field) {
      case "unit":
        return m.unit ?? null;
      case "no":
        return m.no;
      case "aspect":
        return m.aspect;
      case "problem":
        return m.problem;
      case "measure":
        return m.text;
      case "kind":
        return MEASURE_KIND_LABELS[m.kind];
      case "leader":
        return m.leader;
      case "department":
        return m.department;
      case "person":
        return m.person;
      case "cooperating":
        return m.cooperating.join("、") || null;
      case "deadline":
        return asDate(m.deadline) ?? (deadlineWord(m.kind) || null);
      case "progress":
        return m.progress;
      case "status":
        return `${MEASURE_STATE_LABELS[m.state]}${flag}`;
      case "evidenceCount":
        return m.evidenceCount;
      case "closedOn":
        return asDate(m.closedOn);
      case "reviewer":
        return m.reviewer;
      case "note":
        return m.note;
      default:
        return null;
    }
  });
}

async function writeMeasures(
  ws: Worksheet,
  columns: readonly ExportColumn[],
  content: LedgerWorkbookContent,
  tally: ResponsibilityTally,
): Promise<void> {
  const base = columns.map(styleFor);
  const statusAt = columns.findIndex((c) => c.field === "status");
  const merged = columns.flatMap((c, i) => (PROBLEM_FIELDS.has(c.field) ? [i + 1] : []));
  let group: { key: string; first: number; last: number; row: ExcelJS.Row } | undefined;
  const closeGroup = () => {
    if (group === undefined) return;
    if (group.last > group.first) for (const c of merged) ws.mergeCells(group.first, c, group.last, c);
    group.row.commit();
  };
  for await (const m of content.measures) {
    tally.add(m);
    const styles =
      statusAt < 0
        ? base
        : base.map((s, i) => (i === statusAt ? statusStyle(m.state === "closed", m.flag) : s));
    const row = addStyledRow(ws, measureValues(columns, m), styles);
    if (group !== undefined && group.key === m.problemKey) {
      group.last = row.number;
      group.row = row;
    } else {
      closeGroup();
      group = { key: m.problemKey, first: row.number, last: row.number, row };
    }
  }
  closeGroup();
}

/** Writes the workbook to `output` (a file stream, an HTTP response…) and resolves once it is complete. */
export async function writeLedgerXlsx(output: Writable, content: LedgerWorkbookContent): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = "zhenggai";
  const unit = content.multiUnit ? [UNIT_COLUMN] : [];

  const problemColumns = [...unit, ...PROBLEM_COLUMNS];
  const problems = addSheet(wb, SHEET_NAMES.problems, content.title, problemColumns);
  const problemStyles = problemColumns.map(styleFor);
  for await (const p of content.problems) {
    const values = problemColumns.map((c): CellOut => {
      switch (c.field) {
        case "unit":
          return p.unit ?? null;
        case "no":
          return p.no;
        case "aspect":
          return p.aspect;
        case "problem":
          return p.title;
        case "feedbackText":
          return p.feedbackText;
        case "symptoms":
          return p.symptoms;
        case "status":
          return PROBLEM_STATUS_LABELS[p.status];
        case "disclosure":
          return disclosureText(p.disclosure, p.withholdingReason);
        default:
          return null;
      }
    });
    const statusAt = problemColumns.findIndex((c) => c.field === "status");
    addStyledRow(
      problems,
      values,
      problemStyles.map((s, i) => (i === statusAt && p.status !== "in_progress" ? STYLES.closed : s)),
    ).commit();
  }
  problems.commit();

  const measureColumns = [...unit, ...MEASURE_COLUMNS];
  const measures = addSheet(wb, SHEET_NAMES.measures, content.title, measureColumns);
  const tally = new ResponsibilityTally();
  await writeMeasures(measures, measureColumns, content, tally);
  measures.commit();

  const people = wb.addWorksheet(SHEET_NAMES.responsibilities, listSheetOptions(HEADER_ROW));
  writeListHead(
    people,
    content.title,
    ["类别", "姓名/部门", "涉及问题数", "整改措施数", "已销号", "逾期", "按期完成率"],
    [10, 22, 12, 12, 10, 10, 12],
  );
  const peopleStyles = [
    STYLES.centered,
    STYLES.text,
    STYLES.centered,
    STYLES.centered,
    STYLES.centered,
    STYLES.centered,
    STYLES.centered,
  ];
  for (const r of tally.rows()) {
    addStyledRow(
      people,
      [RESPONSIBILITY_ROLE_LABELS[r.role], r.name, r.problems, r.measures, r.closed, r.overdue, r.onTimeRate],
      peopleStyles,
    ).commit();
  }
  people.commit();

  const totals = totalOutcomes(content.outcomes);
  const outcomeSheet = wb.addWorksheet(SHEET_NAMES.outcomes, listSheetOptions(HEADER_ROW));
  writeListHead(outcomeSheet, content.title, ["成效类型", "合计", "计量单位"], [22, 16, 10]);
  for (const kind of OUTCOME_KINDS) {
    // Money stays an exact decimal string (元); counts are integers.
    const total = MONEY_OUTCOME_KINDS.has(kind) ? totals[kind] : Number(totals[kind]);
    addStyledRow(
      outcomeSheet,
      [OUTCOME_KIND_LABELS[kind], total, quantityUnit(kind)],
      [STYLES.text, STYLES.centered, STYLES.centered],
    ).commit();
  }
  outcomeSheet.commit();

  const detailColumns = [...unit, ...OUTCOME_DETAIL_COLUMNS];
  const details = addSheet(wb, SHEET_NAMES.outcomeDetails, content.title, detailColumns);
  const detailStyles = detailColumns.map(styleFor);
  for (const o of content.outcomes) {
    const values = detailColumns.map((c): CellOut => {
      switch (c.field) {
        case "unit":
          return o.unit ?? null;
        case "no":
          return o.problemNo;
        case "problem":
          return o.problem;
        case "outcomeKind":
          return OUTCOME_KIND_LABELS[o.kind];
        case "quantity":
          return o.quantity;
        case "quantityUnit":
          return quantityUnit(o.kind);
        case "sanction":
          return o.sanctionType ? SANCTION_TYPE_LABELS[o.sanctionType] : null;
        case "outcomeNote":
          return o.note;
        default:
          return null;
      }
    });
    addStyledRow(details, values, detailStyles).commit();
  }
  details.commit();

  const summary = wb.addWorksheet(SHEET_NAMES.summary, listSheetOptions(HEADER_ROW));
  writeListHead(summary, content.title, [headerOf("item"), headerOf("value")], [24, 48]);
  for (const [label, value] of content.summary)
    addStyledRow(summary, [label, value], [STYLES.text, STYLES.text]).commit();
  summary.commit();

  await wb.commit();
}
