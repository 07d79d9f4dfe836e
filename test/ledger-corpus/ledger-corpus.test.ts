import { describe, expect, it } from "vitest";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import { asExpected, corpusLedgers, normalisedExpected } from "./corpus-files.ts";

const ledgers = corpusLedgers();

describe("ledger corpus", () => {
  it("holds at least twelve ledgers", () => {
    expect(ledgers.length).toBeGreaterThanOrEqual(12);
  });

  it.each(ledgers.map((l) => [l.name, l] as const))(
    "%s imports as expected: problems, measures with every field, errors and warnings by place",
    async (_name, ledger) => {
      const read = await readLedgerXlsx(ledger.path);
      expect(asExpected(read)).toEqual(normalisedExpected(ledger.expected));
      // Every finding names its sheet, and row findings their row, in Chinese.
      for (const f of [...read.errors, ...read.warnings]) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it("says in notes which sheets were skipped and which hidden columns were read", async () => {
    const byName = (name: string) => ledgers.find((l) => l.name.startsWith(name))?.path ?? "";
    const hospital = await readLedgerXlsx(byName("l03"));
    expect(hospital.notes).toContainEqual(expect.stringContaining("工作表“填报说明”"));
    const bureau = await readLedgerXlsx(byName("l06"));
    expect(bureau.notes).toContainEqual(expect.stringContaining("隐藏列（C列“整改目标”）"));
    const village = await readLedgerXlsx(byName("h03"));
    expect(village.notes).toContainEqual("工作表“Sheet2”为空，已跳过");
  });

  it("names each progress report it does not import at its row and column, not only in a note about the sheet", async () => {
    const reports = await readLedgerXlsx(ledgers.find((l) => l.name.startsWith("b07"))?.path ?? "");
    const named = reports.notes.filter((n) => n.includes("的整改进展未导入"));
    expect(named.map((n) => /第(\d+)行 ([A-Z]+)列/.exec(n)?.slice(1))).toEqual([
      ["3", "F"],
      ["4", "F"],
      ["5", "F"],
      ["7", "F"],
    ]);
  });
});
