// `zhenggai report bulletin`: the same monthly progress bulletin as the API, written beside its target and recorded
// only once written; mistakes name the flag.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";

const root = mkdtempSync(join(tmpdir(), "zhenggai-bulletin-"));
const data = join(root, "data");
let inspectionId = "";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await main([...argv, "--data", data], io);
  return { code, out: out.join(""), err: err.join("") };
}

async function measureCount(): Promise<number> {
  const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
  try {
    return (await store.measures.listByInspection({ kind: "all" }, inspectionId)).length;
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const seed = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;
  const imported = await run(["import", "notice", seed, "--json"]);
  inspectionId = (JSON.parse(imported.out) as { import: { inspectionId: string } }).import.inspectionId;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("zhenggai report bulletin", () => {
  it("writes the seed's month as a workbook and as a document, and records each", async () => {
    const xlsx = join(root, "通报.xlsx");
    const made = await run([
      "report",
      "bulletin",
      "--inspection",
      inspectionId,
      "--month",
      "2026-11",
      "--out",
      xlsx,
    ]);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toBe(`已生成2026-11月度整改进展通报：${xlsx}（1个巡察）\n`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const row = wb.getWorksheet("整改进展")!.getRow(2);
    // Every measure of the imported ledger; the figures are as of 30 November 2026.
    expect([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value]).toEqual([
      "2026-11",
      "2026-11-30",
      await measureCount(),
    ]);

    const docx = join(root, "通报.docx");
    expect(
      (await run(["report", "bulletin", "--inspection", inspectionId, "--month", "2026-11", "--out", docx]))
        .code,
    ).toBe(0);
    const { value } = await mammoth.extractRawText({ buffer: readFileSync(docx) });
    expect(value).toContain("2026年11月进展情况的通报");
    expect(value).toContain(`整改措施共${await measureCount()}项`);

    const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
    try {
      const events = await store.audit.listForEntity("inspection", inspectionId);
      expect(events.filter((e) => e.action === "bulletin.generate").map((e) => e.data)).toMatchObject([
        { month: "2026-11", format: "xlsx" },
        { month: "2026-11", format: "docx" },
      ]);
    } finally {
      await store.close();
    }
  });

  it("names the flag that is missing or wrong", async () => {
    const out = join(root, "x.docx");
    const none = await run(["report", "bulletin", "--month", "2026-11", "--out", out]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("--inspection 或 --round");
    const noMonth = await run(["report", "bulletin", "--inspection", inspectionId, "--out", out]);
    expect(noMonth.err).toContain("--month");
    const badMonth = await run([
      "report",
      "bulletin",
      "--inspection",
      inspectionId,
      "--month",
      "2026-13",
      "--out",
      out,
    ]);
    expect(badMonth.code).toBe(2);
    expect(badMonth.err).toContain("--month");
    expect(badMonth.err).toContain("月份应写作 YYYY-MM");
  });
});
