// Findings decided over a whole workbook or a single non-data row: 问题清单 sheets whose measures cannot be
// read, problems left without measures, one sheet per aspect, and the warning for a totals, signature,
// note or unread row. Pure; messages Chinese, codes stable.

import type { RowRole, RowCell } from "./classify-ledger-row.ts";
import type { ImportIssue } from "./collected-ledger.ts";
import type { SheetHeader } from "./detect-header.ts";
import { missingColumnError } from "./header-findings.ts";
import { columnLetter } from "./ledger-columns.ts";
import type { ProblemDraft } from "./ledger-row-inputs.ts";
import { sheetAspectName } from "./problem-title.ts";

/** The warning for a row that is not data; null for a row with nothing of its own (all from merges). */
export function rowRoleFinding(
  sheet: string,
  row: number,
  role: Exclude<RowRole, { role: "data" } | { role: "aspect_heading" }>,
  all: readonly RowCell[],
): ImportIssue | null {
  const where = `工作表“${sheet}”第${row}行`;
  const at = (code: string, message: string, column: number | null = null): ImportIssue => ({
    sheet,
    row,
    column: column === null ? null : columnLetter(column),
    code,
    message,
  });
  switch (role.role) {
    case "totals":
      return at("totals_row_skipped", `${where}是合计行（${role.text.slice(0, 30)}），不作为数据导入`);
    case "signature":
      return at(
        "signature_row_skipped",
        `${where}是填报/审核落款（${role.text.slice(0, 30)}），不作为数据导入`,
      );
    case "footnote":
      return at("footnote_skipped", `${where}是表下注释（${role.text.slice(0, 30)}），不作为数据导入`);
    case "unmapped": {
      if (!role.own) return null;
      const first = [...all].sort((a, b) => a.column - b.column)[0];
      const shown = first ? `${columnLetter(first.column)}列“${first.text.slice(0, 20)}”` : "";
      return at(
        "row_not_imported",
        `${where}只在未识别的列中有内容（${shown}），未导入`,
        first?.column ?? null,
      );
    }
  }
}

/**
 * 问题清单 sheets whose measures cannot be read are errors and their problems are dropped (the error names
 * the sheet); a problem of a task list that got no measure is a warning.
 */
export function checkProblemSheets(
  sheets: readonly { name: string; header: SheetHeader }[],
  problems: readonly ProblemDraft[],
): { errors: ImportIssue[]; warnings: ImportIssue[]; kept: ProblemDraft[] } {
  const hasMeasureSheet = sheets.some((s) => s.header.kind === "measures");
  const errors: ImportIssue[] = [];
  const refused = new Set<string>();
  for (const { name, header } of sheets) {
    if (header.kind !== "problems") continue;
    const error = missingColumnError(name, header, hasMeasureSheet);
    if (error) {
      errors.push(error);
      refused.add(name);
    }
  }
  const kept = problems.filter((p) => !(refused.has(p.origin.sheet) && p.measures.length === 0));
  const measureSheets = new Set(sheets.filter((s) => s.header.kind === "measures").map((s) => s.name));
  const warnings = kept
    .filter((p) => measureSheets.has(p.origin.sheet) && p.measures.length === 0)
    .map((p) => ({
      sheet: p.origin.sheet,
      row: p.origin.row,
      column: null,
      code: "problem_without_measures",
      message: `工作表“${p.origin.sheet}”第${p.origin.row}行的问题“${p.title.slice(0, 20)}”没有整改措施`,
    }));
  return { errors, warnings, kept };
}

/** One sheet per aspect: with several task sheets and no 方面 column, each sheet's name is the aspect. */
export function assignSheetAspects(problems: readonly ProblemDraft[]): void {
  const named = new Set(problems.map((p) => p.sheetAspect).filter((n): n is string => n !== null));
  for (const p of problems) {
    if (p.aspect !== null || p.sheetAspect === null) continue;
    if (named.size >= 2 || /方面/.test(p.sheetAspect)) p.aspect = sheetAspectName(p.sheetAspect);
  }
}

/**
 * A workbook of several units (our --round/--all export has a 被巡察单位 column) makes one inspection's ledger
 * only for the unit asked for (`--unit`, or the unit chosen for a web import); without one it is refused.
 */
export function chooseUnit(
  units: readonly string[],
  onlyUnit: string | undefined,
  problems: readonly ProblemDraft[],
): { kept: ProblemDraft[]; unit?: string; error?: ImportIssue; note?: string } {
  if (units.length <= 1) return { kept: [...problems] };
  const listed = `${units.slice(0, 5).join("、")}${units.length > 5 ? `等${units.length}个单位` : ""}`;
  if (onlyUnit !== undefined && units.includes(onlyUnit)) {
    const kept = problems.filter((p) => p.unit === onlyUnit || p.unit === "");
    return {
      kept,
      unit: onlyUnit,
      note: `工作簿包含${units.length}个被巡察单位（${listed}）的台账，只导入“${onlyUnit}”的${kept.length}个问题，其余${problems.length - kept.length}个问题未导入`,
    };
  }
  return {
    kept: [...problems],
    error: {
      sheet: "",
      row: null,
      column: null,
      code: "multiple_units",
      message: `工作簿包含${units.length}个被巡察单位（${listed}）的台账（按轮次或全部导出的台账），而一次导入只建立一个巡察的台账，未导入任何内容；请用 --unit 单位名称 指定要导入的单位（网页导入时选择该单位），或按单位拆分工作簿后分别导入`,
    },
  };
}

/** Findings in sheet order (as first met), then by row. */
export const sortIssues = (issues: readonly ImportIssue[]): ImportIssue[] => {
  const sheetOrder = new Map<string, number>();
  for (const e of issues) if (!sheetOrder.has(e.sheet)) sheetOrder.set(e.sheet, sheetOrder.size);
  return [...issues].sort(
    (a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0),
  );
};
