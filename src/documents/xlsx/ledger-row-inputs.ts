// Turns the drafts the row collector keeps into ledger input, adding a validation finding (sheet, row,
// column letter, code, Chinese message) for every cell that cannot be read. Pure.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import { INSPECTION_KIND_LABELS, INSPECTION_KINDS, REGIME_LABELS, REGIMES } from "../../domain/inspection.ts";
import type { ImportIssue, InspectionFacts, ProblemInput, RowCells } from "./collected-ledger.ts";
import { problemInputSchema } from "../../shared/ledger-input.ts";
import { columnLetter, type LedgerField } from "./ledger-columns.ts";
import { parseDeadline, type CellValue } from "./parse-deadline.ts";
import { personName } from "./person-names.ts";
import {
  parseDisclosure,
  parseMeasureKind,
  parseMeasureStatus,
  parseOutcomeKind,
  parseQuantity,
  parseSanction,
} from "./parse-ledger-words.ts";

export type MeasureInput = NonNullable<ProblemInput["measures"]>[number];
export type OutcomeInput = NonNullable<ProblemInput["outcomes"]>[number];

/** Where a row came from: its sheet, Excel row, and the column of each field there. */
export interface Origin {
  readonly sheet: string;
  readonly row: number;
  readonly columns: ReadonlyMap<LedgerField, number>;
}

/** What a 责任清单 may fill in a measure the task list read: who answers for it, and when and how. */
export const MERGED_FIELDS = [
  "leader",
  "department",
  "person",
  "cooperating",
  "deadline",
  "kind",
  "status",
] as const;
export type MergedField = (typeof MERGED_FIELDS)[number];

/** Only what a measure needs until the collector finishes: ~100,000 of these may wait for the feedback date. */
export interface MeasureDraft {
  readonly origin: Origin;
  /** Its own number (任务编号, 措施序号, or a 序号 such as 1.1 under problem 1); "" when none. */
  readonly measureNo: string;
  readonly text: string;
  readonly kind: string;
  readonly status: string;
  readonly deadline: CellValue;
  readonly leader: string;
  readonly department: string;
  readonly person: string;
  readonly cooperating: string;
  /** Where a field came from when not from the measure's own row (a 责任清单 row). */
  readonly from?: Partial<Record<MergedField, Origin>>;
}

export interface OutcomeDraft {
  readonly origin: Origin;
  readonly cells: RowCells;
}

export interface ProblemDraft {
  readonly origin: Origin;
  /** The 被巡察单位 cell of its row; empty when the workbook has no unit column. */
  readonly unit: string;
  readonly no: string;
  readonly title: string;
  aspect: string | null;
  /** The sheet's name, when its sheet has no 方面 column (one sheet per aspect is decided at the end). */
  readonly sheetAspect: string | null;
  cells: RowCells | null;
  /** Its cells come from a 问题清单 row (else from its measure rows: problem-level fields of the first that has them). */
  fromProblemSheet?: boolean;
  readonly measures: MeasureDraft[];
  readonly outcomes: OutcomeDraft[];
}

export const cellText = (cells: RowCells, field: LedgerField): string => cells.get(field)?.text ?? "";

/** Longest text a cell of these fields may hold (the ledger schema's limits). */
const LIMITS: Partial<Record<LedgerField, number>> = {
  problem: 500,
  measure: 4000,
  leader: 100,
  department: 100,
  person: 100,
  aspect: 500,
};

/** The fields among `fields` whose cell is longer than its limit. */
export const tooLongFields = (
  cells: RowCells,
  fields: readonly LedgerField[],
): { field: LedgerField; max: number }[] =>
  fields.flatMap((field) => {
    const max = LIMITS[field];
    return max !== undefined && cellText(cells, field).length > max ? [{ field, max }] : [];
  });

/** A finding about `field` of the row at `origin`. */
export function issueAt(origin: Origin, field: LedgerField, code: string, message: string): ImportIssue {
  const column = origin.columns.get(field);
  return {
    sheet: origin.sheet,
    row: origin.row,
    column: column === undefined ? null : columnLetter(column),
    code,
    message,
  };
}

