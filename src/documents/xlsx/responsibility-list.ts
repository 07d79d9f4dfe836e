// A 三清单 workbook's 责任清单: rows naming who answers for measures of the task list — by 任务编号/措施序号
// (with 问题编号 when the numbers restart per problem), by the measure's own words (a 责任清单 that copies the
// tasks), or by 问题编号 alone for all of a problem's measures. Fills the lead leader, department, person,
// cooperating departments (and deadline, kind, status) the task list left empty; a row that names no measure,
// or disagrees with the task list, is a warning at its sheet, row and column. Pure.

import type { ImportIssue, RowCells } from "./collected-ledger.ts";
import { columnLetter, headerOf } from "./ledger-columns.ts";
import {
  cellText,
  issueAt,
  MERGED_FIELDS,
  type MeasureDraft,
  type MergedField,
  type Origin,
  type ProblemDraft,
} from "./ledger-row-inputs.ts";
import { parseDeadline, type CellValue } from "./parse-deadline.ts";
import { statusOf } from "./measure-row.ts";
import { parseMeasureKind, parseMeasureStatus } from "./parse-ledger-words.ts";

/** One row of a 责任清单 as read. */
export interface ResponsibilityRow {
  readonly origin: Origin;
  /** 任务编号 / 措施序号 cell; "" when none. */
  readonly measureNo: string;
  /** 问题编号 / 序号 cell; "" when none. */
  readonly no: string;
  /** True when the `no` column's header says 问题 (问题编号): it then always picks the problem, not a row's 序号. */
  readonly noNamesProblem: boolean;
  /** The measure's words, when the list copies them; "" when none. */
  readonly measure: string;
  readonly values: Readonly<Record<MergedField, CellValue>>;
}

export const responsibilityRow = (
  origin: Origin,
  cells: RowCells,
  noNamesProblem: boolean,
): ResponsibilityRow => ({
  origin,
  measureNo: cellText(cells, "measureNo"),
  no: cellText(cells, "no"),
  noNamesProblem,
  measure: cellText(cells, "measure"),
  values: {
    leader: cellText(cells, "leader"),
    department: cellText(cells, "department"),
    person: cellText(cells, "person"),
    cooperating: cellText(cells, "cooperating"),
    kind: cellText(cells, "kind"),
    status: statusOf(origin, cells),
    deadline: cells.get("deadline")?.value ?? null,
  },
});

const key = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
/** A cell's value as compared and shown: dates as YYYY-MM-DD. */
const shown = (v: CellValue): string =>
  v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

/**
 * What a value means, to compare a 责任清单's with the task list's: a date (2025年6月30日 = 2025-06-30), a state
 * (已完成 = 已整改), a kind (限期整改 = 限时整改); else its text. Undated deadlines compare as written.
 */
function meaning(field: MergedField, v: CellValue): string {
  if (field === "deadline") {
    const parsed = parseDeadline(v, null);
    return parsed.ok && parsed.deadline !== null ? parsed.deadline : key(shown(v));
  }
  if (field === "status") {
    const parsed = parseMeasureStatus(shown(v));
    return parsed.ok && parsed.value !== null
      ? `${parsed.value.state}/${parsed.value.longTerm}`
      : key(shown(v));
  }
  if (field === "kind") {
    const parsed = parseMeasureKind(shown(v));
    return parsed.ok && parsed.value !== null ? parsed.value : key(shown(v));
  }
  return key(shown(v));
}

/** The words of every measure read so far, to tell a 责任清单 copying the tasks from more tasks. */
export const measureWords = (problems: readonly ProblemDraft[]): Set<string> =>
  new Set(problems.flatMap((p) => p.measures.map((m) => key(m.text))));

/** True when `text` is the words of a measure in `words`. */
export const repeatsMeasure = (words: ReadonlySet<string>, text: string): boolean =>
  key(text) !== "" && words.has(key(text));

interface Target {
  readonly draft: ProblemDraft;
  readonly index: number;
}

type KeyField = "measureNo" | "measure" | "no";
type Found =
  | { readonly found: Target[] }
  | { readonly missing: "key" | "not_found" | "ambiguous"; readonly field: KeyField | null };

/** Measures by their words (normalised), for lists that copy them. */
type ByWords = ReadonlyMap<string, readonly Target[]>;

const byWords = (problems: readonly ProblemDraft[]): ByWords => {
  const index = new Map<string, Target[]>();
  for (const draft of problems)
    draft.measures.forEach((m, i) => {
      const list = index.get(key(m.text));
      if (list) list.push({ draft, index: i });
      else index.set(key(m.text), [{ draft, index: i }]);
    });
  return index;
};

/**
 * The measures a row names: by measure number (within its problem when it gives one); in a list with a measure
 * column, by the measure's words (its number only picking the problem); else by problem number.
 */
