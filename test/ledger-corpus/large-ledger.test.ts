import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { readLedgerXlsx } from "../../src/documents/xlsx/read-ledger-xlsx.ts";
import { writeLedger } from "../fixtures/ledgers/render-ledger.ts";
import { largeLedgerSpec } from "./large-ledger-spec.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-ledger-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 1,000-row clerk-made ledger", () => {
  it("is read whole — every row a measure, years from the 截至 line, several departments split — within a second", async () => {
    const path = join(dir, "large.xlsx");
    await writeLedger(path, largeLedgerSpec(1000));
    await readLedgerXlsx(path); // modules loaded and compiled
    const times: number[] = [];
    let read: Awaited<ReturnType<typeof readLedgerXlsx>> | undefined;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      read = await readLedgerXlsx(path);
      times.push(performance.now() - t);
    }
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
    expect(times.sort((a, b) => a - b)[1]).toBeLessThan(1000);
  }, 30_000);
});