/** Where dates written without a year take it from. `assumed`: from other deadlines, so each use is warned. */
export interface YearSource {
  readonly reference: CalendarDate | null;
  readonly assumed: boolean;
}

/** Names in one cell (办公室、人事科 / 张三，李四): the first is responsible, the rest cooperate. */
export const splitNames = (text: string): string[] => [
  ...new Set(
    text
      .split(/[、,，;；/／\n]+/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  ),
];

const WRITTEN_YEAR = /\d{4}|[〇零○一二三四五六七八九]{4}\s*年/;

/**
 * The first of several names (the ledger holds one), with a warning that the others were not kept; a post
 * written instead of a name (站长, 办公室主任, 分管副镇长) is no name and is said at the cell, a post beside a name
 * (副镇长张伟, 王建国（党委书记）) is dropped.
 */
function firstName(m: MeasureDraft, field: "leader" | "person", warnings: ImportIssue[]): string | null {
  const label = field === "leader" ? "牵头领导" : "责任人";
  const read = splitNames(m[field]).map(personName);
  const names = read.flatMap((r) => (r.name === null ? [] : [r.name]));
  const posts = read.flatMap((r) => (r.name === null && r.post !== null ? [r.post] : []));
  const at = m.from?.[field] ?? m.origin;
  if (posts.length > 0)
    warnings.push(
      issueAt(
        at,
        field,
        "post_not_person",
        `${label}“${m[field].slice(0, 40)}”中的${posts.map((p) => `“${p}”`).join("、")}是职务，不是姓名，${names.length === 0 ? `未导入${label}` : `取“${names[0]}”`}，请补写姓名`,
      ),
    );
  if (names.length > 1)
    warnings.push(
      issueAt(
        at,
        field,
        "several_names",
        `${label}“${m[field]}”写了${names.length}人，台账每条措施只记一位${label}，取第一位“${names[0]}”`,
      ),
    );
  return names[0] ?? null;
}

/** Undefined (with findings added to `issues`) when any of its cells cannot be read; doubts go to `warnings`. */
export function measureInput(
  m: MeasureDraft,
  year: YearSource,
  issues: ImportIssue[],
  warnings: ImportIssue[],
): MeasureInput | undefined {
  const kind = parseMeasureKind(m.kind);
  const at = (field: MergedField) => m.from?.[field] ?? m.origin;
  if (!kind.ok) issues.push(issueAt(at("kind"), "kind", "unknown_kind", kind.message));
  const status = parseMeasureStatus(m.status);
  if (!status.ok) issues.push(issueAt(at("status"), "status", "unknown_status", status.message));
  const deadline = parseDeadline(m.deadline, year.reference);
  if (!deadline.ok) issues.push(issueAt(at("deadline"), "deadline", deadline.code, deadline.message));
  if (!kind.ok || !status.ok || !deadline.ok) return undefined;
  if (
    year.assumed &&
    deadline.deadline !== null &&
    typeof m.deadline === "string" &&
    !WRITTEN_YEAR.test(m.deadline.normalize("NFKC"))
  )
    warnings.push(
      issueAt(
        at("deadline"),
        "deadline",
        "deadline_year_assumed",
        `整改时限“${m.deadline.trim().slice(0, 40)}”没有写年份，台账中也没有截至日期或反馈日期，按其他整改时限中最早的年份理解为${deadline.deadline}，请核对`,
      ),
    );
  const [department = null, ...alsoDepartments] = splitNames(m.department);
  return {
    text: m.text,
    kind: kind.value ?? deadline.kind ?? (status.value?.longTerm ? "long_term" : "time_limited"),
    deadline: deadline.deadline,
    leader: firstName(m, "leader", warnings),
    department,
    person: firstName(m, "person", warnings),
    cooperatingDepartments: [
      ...new Set([...alsoDepartments, ...splitNames(m.cooperating.replace(/\s+/g, "、"))]),
    ].filter((d) => d !== department),
    state: status.value?.state ?? "draft",
  };
}

export function outcomeInput(o: OutcomeDraft, issues: ImportIssue[]): OutcomeInput | undefined {
  const { cells, origin } = o;
  const kind = parseOutcomeKind(cellText(cells, "outcomeKind"));
  const quantityCell = cells.get("quantity");
  const quantity = parseQuantity(
    typeof quantityCell?.value === "number" ? quantityCell.value : (quantityCell?.text ?? ""),
    cellText(cells, "quantityUnit"),
  );
  const sanction = parseSanction(cellText(cells, "sanction"));
  const checked = [
    ["outcomeKind", kind],
    ["quantity", quantity],
    ["sanction", sanction],
  ] as const;
  for (const [field, r] of checked)
    if (!r.ok) issues.push(issueAt(origin, field, "invalid_outcome", r.message));
  if (!kind.ok || !quantity.ok || !sanction.ok) return undefined;
  return {
    kind: kind.value,
    quantity: quantity.value,
    sanctionType: sanction.value,
    note: cellText(cells, "outcomeNote") || null,
  };
}

export function problemInput(
  draft: ProblemDraft,
  measures: MeasureInput[],
  outcomes: OutcomeInput[],
  issues: ImportIssue[],
): ProblemInput {
  const cells = draft.cells;
  const disclosure = cells
    ? parseDisclosure(cellText(cells, "disclosure"))
    : ({ ok: true, value: null } as const);
  if (!disclosure.ok)
    issues.push(issueAt(draft.origin, "disclosure", "unknown_disclosure", disclosure.message));
  const value = disclosure.ok ? disclosure.value : null;
  return {
    title: draft.title,
    aspect: draft.aspect,
    feedbackText: (cells && cellText(cells, "feedbackText")) || null,
    symptoms: (cells && cellText(cells, "symptoms")) || null,
    ...(value ? { disclosure: value.disclosure, withholdingReason: value.reason } : {}),
    measures,
    outcomes,
  };
}

/** The inspection facts of the summary sheet (label → text) and the title rows. */
export function inspectionFactsFrom(
  facts: Readonly<Record<string, string>>,
  titles: readonly string[],
): InspectionFacts {
  const date = (v: string | undefined) => {
    const parsed = v === undefined ? undefined : parseDeadline(v, null);
    return parsed?.ok && parsed.deadline ? parsed.deadline : undefined;
  };
  const regimeWord = facts.regime ?? titles.map((t) => /巡视|巡察|审计|督察/.exec(t)?.[0]).find((w) => w);
  const regime = REGIMES.find((r) => REGIME_LABELS[r] === regimeWord);
  const kind = INSPECTION_KINDS.find((k) => INSPECTION_KIND_LABELS[k] === facts.kind);
  const onsiteStart = date(facts.onsiteStart);
  const onsiteEnd = date(facts.onsiteEnd);
  const feedbackDate = date(facts.feedbackDate);
  return {
    ...(facts.team ? { team: facts.team } : {}),
    ...(regime ? { regime } : {}),
    ...(kind ? { kind } : {}),
    ...(facts.roundLabel ? { roundLabel: facts.roundLabel } : {}),
    ...(onsiteStart ? { onsiteStart } : {}),
    ...(onsiteEnd ? { onsiteEnd } : {}),
    ...(feedbackDate ? { feedbackDate } : {}),
  };
}

const SCHEMA_FIELDS: Readonly<Record<string, LedgerField>> = {
  text: "measure",
  title: "problem",
  leader: "leader",
  department: "department",
  person: "person",
};

/** The ledger schema's objections to a problem, each at the row (and column) it came from. */
export function schemaFindings(
  problem: ProblemInput,
  problemOrigin: Origin,
  measureOrigins: readonly Origin[],
): ImportIssue[] {
  const checked = problemInputSchema.safeParse(problem);
  if (checked.success) return [];
  return checked.error.issues.map((issue) => {
    const [head, index, field] = issue.path;
    const origin =
      head === "measures" && typeof index === "number"
        ? (measureOrigins[index] ?? problemOrigin)
        : problemOrigin;
    const ledgerField = SCHEMA_FIELDS[String(field ?? index ?? head)];
    const column = ledgerField ? origin.columns.get(ledgerField) : undefined;
    return {
      sheet: origin.sheet,
      row: origin.row,
      column: column === undefined ? null : columnLetter(column),
      code: "invalid_value",
      message: issue.message,
    };
  });
}
