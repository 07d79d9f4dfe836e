// The problems a workbook's rows have named so far, found again by unit, 编号 and title (a problem repeated on
// its measure rows, listed in a 问题清单 and again in the task list, or named by an outcome row) or by its
// number alone (a task list linked by 问题编号). Pure; the row collector's memory of problems.

import type { RowCells, SheetCell } from "./collected-ledger.ts";
import { cellText, type Origin, type ProblemDraft } from "./ledger-row-inputs.ts";
import { parseDisclosure } from "./parse-ledger-words.ts";
import { problemKey, problemTitle } from "./problem-title.ts";

/** "1.2" → "1", "1-2" → "1"; a number without parts has no parent. */
export const parentNo = (no: string): string | undefined =>
  /^(.+?)[.．\-－]\d+$/.exec(no.normalize("NFKC"))?.[1];

const byNumber = (no: string): string => no.normalize("NFKC").trim();

export class ProblemIndex {
  /** In the order first named. */
  readonly list: ProblemDraft[] = [];
  private readonly byKey = new Map<string, ProblemDraft>();

  /**
   * The problem with this unit, number and title key; with `loose`, also one of the same title whatever its
   * number, else only when one of the two numbers is empty.
   */
  find(unit: string, no: string, title: string, loose = false): ProblemDraft | undefined {
    const exact = this.byKey.get(`${unit}\u0000${no}\u0000${title}`);
    const any = exact ?? this.byKey.get(`${unit}\u0000\u0000${title}`);
    if (exact || loose) return any;
    return any && (no === "" || any.no === "") ? any : undefined;
  }

  add(draft: ProblemDraft, title: string): void {
    this.list.push(draft);
    this.byKey.set(`${draft.unit}\u0000${draft.no}\u0000${title}`, draft);
    const untitled = `${draft.unit}\u0000\u0000${title}`;
    if (!this.byKey.has(untitled)) this.byKey.set(untitled, draft);
  }

  /**
   * The problem a row names (unit, 编号, title), made when new. `aspect`: its 方面 cell or the heading above;
   * `sheetAspect`: the sheet's name, kept as a possible aspect when the sheet has no 方面 column. A row of a
   * 问题清单 (`fromProblemSheet`) gives the problem its problem-level cells.
   */
  findOrAdd(
    origin: Origin,
    cells: RowCells,
    options: { fromProblemSheet: boolean; aspect: string | null; sheetAspect: string },
  ): ProblemDraft {
    const unit = cellText(cells, "unit");
    const no = cellText(cells, "no");
    const title = problemKey(cellText(cells, "problem"));
    const found = this.find(unit, no, title);
    if (found) {
      if (found.aspect === null) found.aspect = options.aspect;
      if (options.fromProblemSheet) {
        found.cells = cells;
        found.fromProblemSheet = true;
      } else if (!found.fromProblemSheet) found.cells = withProblemFieldsOf(found.cells, cells);
      return found;
    }
    const draft: ProblemDraft = {
      origin,
      unit,
      no,
      title: problemTitle(cellText(cells, "problem")),
      aspect: options.aspect,
      sheetAspect: origin.columns.has("aspect") ? null : options.sheetAspect,
      // A problem first met on a measure row reads its problem-level cells (公开范围, 反馈原文, 具体表现) from that row
      // until a 问题清单 row gives its own: they were dropped before, and a 不公开 problem came in as public.
      cells,
      fromProblemSheet: options.fromProblemSheet,
      measures: [],
      outcomes: [],
    };
    this.add(draft, title);
    return draft;
  }

  /** The problem numbered `no`, or the one whose number `no` extends (1.2 → 1). */
  numbered(no: string): ProblemDraft | undefined {
    const key = byNumber(no);
    return (
      this.list.find((p) => byNumber(p.no) === key) ??
      this.list.find((p) => p.no !== "" && byNumber(p.no) === parentNo(key))
    );
  }

  /** Keeps only `kept` (a unit chosen, refused problem lists dropped), in their order. */
  keep(kept: readonly ProblemDraft[]): void {
    this.list.splice(0, this.list.length, ...kept);
  }
}

/** The problem-level fields a problem's later measure rows may carry (merged cells read once, or below a blank). */
const PROBLEM_FIELDS = ["disclosure", "feedbackText", "symptoms"] as const;

const DISCLOSURE_RANK = { public: 0, internal: 1, withheld: 2 } as const;
const disclosureRank = (cell: SheetCell | undefined): number => {
  const parsed = parseDisclosure(cell?.text ?? "");
  return parsed.ok && parsed.value ? DISCLOSURE_RANK[parsed.value.disclosure] : -1;
};

/**
 * `first` with the problem-level cells it leaves empty taken from `later`; the first row's own values win, except
 * that a stricter 公开范围 on a later row of the problem wins (a problem one row marks 不公开 is never imported as public).
 */
export function withProblemFieldsOf(first: RowCells | null, later: RowCells): RowCells {
  const merged = new Map(first ?? []);
  for (const field of PROBLEM_FIELDS) {
    const cell = later.get(field);
    if (!cell || cell.text === "") continue;
    const empty = (merged.get(field)?.text ?? "") === "";
    const stricter = field === "disclosure" && disclosureRank(cell) > disclosureRank(merged.get(field));
    if (empty || stricter) merged.set(field, cell);
  }
  return merged;
}

/**
 * Whether a measure row continues the problem above (`current`: its 编号 and title key): its problem cell is
 * empty, filled from a merged range, or the same title with a number equal, empty, merged or extending it
 * (measures numbered under their problem, 1.1, 1.2 or 1-1, share its number's first part).
 */
export function continuesProblem(
  cells: RowCells,
  current: { readonly no: string; readonly key: string },
): boolean {
  const p = cells.get("problem");
  const n = cells.get("no");
  const title = problemKey(p?.text ?? "");
  const no = n?.text ?? "";
  const sameNo =
    no === "" ||
    n?.filled === true ||
    no === current.no ||
    parentNo(no) === current.no ||
    (parentNo(no) !== undefined && parentNo(no) === parentNo(current.no));
  return title === "" || p?.filled === true || (title === current.key && sameNo);
}
