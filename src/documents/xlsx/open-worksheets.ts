// Worksheets of a workbook as (name, rows) pairs. Small workbooks are read whole through the zip's central
// directory; large ones with exceljs's streaming reader, which walks the local headers in file order.
//
// Why two paths: the streaming reader (exceljs 4.4.0 over unzipper 0.10) now and then loses entries of a file
// that exceljs's own streaming writer produced — seen as "workbook.xml missing" under CPU load, about one
// import in ten of a small export. The whole-file reader has no such race and is cheap below the threshold;
// the streaming path keeps memory bounded for the 100,000-row ledgers.

import ExcelJS from "exceljs";
import { Utf8WorkbookReader } from "./utf8-workbook-reader.ts";

/** Inflated size up to which a workbook is read whole (memory ≈ 10 × this). */
export const WHOLE_READ_MAX_INFLATED_BYTES = 16 * 1024 * 1024;

export interface SheetRows {
  readonly name: string;
  readonly rows: AsyncIterable<ExcelJS.Row>;
}

export async function* openWorksheets(path: string, wholeRead: boolean): AsyncGenerator<SheetRows> {
  if (wholeRead) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    for (const worksheet of workbook.worksheets) yield { name: worksheet.name, rows: rowsOf(worksheet) };
    return;
  }
  const reader = new Utf8WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  for await (const worksheet of reader) {
    yield {
      name: (worksheet as unknown as { name: string }).name,
      rows: worksheet as AsyncIterable<ExcelJS.Row>,
    };
  }
}

// eslint-disable-next-line @typescript-eslint/require-await -- same shape as the streaming rows
async function* rowsOf(worksheet: ExcelJS.Worksheet): AsyncGenerator<ExcelJS.Row> {
  for (let n = 1; n <= worksheet.rowCount; n++) {
    const row = worksheet.findRow(n);
    if (row) yield row;
  }
}
