import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LedgerWorkbookContent, XlsxMeasureRow, XlsxProblemRow } from "./ledger-workbook.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";
import { writeLedgerXlsx } from "./write-ledger-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-units-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

/** Our --round export of two units: one problem with one measure each, numbering restarting per unit. */
function roundExport(): LedgerWorkbookContent {
  const units = [
    ["某县农业农村局", "高标准农田建设质量不高", "对已建项目逐一验收", "2024-10-31"],
    ["某县水利局", "水利工程维护经费使用不规范", "建立维护经费使用台账", "2024-08-31"],
  ] as const;
  const problems: XlsxProblemRow[] = units.map(([unit, title]) => ({
    unit,
    no: 1,
    aspect: null,
    title,
    feedbackText: title,
    symptoms: null,
    status: "in_progress",
    disclosure: "public",
    withholdingReason: null,
  }));
  const measures: XlsxMeasureRow[] = units.map(([unit, problem, text, deadline]) => ({
    unit,
    problemKey: unit,
    no: 1,
    aspect: null,
    problem,
    text,
    kind: "time_limited",
    leader: null,
    department: "办公室",
    person: null,
    cooperating: [],
    deadline,
    progress: null,
    state: "in_progress",
    flag: null,
    evidenceCount: 0,
    closedOn: null,
    reviewer: null,
    note: null,
  }));
  return {
    title: "县委2024年第一轮巡察整改台账（截至2024年6月30日）",
    asOf: "2024-06-30",
    reportingUnit: "",
    multiUnit: true,
    problems: each(problems),
    measures: each(measures),
    outcomes: [],
    summary: [["问题总数", 2]],
  };
}

describe("our own --round export read back", () => {
  it("is refused as a whole, and read for the one unit asked for", async () => {
    const path = join(dir, "round.xlsx");
    const out = createWriteStream(path);
    const closed = new Promise<void>((resolve) => out.on("close", () => resolve()));
    await writeLedgerXlsx(out, roundExport());
    await closed;

    const whole = await readLedgerXlsx(path);
    expect(whole.errors.map((e) => e.code)).toEqual(["multiple_units"]);

    const one = await readLedgerXlsx(path, { onlyUnit: "某县水利局" });
    expect(one.errors).toEqual([]);
    expect(one.unitName).toBe("某县水利局");
    expect(one.problems).toMatchObject([
      {
        title: "水利工程维护经费使用不规范",
        measures: [{ text: "建立维护经费使用台账", deadline: "2024-08-31", department: "办公室" }],
      },
    ]);
  });
});
