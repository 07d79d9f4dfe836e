// Which measures a filtered ledger export holds: the same choices the ledger page offers (status, kind, department,
// overdue, free text), so that "导出当前筛选" writes exactly the rows the person sees. Pure over the export's rows.

import type { CalendarDate } from "../domain/calendar-date.ts";
import { isOverdue } from "../domain/ledger-statistics.ts";
import {
  MEASURE_KIND_LABELS,
  MEASURE_STATE_LABELS,
  type MeasureKind,
  type MeasureState,
} from "../domain/measure.ts";
import type { LedgerMeasureRow } from "../storage/store.ts";

export interface MeasureExportFilter {
  readonly states?: readonly MeasureState[];
  readonly kinds?: readonly MeasureKind[];
  /** The responsible or a cooperating department, by name (the export's rows carry names). */
  readonly departmentName?: string;
  /**
   * The responsible person or the lead leader, by name as the rows carry them: two people of one name in one unit
   * would both match (the ledger page matches by id).
   */
  readonly personName?: string;
  readonly overdueOnly?: boolean;
  /** Found in the measure's text, its problem's title or the problem's feedback text (as the ledger page finds it). */
  readonly text?: string;
}

export function isFilterSet(filter: MeasureExportFilter | undefined): filter is MeasureExportFilter {
  return (
    filter !== undefined &&
    ((filter.states?.length ?? 0) > 0 ||
      (filter.kinds?.length ?? 0) > 0 ||
      filter.departmentName !== undefined ||
      filter.personName !== undefined ||
      filter.overdueOnly === true ||
      (filter.text ?? "") !== "")
  );
}

/** `problemsFoundByText`: problems whose feedback text holds the filter's text (the rows do not carry it). */
export function measureMatches(
  filter: MeasureExportFilter,
  m: LedgerMeasureRow,
  asOf: CalendarDate,
  problemsFoundByText: ReadonlySet<string> = new Set(),
): boolean {
  const { states = [], kinds = [], departmentName, personName, overdueOnly = false, text = "" } = filter;
  return (
    (states.length === 0 || states.includes(m.state)) &&
    (kinds.length === 0 || kinds.includes(m.kind)) &&
    (departmentName === undefined ||
      m.department === departmentName ||
      m.cooperatingDepartments.includes(departmentName)) &&
    (personName === undefined || m.person === personName || m.leader === personName) &&
    (!overdueOnly || isOverdue(m, asOf)) &&
    (text === "" ||
      m.text.includes(text) ||
      m.problemTitle.includes(text) ||
      problemsFoundByText.has(m.problemId))
  );
}

/** The filter in words for the workbook's summary: 状态：推进中、已退回；仅逾期；…. */
export function describeFilter(filter: MeasureExportFilter): string {
  const parts = [
    ...(filter.states?.length
      ? [`状态：${filter.states.map((s) => MEASURE_STATE_LABELS[s]).join("、")}`]
      : []),
    ...(filter.kinds?.length ? [`类型：${filter.kinds.map((k) => MEASURE_KIND_LABELS[k]).join("、")}`] : []),
    ...(filter.departmentName !== undefined ? [`责任部门：${filter.departmentName}`] : []),
    ...(filter.personName !== undefined ? [`责任人：${filter.personName}`] : []),
    ...(filter.overdueOnly ? ["仅逾期"] : []),
    ...((filter.text ?? "") !== "" ? [`包含“${filter.text}”`] : []),
  ];
  return parts.join("；");
}
