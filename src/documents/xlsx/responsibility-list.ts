// A 三清单 workbook's 责任清单: rows naming who answers for measures of the task list — by 任务编号/措施序号
// (with 问题编号 when the numbers restart per problem), or by 问题编号 alone for all of a problem's measures.
// Fills the lead leader, department, person and cooperating departments the task list left empty; a row that
// names no measure, or disagrees with the task list, is a warning at its sheet, row and column. Pure.

import type { ImportIssue, RowCells } from "./collected-ledger.ts";
import { columnLetter, headerOf } from "./ledger-columns.ts";
import {
  cellText,
  issueAt,
  RESPONSIBLE_FIELDS,
  type MeasureDraft,
  type Origin,
  type ProblemDraft,
  type ResponsibleField,
} from "./ledger-row-inputs.ts";

/** One row of a 责任清单 as read. */
export interface ResponsibilityRow {
  readonly origin: Origin;
  /** 任务编号 / 措施序号 cell; "" when none. */
  readonly measureNo: string;
  /** 问题编号 / 序号 cell; "" when none. */
  readonly no: string;
  readonly values: Readonly<Record<ResponsibleField, string>>;
}

export const responsibilityRow = (origin: Origin, cells: RowCells): ResponsibilityRow => ({
  origin,
  measureNo: cellText(cells, "measureNo"),
  no: cellText(cells, "no"),
  values: {
    leader: cellText(cells, "leader"),
    department: cellText(cells, "department"),
    person: cellText(cells, "person"),
    cooperating: cellText(cells, "cooperating"),
  },
});

const key = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

interface Target {
  readonly draft: ProblemDraft;
  readonly index: number;
}

type Found =
  | { readonly found: Target[] }
  | { readonly missing: "key" | "not_found" | "ambiguous"; readonly field: "measureNo" | "no" | null };

/** The measures a row names: by measure number (within its problem when it gives one), else by problem number. */
function targetsOf(row: ResponsibilityRow, problems: readonly ProblemDraft[]): Found {
  const problemNo = key(row.no);
  const inProblem = (p: ProblemDraft) => problemNo === "" || key(p.no) === problemNo;
  const measures = (p: ProblemDraft, match: (m: MeasureDraft) => boolean): Target[] =>
    p.measures.flatMap((m, index) => (match(m) ? [{ draft: p, index }] : []));
  const measureNo = key(row.measureNo);
  if (measureNo !== "") {
    const found = problems
      .filter(inProblem)
      .flatMap((p) => measures(p, (m) => key(m.measureNo) === measureNo));
    if (found.length === 0) return { missing: "not_found", field: "measureNo" };
    // Numbers that restart per problem (1, 2 under each) need the 问题编号 to tell the measures apart.
    if (new Set(found.map((t) => t.draft)).size > 1) return { missing: "ambiguous", field: "measureNo" };
    return { found };
  }
  if (problemNo === "") return { missing: "key", field: null };
  const problem = problems.filter((p) => key(p.no) === problemNo);
  const found =
    problem.length > 0
      ? problem.flatMap((p) => measures(p, () => true))
      : problems.flatMap((p) => measures(p, (m) => key(m.measureNo) === problemNo));
  return found.length > 0 ? { found } : { missing: "not_found", field: "no" };
}

const LABELS: Readonly<Record<ResponsibleField, string>> = {
  leader: headerOf("leader"),
  department: headerOf("department"),
  person: headerOf("person"),
  cooperating: headerOf("cooperating"),
};

/** What a row would have given, for the warning that says it was not taken. */
const given = (row: ResponsibilityRow): string =>
  RESPONSIBLE_FIELDS.filter((f) => row.values[f] !== "")
    .map((f) => `${LABELS[f]}“${row.values[f]}”`)
    .join("、");

function unmatched(
  row: ResponsibilityRow,
  missing: "key" | "not_found" | "ambiguous",
  field: "measureNo" | "no" | null,
): ImportIssue {
  const { sheet, row: line, columns } = row.origin;
  const where = `工作表“${sheet}”第${line}行`;
  const column = columns.get(field ?? "measureNo") ?? columns.get("no");
  const number = field === "no" ? row.no : row.measureNo;
  const label = field === "no" ? "问题编号" : "任务编号";
  const what = given(row);
  const message =
    missing === "key"
      ? `${where}没有写任务编号或问题编号，无法对应到整改措施，该行的责任（${what}）未导入`
      : missing === "ambiguous"
        ? `${where}${label}“${number}”对应多个问题下的整改措施，请补写问题编号；该行的责任（${what}）未导入`
        : `${where}${label}“${number}”在任务清单中找不到对应的整改措施，该行的责任（${what}）未导入`;
  return {
    sheet,
    row: line,
    column: column === undefined ? null : columnLetter(column),
    code:
      missing === "key"
        ? "responsibility_key_missing"
        : missing === "ambiguous"
          ? "responsibility_ambiguous"
          : "responsibility_not_found",
    message,
  };
}

/**
 * Applies the rows of every 责任清单 to the measures (replacing the drafts in place) and returns the warnings
 * and a note per sheet saying how many measures its rows reached. The task list's own cells win over the
 * 责任清单: a different value there is a `responsibility_conflict` at the 责任清单 cell.
 */
export function applyResponsibilities(
  problems: readonly ProblemDraft[],
  rows: readonly ResponsibilityRow[],
): { warnings: ImportIssue[]; notes: string[] } {
  const warnings: ImportIssue[] = [];
  const reached = new Map<string, Set<string>>();
  for (const row of rows) {
    if (RESPONSIBLE_FIELDS.every((f) => row.values[f] === "")) continue;
    const targets = targetsOf(row, problems);
    if ("missing" in targets) {
      warnings.push(unmatched(row, targets.missing, targets.field));
      continue;
    }
    for (const field of RESPONSIBLE_FIELDS) {
      const value = row.values[field];
      if (value === "") continue;
      const conflicts: MeasureDraft[] = [];
      for (const { draft, index } of targets.found) {
        const m = draft.measures[index] as MeasureDraft;
        if (m[field] === "")
          draft.measures[index] = { ...m, [field]: value, from: { ...m.from, [field]: row.origin } };
        else if (key(m[field]) !== key(value)) conflicts.push(m);
      }
      const first = conflicts[0];
      if (first)
        warnings.push(
          issueAt(
            row.origin,
            field,
            "responsibility_conflict",
            `工作表“${row.origin.sheet}”第${row.origin.row}行${LABELS[field]}“${value}”与工作表“${first.origin.sheet}”第${first.origin.row}行所写的“${first[field]}”不一致${conflicts.length > 1 ? `（共${conflicts.length}条措施）` : ""}，保留任务清单所写的“${first[field]}”，请核对`,
          ),
        );
    }
    const seen = reached.get(row.origin.sheet) ?? new Set<string>();
    for (const { draft, index } of targets.found)
      seen.add(`${draft.origin.sheet}\u0000${draft.origin.row}\u0000${index}`);
    reached.set(row.origin.sheet, seen);
  }
  const notes = [...reached].map(
    ([sheet, measures]) =>
      `工作表“${sheet}”（责任清单）对应到${measures.size}条整改措施，其牵头领导、责任部门、责任人、配合部门按该表填入（任务清单已填写的以任务清单为准）`,
  );
  return { warnings, notes };
}