function targetsOf(row: ResponsibilityRow, problems: readonly ProblemDraft[], words: ByWords): Found {
  const problemNo = key(row.no);
  const inProblem = (p: ProblemDraft) => problemNo === "" || key(p.no) === problemNo;
  const measures = (p: ProblemDraft, match: (m: MeasureDraft) => boolean): Target[] =>
    p.measures.flatMap((m, index) => (match(m) ? [{ draft: p, index }] : []));
  const measureNo = key(row.measureNo);
  if (measureNo !== "") {
    const numbered = problems
      .filter((p) => !row.noNamesProblem || inProblem(p))
      .flatMap((p) => measures(p, (m) => key(m.measureNo) === measureNo));
    // Numbers that restart per problem (1, 2 under each) need the 问题编号 to tell the measures apart; a 序号
    // not headed 问题 is used only then (else it is the row's running number: 1, 2, 3 beside 1-1, 1-2, 2-1).
    const found =
      new Set(numbered.map((t) => t.draft)).size > 1 ? numbered.filter((t) => inProblem(t.draft)) : numbered;
    if (numbered.length === 0) return { missing: "not_found", field: "measureNo" };
    if (new Set(found.map((t) => t.draft)).size !== 1) return { missing: "ambiguous", field: "measureNo" };
    return { found };
  }
  if (row.origin.columns.has("measure")) {
    const text = key(row.measure);
    if (text === "") return { missing: "key", field: "measure" };
    const same = (words.get(text) ?? []).filter(
      (t) => (t.draft.measures[t.index] as MeasureDraft).origin.sheet !== row.origin.sheet,
    );
    // Its number picks the problem when that problem has these words (else it is only the row's 序号).
    const numbered = same.filter((t) => problemNo !== "" && key(t.draft.no) === problemNo);
    const found = numbered.length > 0 ? numbered : same;
    if (found.length === 0) return { missing: "not_found", field: "measure" };
    if (new Set(found.map((t) => t.draft)).size > 1) return { missing: "ambiguous", field: "measure" };
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

/** What a row would have given, for the warning that says it was not taken. */
const given = (row: ResponsibilityRow): string =>
  MERGED_FIELDS.filter((f) => shown(row.values[f]) !== "")
    .map((f) => `${headerOf(f)}“${shown(row.values[f])}”`)
    .join("、");

function unmatched(
  row: ResponsibilityRow,
  missing: "key" | "not_found" | "ambiguous",
  field: KeyField | null,
): ImportIssue {
  const { sheet, row: line, columns } = row.origin;
  const where = `工作表“${sheet}”第${line}行`;
  const column = columns.get(field ?? "measureNo") ?? columns.get("no");
  const number = field === "no" ? row.no : field === "measure" ? row.measure.slice(0, 30) : row.measureNo;
  const label = field === "no" ? "问题编号" : field === "measure" ? "整改措施" : "任务编号";
  const what = given(row);
  const message =
    missing === "key"
      ? `${where}没有写${field === "measure" ? "整改措施" : "任务编号或问题编号"}，无法对应到整改措施，该行的责任（${what}）未导入`
      : missing === "ambiguous"
        ? `${where}${label}“${number}”对应多个问题下的整改措施，请补写问题编号；该行的责任（${what}）未导入`
        : `${where}${label}“${number}”在已读到的整改措施中找不到，该行的责任（${what}）未导入`;
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
 * and a note per sheet saying how many measures its rows reached. The value read first (the task list's, as a
 * rule) wins: a different one is a `responsibility_conflict` at the 责任清单 cell.
 */
export function applyResponsibilities(
  problems: readonly ProblemDraft[],
  rows: readonly ResponsibilityRow[],
): { warnings: ImportIssue[]; notes: string[] } {
  const warnings: ImportIssue[] = [];
  const reached = new Map<string, Set<string>>();
  const words = byWords(problems);
  for (const row of rows) {
    if (MERGED_FIELDS.every((f) => shown(row.values[f]) === "")) continue;
    const targets = targetsOf(row, problems, words);
    if ("missing" in targets) {
      warnings.push(unmatched(row, targets.missing, targets.field));
      continue;
    }
    for (const field of MERGED_FIELDS) {
      const value = row.values[field];
      if (shown(value) === "") continue;
      const conflicts: MeasureDraft[] = [];
      for (const { draft, index } of targets.found) {
        const m = draft.measures[index] as MeasureDraft;
        if (shown(m[field]) === "")
          draft.measures[index] = { ...m, [field]: value, from: { ...m.from, [field]: row.origin } };
        else if (meaning(field, m[field]) !== meaning(field, value)) conflicts.push(m);
      }
      const first = conflicts[0];
      // The cell the kept value came from: the task list's row, or an earlier 责任清单 row that filled it.
      const kept = first && (first.from?.[field] ?? first.origin);
      if (first && kept)
        warnings.push(
          issueAt(
            row.origin,
            field,
            "responsibility_conflict",
            `工作表“${row.origin.sheet}”第${row.origin.row}行${headerOf(field)}“${shown(value)}”与工作表“${kept.sheet}”第${kept.row}行所写的“${shown(first[field])}”不一致${conflicts.length > 1 ? `（共${conflicts.length}条措施）` : ""}，保留先读到的“${shown(first[field])}”，请核对`,
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
      `工作表“${sheet}”（责任清单）对应到${measures.size}条整改措施，其牵头领导、责任部门、责任人、配合部门（及时限、类型、状态）按该表填入任务清单未填写之处（已填写的以先读到的为准）`,
  );
  return { warnings, notes };
}
