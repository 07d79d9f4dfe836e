// Problem-level columns on a one-sheet ledger (no 问题清单): 公开范围, 反馈原文 and 具体表现 written on a problem's first
// measure row belong to the problem. They were dropped, and a problem marked 不公开 was imported as public.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeForeignLedger } from "../../../test/support/xlsx-files.ts";
import { readLedgerXlsx } from "./read-ledger-xlsx.ts";

const dir = mkdtempSync(join(tmpdir(), "zhenggai-xlsx-problem-cells-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("problem-level cells of a one-sheet ledger", () => {
  it("keeps 公开范围, 反馈原文 and 具体表现 given on the problem's first row", async () => {
    const file = join(dir, "one-sheet.xlsx");
    await writeForeignLedger(file, [
      ["序号", "存在问题", "反馈原文", "具体表现", "整改措施", "责任单位", "完成时限", "公开范围"],
      [
        1,
        "公车私用问题",
        "巡察发现公车私用2次",
        "节假日私用公车",
        "加强公车管理",
        "办公室",
        "2025-06-30",
        "不公开（涉及国家秘密）",
      ],
      [null, null, null, null, "建立用车台账", "办公室", "2025-07-31", null],
      [2, "会议费超标", null, null, "修订会议费管理办法", "财务科", "2025-07-31", "社会公开"],
    ]);
    const read = await readLedgerXlsx(file);
    expect(read.errors).toEqual([]);
    expect(
      read.problems.map((p) => [p.title, p.disclosure, p.withholdingReason, p.feedbackText, p.symptoms]),
    ).toEqual([
      ["公车私用问题", "withheld", "state_secret", "巡察发现公车私用2次", "节假日私用公车"],
      ["会议费超标", "public", null, null, null],
    ]);
    expect(read.problems[0]?.measures?.map((m) => m.text)).toEqual(["加强公车管理", "建立用车台账"]);
  });

  it("takes a problem-level cell from a later row of the problem when its first row leaves it empty", async () => {
    const file = join(dir, "later-row.xlsx");
    await writeForeignLedger(file, [
      ["序号", "存在问题", "整改措施", "责任单位", "完成时限", "公开范围"],
      [1, "公车私用问题", "加强公车管理", "办公室", "2025-06-30", null],
      [1, "公车私用问题", "建立用车台账", "办公室", "2025-07-31", "不公开（涉及国家秘密）"],
      [2, "会议费超标", "修订会议费管理办法", "财务科", "2025-07-31", "社会公开"],
      // A later row stricter than the first: the problem is not imported as public.
      [2, "会议费超标", "清退超标费用", "财务科", "2025-08-31", "党内"],
    ]);
    const read = await readLedgerXlsx(file);
    expect(read.problems.map((p) => [p.title, p.disclosure, p.withholdingReason])).toEqual([
      ["公车私用问题", "withheld", "state_secret"],
      ["会议费超标", "internal", null],
    ]);
  });
});
