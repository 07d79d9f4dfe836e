import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import { writeLedger } from "../fixtures/ledgers/render-ledger.ts";
import { largeLedgerSpec } from "./large-ledger-spec.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-ledger-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 1,000-row clerk-made ledger", () => {
  // How long it takes is measured by test/ledger-corpus/time-ledgers.ts (docs/importers.md), never asserted here:
  // a timed assertion fails on a loaded machine and proves nothing on an idle one.
  it("is read whole — every row a measure, years from the 截至 line, several departments split", async () => {
    const path = join(dir, "large.xlsx");
    await writeLedger(path, largeLedgerSpec(1000));
    const read = await readLedgerXlsx(path);
    expect(read?.errors).toEqual([]);
    expect(read?.warnings).toEqual([]);
    expect(read?.problems).toHaveLength(250);
    const measures = read?.problems.flatMap((p) => p.measures ?? []) ?? [];
    expect(measures).toHaveLength(1000);
    expect(measures[13]).toMatchObject({
      deadline: "2024-02-29",
      department: "办公室",
      cooperatingDepartments: ["财务科"],
      state: "in_progress",
    });
  }, 30_000);
});
