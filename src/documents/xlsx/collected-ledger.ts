// What reading a ledger workbook yields: problems ready for the ledger, the inspection facts found, and the
// validation report. Shared by the row collector, the reader, the import use case and the CLI.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { InspectionKind, Regime } from "../../domain/inspection.ts";
import { deriveProblemStatus } from "../../domain/problem-status.ts";
import type { ProblemStatus } from "../../domain/problem.ts";
import type { LedgerInput } from "../../shared/ledger-input.ts";
import type { ColumnReport } from "./header-findings.ts";
import type { LedgerField } from "./ledger-columns.ts";
import type { CellValue } from "./parse-deadline.ts";

export type ProblemInput = LedgerInput["problems"][number];

/** One finding of the validation report. `column` is the Excel letter; null for whole-row or workbook issues. */
export interface ImportIssue {
  readonly sheet: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

/** A finding of a workbook read from a file: the file's name (as uploaded or given) besides sheet, row, column. */
export interface LedgerFinding extends ImportIssue {
  readonly file: string;
}

/**
 * Where a finding is, in words: “台账.xlsx 整改台账 第4行 F列”, “台账.xlsx 工作表“责任清单””, or the file alone
 * for the whole workbook. For the CLI and the staged import's report.
 */
export function findingPlace(f: ImportIssue & { readonly file?: string }): string {
  const file = f.file ? `${f.file} ` : "";
  if (f.row === null) return f.sheet ? `${file}工作表“${f.sheet}”` : f.file || "工作簿";
  return `${file}${f.sheet} 第${f.row}行${f.column ? ` ${f.column}列` : ""}`;
}

/** A cell of a data row: its value (formulas by their cached result), text, column, and whether a merge filled it. */
export interface SheetCell {
  readonly value: CellValue;
  readonly text: string;
  readonly column: number;
  readonly filled: boolean;
}
export type RowCells = ReadonlyMap<LedgerField, SheetCell>;

export interface InspectionFacts {
  readonly team?: string;
  readonly regime?: Regime;
  readonly kind?: InspectionKind;
  readonly roundLabel?: string;
  readonly onsiteStart?: CalendarDate;
  readonly onsiteEnd?: CalendarDate;
  readonly feedbackDate?: CalendarDate;
}

export interface CollectedLedger {
  readonly unitName: string | null;
  readonly facts: InspectionFacts;
  readonly aspects: readonly string[];
  /** Valid problems only (with --skip-invalid, what is left after dropping invalid rows). */
  readonly problems: readonly ProblemInput[];
  readonly errors: readonly ImportIssue[];
  /**
   * What was read with a doubt or left out on purpose — unrecognised columns, totals and signature rows,
   * a year taken from other deadlines, several names in one cell; they do not refuse the import.
   */
  readonly warnings: readonly ImportIssue[];
  /** Plain remarks: sheets skipped (填报说明), hidden columns read. */
  readonly notes: readonly string[];
  /** Per sheet with a header: which column became which field. */
  readonly columns: readonly { sheet: string; columns: readonly ColumnReport[] }[];
  /** Rows left out because of errors (only counted when skipping is allowed). */
  readonly skippedRows: number;
  readonly dataRows: number;
}

/** A problem's status as the import would store it (for --json): derived from its measures like the ledger does. */
export function importedProblemStatus(p: ProblemInput): ProblemStatus {
  const measures = p.measures ?? [];
  const open = measures.filter((m) => (m.state ?? "draft") !== "closed").length;
  const closedLongTerm = measures.filter((m) => m.state === "closed" && m.kind === "long_term").length;
  return deriveProblemStatus({ measures: measures.length, open, closedLongTerm });
}
