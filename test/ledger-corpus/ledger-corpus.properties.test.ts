import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import { LEDGERS } from "../fixtures/ledgers/ledger-specs.ts";
import { writeLedger, type LedgerSpec, type SheetSpec } from "../fixtures/ledgers/render-ledger.ts";
import { asExpected, corpusLedgers } from "./corpus-files.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-ledger-props-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const tempFile = () => join(dir, `l${(files += 1)}.xlsx`);

// Characters that form no header word of the lexicon, so a renamed header can only be nonsense.
const NONSENSE = fc.string({
  unit: fc.constantFrom(..."甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"),
  minLength: 2,
  maxLength: 6,
});

/** A copy of the workbook with the header cell of `column` (a letter) on `sheet` set to `text`. */
async function renameHeader(
  path: string,
  sheet: string,
  headerRow: number,
  column: string,
  header: string,
  text: string,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  // In a two-row header the text may sit in the merged cell above the header's last row.
  const cell = [headerRow, headerRow - 1]
    .map((r) => ws.getCell(`${column}${r}`))
    .find((c) => c.master.text.trim() === header);
  if (!cell) throw new Error(`no header “${header}” in ${sheet} ${column}${headerRow}`);
  cell.master.value = text;
  const out = tempFile();
  await wb.xlsx.writeFile(out);
  return out;
}

describe("ledger corpus properties", () => {
  it.each(corpusLedgers().map((l) => [l.name, l] as const))(
    "%s: any recognised column renamed to nonsense is named in an error or warning (sheet, column, header)",
    async (_name, ledger) => {
      const read = await readLedgerXlsx(ledger.path);
      const targets = read.columns.flatMap(({ sheet, columns }) =>
        columns.filter((c) => c.field !== null).map((c) => ({ sheet, column: c.column, header: c.header })),
      );
      expect(targets.length).toBeGreaterThan(2);
      // Every recognised column, each renamed to a different drawn nonsense word.
      const words = fc.sample(NONSENSE, { numRuns: targets.length, seed: targets.length });
      for (const [i, target] of targets.entries()) {
        const nonsense = words[i] ?? "甲乙";
        const headerRow = read.sheets.find((s) => s.name === target.sheet)?.headerRow ?? 1;
        const path = await renameHeader(
          ledger.path,
          target.sheet,
          headerRow,
          target.column,
          target.header,
          nonsense,
        );
        const renamed = await readLedgerXlsx(path);
        const named = [...renamed.errors, ...renamed.warnings].filter(
          (f) => f.sheet === target.sheet && f.column === target.column && f.message.includes(nonsense),
        );
        expect(named, `${target.sheet} ${target.column}“${target.header}” → “${nonsense}”`).not.toEqual([]);
      }
    },
    30_000,
  );

  /** The ledger with its task sheets changed by `change`; the warnings' columns move with the columns. */
  const variant = (spec: LedgerSpec, change: (s: SheetSpec) => SheetSpec): LedgerSpec => ({
    ...spec,
    sheets: spec.sheets.map(change),
    extraWarnings: [],
  });
  const shape = (read: Awaited<ReturnType<typeof readLedgerXlsx>>) => {
    const e = asExpected(read);
    return {
      unitName: e.unitName,
      problems: e.problems,
      errors: e.errors.map((f) => f.code),
      warnings: e.warnings.map((f) => f.code).sort(),
    };
  };
  const plainSpecs = LEDGERS.filter((s) => s.sheets.every((sheet) => !sheet.columns.some((c) => c.group)));

  it("reads the same ledger whatever the column order, blank rows between problems and trailing spaces", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...plainSpecs),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.boolean(),
        fc.boolean(),
        async (spec, order, blankRows, trailing) => {
          const base = await readLedgerXlsx(await writeAndPath(spec));
          const keys = spec.sheets[0]?.columns.map(() => order.next().value as number) ?? [];
          const changed = variant(spec, (s) => ({
            ...s,
            columns: s.columns
              .map((c, i) => ({ c, k: keys[i] ?? 0 }))
              .sort((a, b) => a.k - b.k)
              .map(({ c }) => c),
            blankRowsBetween: blankRows || s.blankRowsBetween === true,
            problemCells: trailing && s.problemCells === "repeat" ? "repeat_trailing_space" : s.problemCells,
          }));
          const perturbed = await readLedgerXlsx(await writeAndPath(changed));
          expect(shape(perturbed)).toEqual(shape(base));
        },
      ),
      { numRuns: 12 },
    );
  });
});

async function writeAndPath(spec: LedgerSpec): Promise<string> {
  const path = tempFile();
  await writeLedger(path, spec);
  return path;
}
