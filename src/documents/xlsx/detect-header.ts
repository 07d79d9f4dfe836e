// Finds the header row of a sheet among its first rows (below title rows) and what kind of list it heads.
// Pure: works on the cells' text; never throws.

import { fieldForHeader, type ColumnMap, type LedgerField } from "./ledger-columns.ts";

/** Rows searched for a header. */
export const HEADER_SEARCH_ROWS = 10;

/** measures = 任务清单/台账 (one row per measure); problems = 问题清单; outcomes = 成效明细; summary = 汇总 (项目/内容). */
export type SheetKind = "measures" | "problems" | "outcomes" | "summary";

export interface SheetHeader {
  readonly kind: SheetKind;
  /** 1-based row number of the header. */
  readonly row: number;
  /** 1-based column → field; the first column wins when two name the same field. */
  readonly columns: ReadonlyMap<number, LedgerField>;
  /** Header cells that named no known field (kept for the report). */
  readonly unknown: readonly string[];
  /** Text of the rows above the header (titles such as “…整改台账（截至…）”). */
  readonly titles: readonly string[];
}

/** A row as text: index 0 is column 1. */
export type RowText = readonly (string | undefined)[];

const kindOf = (fields: ReadonlySet<LedgerField>): SheetKind | undefined => {
  if (fields.has("measure")) return "measures";
  if (fields.has("outcomeKind") && fields.has("quantity")) return "outcomes";
  if (fields.has("problem")) return "problems";
  if (fields.has("item") && fields.has("value")) return "summary";
  return undefined;
};

/**
 * The header among `rows` (numbered from `firstRow`): the row naming the most known fields, at least two,
 * one of them 问题, 整改措施, 成效类型+数量 or 项目+内容. Ties go to the upper row. Undefined when none.
 */
export function detectHeader(
  rows: readonly { row: number; cells: RowText }[],
  map?: ColumnMap,
): SheetHeader | undefined {
  let best: { score: number; header: SheetHeader } | undefined;
  const titles: string[] = [];
  for (const { row, cells } of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const columns = new Map<number, LedgerField>();
    const seen = new Set<LedgerField>();
    const unknown: string[] = [];
    cells.forEach((text, i) => {
      if (text === undefined || text.trim() === "") return;
      const field = fieldForHeader(text, map);
      if (field === undefined) unknown.push(text.trim());
      else if (!seen.has(field)) {
        seen.add(field);
        columns.set(i + 1, field);
      }
    });
    const kind = kindOf(seen);
    if (kind !== undefined && seen.size >= 2 && (best === undefined || seen.size > best.score)) {
      best = { score: seen.size, header: { kind, row, columns, unknown, titles: [...titles] } };
    }
    const line = cells
      .filter((c): c is string => c !== undefined && c.trim() !== "")
      .join(" ")
      .trim();
    if (line !== "") titles.push(line);
  }
  return best?.header;
}

/** Facts in a title row such as “市文联党组巡察整改台账（截至2021年6月30日）”. */
export function titleFacts(title: string): { unitName?: string; asOf?: string } {
  const t = title.normalize("NFKC").replace(/\s+/g, "");
  const unit =
    /^(.+?)(?:巡视|巡察|审计|督察|专项检查)?(?:反馈意见|反馈问题)?整改(?:工作|落实)?(?:情况)?台账/.exec(
      t,
    )?.[1];
  const date = /截至(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t);
  const asOf = date ? `${date[1]}-${date[2]?.padStart(2, "0")}-${date[3]?.padStart(2, "0")}` : undefined;
  const named = unit !== undefined && !/^(巡视|巡察|审计|督察|巡视巡察)$/.test(unit);
  return { ...(named ? { unitName: unit } : {}), ...(asOf ? { asOf } : {}) };
}
