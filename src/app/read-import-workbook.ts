// Reads an uploaded ledger workbook for a staged import: the ledger input it would create, what the reader found
// (warnings, notes, invalid rows, which column became which field) and whether it may be confirmed. Used when the
// workbook is staged and again when its uploader maps a column to another field.

import { DomainError } from "../domain/domain-error.ts";
import type { Org } from "../domain/org.ts";
import { findingPlace } from "../documents/xlsx/collected-ledger.ts";
import { headerOf, IMPORT_FIELDS, type ColumnMap } from "../documents/xlsx/ledger-columns.ts";
import { readLedgerXlsx } from "../documents/xlsx/read-ledger-xlsx.ts";
import type { LedgerInput } from "../shared/ledger-input.ts";
import { workbookLedgerInput } from "./import-ledger.ts";
import type { ImportPreview } from "./import-preview.ts";

export type ImportReport = Pick<
  ImportPreview,
  "warnings" | "notes" | "errors" | "stated" | "columns" | "fieldChoices"
>;

export interface ReadImportWorkbook {
  readonly input: LedgerInput;
  readonly report: ImportReport;
  readonly confirmable: boolean;
}

/** The fields a column may be mapped to, as the preview offers them; 备注 is read by no import, so it leaves a column out. */
export const WORKBOOK_FIELD_CHOICES: ImportPreview["fieldChoices"] = [
  ...IMPORT_FIELDS.map((field) => ({ field, label: headerOf(field) })),
  { field: "note", label: "不导入" },
];

export async function readImportWorkbook(
  path: string,
  unit: Pick<Org, "name">,
  options: {
    readonly skipInvalid: boolean;
    readonly map?: ColumnMap;
    /** The name the file was uploaded under, named in every finding (default: the path's last part). */
    readonly fileName?: string;
  },
): Promise<ReadImportWorkbook> {
  const read = await readLedgerXlsx(path, {
    skipInvalid: options.skipInvalid,
    ...(options.fileName === undefined ? {} : { fileName: options.fileName }),
    onlyUnit: unit.name,
    ...(options.map === undefined ? {} : { map: options.map }),
  });
  const notes: string[] = [];
  if (read.unitName && read.unitName !== unit.name)
    notes.push(`工作簿写明的被巡察单位“${read.unitName}”与所选单位不同，将导入到“${unit.name}”`);
  if (read.skippedRows > 0) notes.push(`有${read.skippedRows}行数据有误，已跳过，确认后不会导入`);
  const confirmable =
    read.errors.every((e) => e.code !== "multiple_units") &&
    (options.skipInvalid || read.errors.length === 0);
  if (read.problems.length === 0 && confirmable)
    throw new DomainError("nothing_to_import", "工作簿中没有可导入的问题或整改措施，未导入任何内容");
  const input = workbookLedgerInput(read, { unitName: unit.name });
  for (const sheet of read.columns)
    notes.push(
      `工作表“${sheet.sheet}”的列：${sheet.columns.map((c) => `${c.column}“${c.header}”→${c.reading}`).join("；")}`,
    );
  notes.push(...read.notes);
  const warnings = read.warnings.map((w) => ({ code: w.code, message: `${findingPlace(w)}：${w.message}` }));
  const columns = read.columns.flatMap((sheet) =>
    sheet.columns.map((c) => ({
      sheet: sheet.sheet,
      column: c.column,
      header: c.header,
      field: c.field,
      reading: c.reading,
    })),
  );
  return {
    input,
    report: {
      warnings,
      notes,
      stated: {},
      errors: read.errors,
      columns,
      fieldChoices: WORKBOOK_FIELD_CHOICES,
    },
    confirmable,
  };
}
