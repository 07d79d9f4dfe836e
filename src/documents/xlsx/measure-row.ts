// A measure row of a task list as the collector keeps it until the workbook is read (its cells as text, the
// deadline as written), and the row-level note for a progress report it does not import: 整改进展 text is no field
// of a measure yet, so each report is named at its cell, never only in a note about the sheet. Pure.

import type { RowCells } from "./collected-ledger.ts";
import { columnLetter } from "./ledger-columns.ts";
import { cellText as text, type MeasureDraft, type Origin } from "./ledger-row-inputs.ts";
import { STATUS_PHRASE_MAX, statusFromProgress } from "./parse-ledger-words.ts";

/** The status cell of a row, or without a status column the status its 进展 cell gives (statusFromProgress). */
export const statusOf = (origin: Origin, cells: RowCells): string =>
  origin.columns.has("status") ? text(cells, "status") : statusFromProgress(text(cells, "progress"));

/**
 * The draft of a measure row; `no` is the row's 序号 (kept as the measure's own number when it is not the
 * problem's: 1.1 under 1). Without a status column the 进展 cell gives the state (statusFromProgress).
 */
export function measureDraftOf(origin: Origin, cells: RowCells, no: string, problemNo: string): MeasureDraft {
  return {
    origin,
    measureNo: text(cells, "measureNo") || (no !== problemNo ? no : ""),
    text: text(cells, "measure"),
    kind: text(cells, "kind"),
    status: origin.columns.has("status")
      ? text(cells, "status")
      : statusFromProgress(text(cells, "progress")),
    deadline: cells.get("deadline")?.value ?? null,
    leader: text(cells, "leader"),
    department: text(cells, "department"),
    person: text(cells, "person"),
    cooperating: text(cells, "cooperating"),
  };
}

/** Reports named one by one per sheet; the rest are counted in one note with their rows. */
const NAMED_PER_SHEET = 20;

/** The notes for 整改进展 reports not imported: one per row (sheet, row, column, its first words), then a count. */
export class ProgressNotes {
  private readonly bySheet = new Map<string, { named: string[]; rows: number[]; column: string }>();

  /** Notes the row's progress cell when it holds a report (longer than a status phrase). */
  add(origin: Origin, cells: RowCells): void {
    const cell = cells.get("progress");
    const words = cell?.text.replace(/\s+/g, " ").trim() ?? "";
    if (!cell || words.replace(/\s/g, "").length <= STATUS_PHRASE_MAX) return;
    const column = columnLetter(cell.column);
    const sheet = this.bySheet.get(origin.sheet) ?? { named: [], rows: [], column };
    this.bySheet.set(origin.sheet, sheet);
    if (sheet.named.length < NAMED_PER_SHEET)
      sheet.named.push(
        `工作表“${origin.sheet}”第${origin.row}行 ${column}列的整改进展未导入（“${words.slice(0, 30)}${words.length > 30 ? "…" : ""}”），请在系统中报送进展`,
      );
    else sheet.rows.push(origin.row);
  }

  notes(): string[] {
    return [...this.bySheet].flatMap(([name, s]) => [
      ...s.named,
      ...(s.rows.length === 0
        ? []
        : [
            `工作表“${name}”另有${s.rows.length}行（第${s.rows[0]}–${s.rows[s.rows.length - 1]}行）${s.column}列的整改进展未导入，请在系统中报送进展`,
          ]),
    ]);
  }
}
