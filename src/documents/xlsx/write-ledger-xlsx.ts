// Streams a ledger workbook (问题清单, 任务清单（整改台账）, 责任清单, 成效统计, 成效明细, 汇总) with exceljs's
// streaming writer: rows are committed as they are written, so memory stays flat at 100,000 measures.
// Problem cells are merged across their measures; merges and row heights are set before the group is committed.

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
  type SummaryValue,
  type XlsxMeasureRow,
  type XlsxOutcomeRow,
} from "./ledger-workbook.ts";
import { kindUnit, outcomeUnit, quantityNumber } from "./outcome-quantity.ts";
import { addColumnsSheet, addSheet, addStyledRow, cellTexts, styleFor, type CellOut } from "./list-sheet.ts";
import { rowHeight, spreadHeights } from "./row-height.ts";
import { deadlineWord } from "./parse-deadline.ts";
import { disclosureText } from "./parse-ledger-words.ts";
import { BODY_FONT_SIZE, statusStyle, STYLES } from "./xlsx-styles.ts";

/** Columns merged across a problem's measures. */
const PROBLEM_FIELDS = new Set(["unit", "no", "aspect", "problem"]);

const asDate = (d: CalendarDate | null): Date | null => (d === null ? null : new Date(`${d}T00:00:00Z`));

const NO_RESPONSIBLE = "（台账尚未记录牵头领导、责任部门和责任人）";

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
  const widths = columns.map((c) => c.width);
  const statusAt = columns.findIndex((c) => c.field === "status");
  const isMerged = columns.map((c) => PROBLEM_FIELDS.has(c.field));
  const merged = columns.flatMap((c, i) => (isMerged[i] ? [i + 1] : []));
  // A group's rows stay uncommitted until its last measure is known: the merge and the heights (the
  // merged problem text must fit in the rows together) are set then.
  let group: { key: string; rows: ExcelJS.Row[]; own: number[]; mergedHeight: number } | undefined;
  const closeGroup = () => {
    if (group === undefined) return;
    const { rows } = group;
    const first = rows[0] as ExcelJS.Row;
    const last = rows[rows.length - 1] as ExcelJS.Row;
    if (rows.length > 1) for (const c of merged) ws.mergeCells(first.number, c, last.number, c);
    const heights = spreadHeights(group.own, group.mergedHeight);
    rows.forEach((r, i) => {
      r.height = heights[i] ?? r.height;
    });
    last.commit();
  };
  for await (const m of content.measures) {
    tally.add(m);
    const styles =
      statusAt < 0
        ? base
        : base.map((s, i) => (i === statusAt ? statusStyle(m.state === "closed", m.flag) : s));
    const values = measureValues(columns, m);
    const texts = cellTexts(values, widths);
    const row = addStyledRow(ws, values, styles, null);
    const own = rowHeight(
      texts.filter((_, i) => !isMerged[i]),
      BODY_FONT_SIZE,
    );
    if (group !== undefined && group.key === m.problemKey) {
      group.rows.push(row);
      group.own.push(own);
    } else {
      closeGroup();
      group = {
        key: m.problemKey,
        rows: [row],
        own: [own],
        mergedHeight: rowHeight(
          texts.filter((_, i) => isMerged[i]),
          BODY_FONT_SIZE,
        ),
      };
    }
  }
  closeGroup();
}

/** The 成效统计 rows: per kind and unit (a kind counted in people and in items gets a row for each). */
function outcomeTotals(outcomes: readonly XlsxOutcomeRow[]): [string, number, string, Partial<Style>][] {
  const groups = new Map<string, XlsxOutcomeRow[]>();
  for (const o of outcomes) {
    const key = `${o.kind}\u0000${outcomeUnit(o.kind, o.quantity, o.note)}`;
    const list = groups.get(key);
    if (list) list.push(o);
    else groups.set(key, [o]);
  }
  return OUTCOME_KINDS.flatMap((kind) => {
    const money = MONEY_OUTCOME_KINDS.has(kind);
    const style = money ? STYLES.money : STYLES.count;
    const mine = [...groups].filter(([key]) => key.startsWith(`${kind}\u0000`));
    if (mine.length === 0) return [[OUTCOME_KIND_LABELS[kind], 0, kindUnit(kind), style]];
    return mine.map(([key, list]): [string, number, string, Partial<Style>] => [
      OUTCOME_KIND_LABELS[kind],
      quantityNumber(kind, totalOutcomes(list)[kind]),
      key.slice(kind.length + 1),
      style,
    ]);
  });
}

