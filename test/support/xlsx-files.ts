// Workbooks for import tests: a hand-made "foreign" ledger (title rows, synonyms, merged problem cells,
// formulas, blank rows) written with exceljs's ordinary writer, and raw archives for the bad-file cases.

import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { buildZip } from "./zip-bomb.ts";

export type Cell = string | number | Date | null | { formula: string; result: string | number | Date };

/** Writes a workbook whose first sheet holds `rows` (row 1 first); `merges` like "B4:B6". */
export async function writeForeignLedger(
  path: string,
  rows: readonly (readonly Cell[])[],
  merges: readonly string[] = [],
  sheetName = "整改台账",
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((cells, r) =>
    cells.forEach((value, c) => {
      if (value !== null) ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  for (const m of merges) ws.mergeCells(m);
  await wb.xlsx.writeFile(path);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A minimal workbook with one sheet of `rows` rows that look empty (a single space in column A). */
export async function writeBlankRowsWorkbook(path: string, rows: number): Promise<void> {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++)
    parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>`);
  parts.push("</sheetData></worksheet>");
  await writeFile(
    path,
    buildZip([
      { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
      { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
      { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(RELS) },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from(parts.join("")) },
    ]),
  );
}

/** A zip that claims to be a workbook but whose sheet is 200 MB of zeros. */
export async function writeXlsxBomb(path: string): Promise<void> {
  await writeFile(
    path,
    buildZip([
      { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK) },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(200 * 1024 * 1024) },
    ]),
  );
}

/** An OLE compound file as Excel writes for a password-protected workbook (signature + EncryptedPackage stream name). */
export async function writeEncryptedWorkbook(path: string, encrypted = true): Promise<void> {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(4096);
  if (encrypted) Buffer.from("EncryptedPackage", "utf16le").copy(body, 1024);
  await writeFile(path, Buffer.concat([head, body]));
}
