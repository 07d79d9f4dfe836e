import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeForeignLedger } from "../../../test/support/xlsx-files.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-drop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);

describe("readLedgerXlsx never drops a data row silently", () => {
  it("refuses a sheet with problems whose measure column is not recognised, naming the sheet and the header cells", async () => {
    await writeForeignLedger(file("no-measure.xlsx"), [
      ["序号", "存在问题", "整改落实举动", "责任单位", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "2021-05-31"],
      [null, null, "开展专项整治", "办公室", "2021-06-30"],
    ]);
    const read = await readLedgerXlsx(file("no-measure.xlsx"));
    const all = [...read.errors, ...read.warnings];
    const missing = read.errors.find((e) => e.code === "measure_column_missing");
    expect(missing?.sheet).toBe("整改台账");
    expect(missing?.message).toContain("整改落实举动");
    expect(missing?.message).toContain("整改台账");
    expect(all.some((e) => e.column === "C" && e.message.includes("整改落实举动"))).toBe(true);
  });

  it("names a totals row and a 填报人 line as skipped instead of reading them as data", async () => {
    await writeForeignLedger(file("totals.xlsx"), [
      ["序号", "存在问题", "整改措施", "责任单位", "完成时限"],
      [1, "四风问题依然存在", "完善公务接待制度", "办公室", "2021-05-31"],
      ["合计", null, "1项", null, null],
      ["填报人：张三", null, "审核人：李四", null, null],
    ]);
    const read = await readLedgerXlsx(file("totals.xlsx"));
    expect(read.errors).toEqual([]);
    expect(read.problems.map((p) => p.title)).toEqual(["四风问题依然存在"]);
    expect(read.warnings.map((w) => [w.row, w.code])).toEqual([
      [3, "totals_row_skipped"],
      [4, "signature_row_skipped"],
    ]);
  });
});
