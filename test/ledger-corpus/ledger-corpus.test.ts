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
});
