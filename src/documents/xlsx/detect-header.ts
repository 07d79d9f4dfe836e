// Finds the header of a sheet among its first rows (below title rows), one row or two (a merged group cell
// such as 责任分工 over 责任领导/责任单位/责任人), by scoring every candidate against the field lexicon, and
// says what kind of list it heads. Pure: works on the cells' text; never throws.

import { isTallyHeader, matchHeader } from "./header-lexicon.ts";
import type { ColumnMap, LedgerField } from "./ledger-columns.ts";

/** Rows searched for a header. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * measures = 任务清单/台账 (one row per measure); problems = 问题清单; responsibilities = 责任清单 (who answers
 * for the measures, by 任务编号 or 问题编号); outcomes = 成效明细; summary = 汇总 (项目/内容).
 */
export type SheetKind = "measures" | "problems" | "responsibilities" | "outcomes" | "summary";

/** A non-empty header cell and the field it was read as (null: no field; duplicate: a field already taken). */
export interface HeaderCell {
  readonly column: number;
  readonly text: string;
  readonly field: LedgerField | null;
  readonly duplicateOf?: number;
}

export interface SheetHeader {
  readonly kind: SheetKind;
  /** 1-based row number of the header's last row (data starts below it). */
  readonly row: number;
  /** 1-based row number of its first row (the group row of a two-row header, else `row`). */
  readonly firstRow: number;
  /** 1-based column → field; of two columns naming one field the stronger match wins, then the first. */
  readonly columns: ReadonlyMap<number, LedgerField>;
  /** Every non-empty header cell, in column order (for the report and the warnings). */
  readonly cells: readonly HeaderCell[];
  /** Header cells that named no known field. */
  readonly unknown: readonly string[];
  /** Text of the rows above the header (titles such as “…整改台账（截至…）”). */
  readonly titles: readonly string[];
}

/** A row as text: index 0 is column 1. */
export type RowText = readonly (string | undefined)[];

const RESPONSIBILITY_FIELDS: readonly LedgerField[] = [
  "leader",
  "department",
  "person",
  "departmentAndPerson",
  "leaderAndPerson",
];

/**
 * A list of who answers for what (责任清单) names a leader, department or person and neither problem nor
 * measure; a table of counts per person (涉及问题数, 按期完成率: our export's 责任清单 too) is statistics
 * derived from the task list, not a list of rows to read.
 */
const kindOf = (fields: ReadonlySet<LedgerField>, tallies: number): SheetKind | undefined => {
  if (fields.has("measure")) return "measures";
  if (fields.has("outcomeKind") && fields.has("quantity")) return "outcomes";
  if (fields.has("problem")) return "problems";
  if (fields.has("item") && fields.has("value")) return "summary";
  if (tallies < 2 && RESPONSIBILITY_FIELDS.some((f) => fields.has(f))) return "responsibilities";
  return undefined;
};

/** Fields that may stand for the problem when no column names it (问题表现 alone, 反馈意见 alone). */
const PROBLEM_STAND_INS: readonly LedgerField[] = ["symptoms", "feedbackText"];

interface Candidate {
  readonly score: number;
  readonly fields: number;
  readonly columns: Map<number, LedgerField>;
  readonly cells: HeaderCell[];
  readonly kind: SheetKind | undefined;
}

function readCandidate(cells: RowText, map: ColumnMap | undefined): Candidate {
  const best = new Map<LedgerField, { column: number; strength: number }>();
  const read: { column: number; text: string; field: LedgerField | null; strength: number }[] = [];
  cells.forEach((raw, i) => {
    const text = raw?.trim() ?? "";
    if (text === "") return;
    const match = matchHeader(text, map);
    const column = i + 1;
    read.push({ column, text, field: match?.field ?? null, strength: match?.strength ?? 0 });
    if (!match) return;
    const held = best.get(match.field);
    if (held === undefined || match.strength > held.strength)
      best.set(match.field, { column, strength: match.strength });
  });
  if (!best.has("problem")) {
    const standIn = PROBLEM_STAND_INS.find((f) => best.has(f));
    const held = standIn && best.get(standIn);
    if (standIn && held) {
      best.delete(standIn);
      best.set("problem", held);
      for (const r of read) if (r.column === held.column) r.field = "problem";
    }
  }
  const columns = new Map<number, LedgerField>();
  for (const [field, { column }] of best) columns.set(column, field);
  const sorted = new Map([...columns].sort((a, b) => a[0] - b[0]));
  const headerCells: HeaderCell[] = read.map((r) => {
    const owner = r.field === null ? undefined : best.get(r.field)?.column;
    return owner === undefined || owner === r.column
      ? { column: r.column, text: r.text, field: r.field }
      : { column: r.column, text: r.text, field: r.field, duplicateOf: owner };
  });
  const score = [...best.values()].reduce((n, b) => n + b.strength, 0);
  const tallies = read.filter((r) => r.field === null && isTallyHeader(r.text)).length;
  return {
    score,
    fields: best.size,
    columns: sorted,
    cells: headerCells,
    kind: kindOf(new Set(best.keys()), tallies),
  };
}

/** Two header rows read as one: the lower cell where it has text, else the group cell above it. */
const combine = (upper: RowText, lower: RowText): RowText =>
  Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => {
    const below = lower[i]?.trim();
    return below !== undefined && below !== "" ? below : upper[i];
  });

/** A row's text, each distinct cell once (a title merged across the table fills every column). */
const lineOf = (cells: RowText): string =>
  [...new Set(cells.map((c) => c?.trim() ?? "").filter((c) => c !== ""))].join(" ");