const summaryCell = (value: SummaryValue): [CellOut, Partial<Style>] =>
  typeof value === "object"
    ? [value.rate, STYLES.rate]
    : typeof value === "number"
      ? [value, STYLES.count]
      : [value, STYLES.text];

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
  const problemWidths = problemColumns.map((c) => c.width);
  const problems = addColumnsSheet(wb, SHEET_NAMES.problems, content, problemColumns);
  const problemStyles = problemColumns.map(styleFor);
  const problemStatusAt = problemColumns.findIndex((c) => c.field === "status");
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
    addStyledRow(
      problems,
      values,
      problemStyles.map((s, i) => (i === problemStatusAt && p.status !== "in_progress" ? STYLES.closed : s)),
      problemWidths,
    ).commit();
  }
  problems.commit();

  const measureColumns = [...unit, ...MEASURE_COLUMNS];
  const measures = addColumnsSheet(wb, SHEET_NAMES.measures, content, measureColumns);
  const tally = new ResponsibilityTally();
  await writeMeasures(measures, measureColumns, content, tally);
  measures.commit();

  const peopleWidths = [10, 22, 12, 12, 10, 10, 12];
  const people = addSheet(
    wb,
    SHEET_NAMES.responsibilities,
    content,
    ["类别", "姓名/部门", "涉及问题数", "整改措施数", "已销号", "逾期", "按期完成率"],
    peopleWidths,
  );
  const c = STYLES.count;
  const responsible = tally.rows();
  if (responsible.length === 0) {
    // A printed empty table reads as a fault; say why it is empty (an import skips this sheet).
    const row = addStyledRow(people, [NO_RESPONSIBLE], [STYLES.centered], null);
    people.mergeCells(row.number, 1, row.number, peopleWidths.length);
    row.height = 24;
    row.commit();
  }
  for (const r of responsible) {
    addStyledRow(
      people,
      [
        RESPONSIBILITY_ROLE_LABELS[r.role],
        r.name,
        r.problems,
        r.measures,
        r.closed,
        r.overdue,
        r.onTimeRate ?? "—",
      ],
      [STYLES.centered, STYLES.text, c, c, c, c, r.onTimeRate === null ? STYLES.centered : STYLES.rate],
      peopleWidths,
    ).commit();
  }
  people.commit();

  const totalWidths = [22, 16, 10];
  const outcomeSheet = addSheet(
    wb,
    SHEET_NAMES.outcomes,
    content,
    ["成效类型", "合计", "计量单位"],
    totalWidths,
  );
  for (const [label, total, unitWord, style] of outcomeTotals(content.outcomes)) {
    addStyledRow(
      outcomeSheet,
      [label, total, unitWord],
      [STYLES.text, style, STYLES.centered],
      totalWidths,
    ).commit();
  }
  outcomeSheet.commit();

  const detailColumns = [...unit, ...OUTCOME_DETAIL_COLUMNS];
  const detailWidths = detailColumns.map((col) => col.width);
  const details = addColumnsSheet(wb, SHEET_NAMES.outcomeDetails, content, detailColumns);
  const detailStyles = detailColumns.map(styleFor);
  const quantityAt = detailColumns.findIndex((col) => col.field === "quantity");
  for (const o of content.outcomes) {
    const values = detailColumns.map((col): CellOut => {
      switch (col.field) {
        case "unit":
          return o.unit ?? null;
        case "no":
          return o.problemNo;
        case "problem":
          return o.problem;
        case "outcomeKind":
          return OUTCOME_KIND_LABELS[o.kind];
        case "quantity":
          return quantityNumber(o.kind, o.quantity);
        case "quantityUnit":
          return outcomeUnit(o.kind, o.quantity, o.note);
        case "sanction":
          return o.sanctionType ? SANCTION_TYPE_LABELS[o.sanctionType] : null;
        case "outcomeNote":
          return o.note;
        default:
          return null;
      }
    });
    const money = MONEY_OUTCOME_KINDS.has(o.kind) ? STYLES.money : STYLES.count;
    addStyledRow(
      details,
      values,
      detailStyles.map((s, i) => (i === quantityAt ? money : s)),
      detailWidths,
    ).commit();
  }
  details.commit();

  const summaryWidths = [24, 48];
  const summary = addSheet(
    wb,
    SHEET_NAMES.summary,
    content,
    [headerOf("item"), headerOf("value")],
    summaryWidths,
  );
  for (const [label, value] of content.summary) {
    const [cell, style] = summaryCell(value);
    addStyledRow(summary, [label, cell], [STYLES.text, style], summaryWidths).commit();
  }
  summary.commit();

  await wb.commit();
}
