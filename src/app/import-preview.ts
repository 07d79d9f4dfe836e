// What a staged import shows before it is confirmed: counts and the problems with their measures, built from the
// ledger input that confirming will store, plus what the reader noticed (warnings, notes, invalid rows).

import type { MeasureKind, MeasureState } from "../domain/measure.ts";
import type { ProblemStatus } from "../domain/problem.ts";
import { importedProblemStatus, type LedgerFinding } from "../documents/xlsx/collected-ledger.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";

export interface ImportPreview {
  readonly unit: { readonly id: string; readonly name: string };
  readonly inspection: {
    readonly regime: string;
    readonly team: string;
    readonly roundLabel: string | null;
    readonly onsiteStart: string | null;
    readonly onsiteEnd: string | null;
    readonly feedbackDate: string | null;
  };
  readonly counts: {
    readonly aspects: number;
    readonly problems: number;
    readonly measures: number;
    readonly byStatus: Readonly<Record<ProblemStatus, number>>;
  };
  readonly aspects: readonly string[];
  readonly problems: ReadonlyArray<{
    readonly no: number;
    readonly aspect: string | null;
    readonly title: string;
    readonly status: ProblemStatus;
    readonly measures: ReadonlyArray<{
      readonly text: string;
      readonly kind: MeasureKind;
      readonly status: MeasureState;
      readonly deadline: string | null;
      readonly department: string | null;
      readonly leader: string | null;
      readonly person: string | null;
    }>;
  }>;
  /** A workbook's columns and the field each was read as (empty for notices). */
  readonly columns: ReadonlyArray<{
    readonly sheet: string;
    readonly column: string;
    readonly header: string;
    readonly field: string | null;
    readonly reading: string;
  }>;
  /** The fields a workbook's column may be mapped to, with their Chinese headers (empty for notices). */
  readonly fieldChoices: ReadonlyArray<{ readonly field: string; readonly label: string }>;
  /** Reader and parser warnings, as { code, message, line? }. */
  readonly warnings: ReadonlyArray<{ code: string; message: string; line?: number }>;
  /** What could not be taken over as written (Chinese sentences). */
  readonly notes: readonly string[];
  /**
   * Numbers a notice's text states about itself (e.g. 4 aspects, 11 problems, 40 measures), to compare with `counts`;
   * empty for workbooks.
   */
  readonly stated: Readonly<Record<string, number | string>>;
  /** Invalid rows of a workbook (file, sheet, row, column letter, code, message); empty for notices. */
  readonly errors: readonly LedgerFinding[];
}

export function buildImportPreview(
  unit: { id: string; name: string },
  input: LedgerInput,
  report: Pick<ImportPreview, "warnings" | "notes" | "errors" | "stated" | "columns" | "fieldChoices">,
): ImportPreview {
  const problems = input.problems.map((p, i) => ({
    no: i + 1,
    aspect: p.aspect ?? null,
    title: p.title,
    status: importedProblemStatus(p),
    measures: (p.measures ?? []).map((m) => ({
      text: m.text,
      kind: m.kind ?? "time_limited",
      status: m.state ?? "draft",
      deadline: m.deadline ?? null,
      department: m.department ?? null,
      leader: m.leader ?? null,
      person: m.person ?? null,
    })),
  }));
  const byStatus: Record<ProblemStatus, number> = { completed: 0, in_progress: 0, long_term: 0 };
  for (const p of problems) byStatus[p.status] += 1;
  const i = input.inspection;
  return {
    unit,
    inspection: {
      regime: i.regime,
      team: i.team,
      roundLabel: i.roundLabel ?? null,
      onsiteStart: i.onsiteStart ?? null,
      onsiteEnd: i.onsiteEnd ?? null,
      feedbackDate: i.feedbackDate ?? null,
    },
    counts: {
      aspects: (input.aspects ?? []).length,
      problems: problems.length,
      measures: problems.reduce((n, p) => n + p.measures.length, 0),
      byStatus,
    },
    aspects: [...(input.aspects ?? [])],
    problems,
    columns: report.columns,
    fieldChoices: report.fieldChoices,
    warnings: report.warnings,
    notes: report.notes,
    stated: report.stated,
    errors: report.errors,
  };
}