/**
 * The header among `rows`: the row, or pair of consecutive rows, whose cells name known fields with the
 * highest score (an exact synonym 3, a keyword 2), at least two fields, one of them 问题, 整改措施,
 * 成效类型+数量 or 项目+内容, or (a 责任清单) a leader, department or person. A pair must score more than either of its rows alone. Ties go to the upper
 * row. Undefined when none.
 */
export function detectHeader(
  rows: readonly { row: number; cells: RowText }[],
  map?: ColumnMap,
): SheetHeader | undefined {
  const searched = rows.slice(0, HEADER_SEARCH_ROWS);
  const singles = searched.map((r) => readCandidate(r.cells, map));
  let best: { candidate: Candidate; first: number; last: number } | undefined;
  const consider = (candidate: Candidate, first: number, last: number) => {
    if (candidate.kind === undefined || candidate.fields < 2) return;
    if (best === undefined || candidate.score > best.candidate.score) best = { candidate, first, last };
  };
  searched.forEach((r, i) => {
    const single = singles[i] as Candidate;
    consider(single, i, i);
    const next = searched[i + 1];
    if (next === undefined || next.row !== r.row + 1) return;
    const pair = readCandidate(combine(r.cells, next.cells), map);
    const lower = singles[i + 1] as Candidate;
    if (pair.score > single.score && pair.score > lower.score) consider(pair, i, i + 1);
  });
  if (best === undefined) return undefined;
  const { candidate, first, last } = best;
  return {
    kind: candidate.kind as SheetKind,
    row: (searched[last] as { row: number }).row,
    firstRow: (searched[first] as { row: number }).row,
    columns: candidate.columns,
    cells: candidate.cells,
    unknown: candidate.cells.filter((c) => c.field === null).map((c) => c.text),
    titles: searched
      .slice(0, first)
      .map((r) => lineOf(r.cells))
      .filter((l) => l !== ""),
  };
}

/** A row that names some fields but heads no list: what a sheet has when its key column was not recognised. */
export interface NearHeader {
  readonly row: number;
  readonly cells: readonly HeaderCell[];
}

/**
 * For a sheet without a header: the first of its first rows that reads like one — at least one cell naming a
 * field beside other short words that name none — so that the import can name the columns it did not
 * recognise. Undefined when no row does, or when a row of count columns (涉及问题数, 按期完成率) shows the sheet
 * to be statistics.
 */
export function nearHeader(
  rows: readonly { row: number; cells: RowText }[],
  map?: ColumnMap,
): NearHeader | undefined {
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const candidate = readCandidate(r.cells, map);
    const unknown = candidate.cells.filter((c) => c.field === null);
    if (unknown.filter((c) => isTallyHeader(c.text)).length >= 2) return undefined;
    const words = unknown.every(
      (c) => [...c.text.trim()].length <= MAX_NEAR_HEADER_CELL && !FIGURE.test(c.text.trim()),
    );
    if (candidate.fields > 0 && unknown.length > 0 && words) return { row: r.row, cells: candidate.cells };
  }
  return undefined;
}

/** A number, date, rate or dash: data, never a header word. */
const FIGURE = /^[\d.,:%/\-—–年月日]+$/;

/** Longest cell of a row still read as a header cell when looking for a near header. */
const MAX_NEAR_HEADER_CELL = 16;

const DATE_LABEL = /(?:截至|截止|填报日期|填报时间|统计时间|报送日期)[:：]?(\d{4})年(\d{1,2})月(\d{1,2})日/;

// The unit is what comes before the oversight that reviewed it: “某镇党委关于落实县委第二巡察组反馈意见整改台账”.
const TITLE_UNIT =
  /^(.+?)(?:关于)?(?:落实)?(?:(?:中央|省委|市委|县委|区委)?(?:第[一二三四五六七八九十\d]+)?(?:轮)?(?:巡视|巡察|审计|督察|专项检查)(?:组|局|办)?)?(?:专项)?(?:“?回头看”?)?(?:反馈)?(?:意见|问题|发现问题)?(?:的)?整改(?:工作|落实)?(?:情况)?(?:台账|清单)/;

// Most units end with the word for their kind of body; the longest such name before 关于 or the oversight
// (not the oversight's own body: in 某街道党工委区委巡察… the unit ends before 区委).
const TITLE_NAMED_UNIT =
  /^((?:(?!关于).)+(?:党组|党委|党工委|委员会|总支|支部|局|院|校|大学|中学|小学|公司|集团|镇|乡|街道|中心|办公室|联合会|厅|委|部|所|站|社|馆|医院)(?<!省委|市委|县委|区委|州委))(?:关于|对)?(?:落实)?[^台]*?(?:巡视|巡察|审计|督察|检查|回头看)[^台]*?整改[^台]*?(?:台账|清单)/;

/** Facts in a title row such as “市文联党组巡察整改台账（截至2021年6月30日）” or “填报日期：2024年5月6日”. */
export function titleFacts(title: string): { unitName?: string; asOf?: string } {
  const t = title.normalize("NFKC").replace(/\s+/g, "");
  const unit = TITLE_NAMED_UNIT.exec(t)?.[1] ?? TITLE_UNIT.exec(t)?.[1];
  const date = DATE_LABEL.exec(t);
  const asOf = date ? `${date[1]}-${date[2]?.padStart(2, "0")}-${date[3]?.padStart(2, "0")}` : undefined;
  const named = unit !== undefined && !/^(巡视|巡察|审计|督察|巡视巡察)$/.test(unit);
  return { ...(named ? { unitName: unit } : {}), ...(asOf ? { asOf } : {}) };
}
