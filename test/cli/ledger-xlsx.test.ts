import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDeps } from "../support/test-stores.ts";
import { writeBlankRowsWorkbook, writeEncryptedWorkbook, writeForeignLedger } from "../support/xlsx-files.ts";
import { buildZip } from "../support/zip-bomb.ts";

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: { ZHENGGAI_EXAMPLE_DATA: "0" } };
  return main(argv, io).then((code) => ({ code, out: out.join(""), err: err.join("") }));
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "zhenggai-ledger-xlsx-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function withStore<T>(
  data: string,
  work: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
const countMeasures = (data: string) =>
  withStore(data, async (store) => {
    const inspections = await store.inspections.list(SCOPE_ALL);
    let n = 0;
    for (const i of inspections) n += (await store.measures.listByInspection(SCOPE_ALL, i.id)).length;
    return n;
  });

const HEADER = ["序号", "存在问题", "整改措施", "责任领导", "责任部门", "完成时限", "状态"];
const rows = [
  ["市文联党组巡察整改台账"],
  HEADER,
  [1, "四风问题依然存在", "完善公务接待制度", "杨建", "办公室", "2021年5月底", "已完成"],
  [2, "党建工作质量不高", "落实三会一课", "李四", "机关党委", "下个月吧", "推进中"],
  [3, "财务管理不严格", "清理往来款项", "杨建", "财务科", "2021/12/31", "未启动"],
];

describe("zhenggai export ledger / import ledger", () => {
  it("exports an inspection and imports it into another database with --json listing problems, measures and no errors", async () => {
    const source = tempDir();
    const inspectionId = await withStore(
      source,
      async (store) => (await createLedger(testDeps(store), SYSTEM_ACTOR, makeLedger())).inspectionId,
    );
    const out = join(tempDir(), "台账.xlsx");
    const exported = await run([
      "export",
      "ledger",
      "--inspection",
      inspectionId,
      "--out",
      out,
      "--data",
      source,
    ]);
    expect(exported).toMatchObject({ code: 0, err: "" });
    expect(exported.out).toContain("3 个问题，5 条整改措施");
    const again = await run([
      "export",
      "ledger",
      "--inspection",
      inspectionId,
      "--out",
      out,
      "--data",
      source,
    ]);
    expect(again).toMatchObject({ code: 2, err: expect.stringContaining("文件已存在") as unknown });

    const target = tempDir();
    const imported = await run(["import", "ledger", out, "--data", target, "--json"]);
    expect(imported.err).toBe("");
    expect(imported.code).toBe(0);
    const body = JSON.parse(imported.out) as {
      problems: { title: string; status: string; measures: { kind: string; status: string }[] }[];
      errors: unknown[];
      import: { stored: boolean };
    };
    expect(body.errors).toEqual([]);
    expect(body.import.stored).toBe(true);
    expect(body.problems.map((p) => [p.title, p.status, p.measures.length])).toEqual([
      ["四风问题依然存在", "completed", 2],
      ["党建工作质量不高", "long_term", 1],
      ["执行财务管理制度不够严格", "in_progress", 2],
    ]);
    expect(await countMeasures(target)).toBe(5);
  });

  it("refuses the whole file when a row is invalid, naming file, sheet, row and column; --skip-invalid stores the rest", async () => {
    const data = tempDir();
    const file = join(data, "foreign.xlsx");
    await writeForeignLedger(file, rows);
    const refused = await run(["import", "ledger", file, "--data", data]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("错误：foreign.xlsx 整改台账 第4行 F列：无法识别整改时限“下个月吧”");
    expect(refused.err).toContain("未导入任何内容");
    expect(await countMeasures(data)).toBe(0);

    const json = await run(["import", "ledger", file, "--data", data, "--json"]);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.out) as { errors: unknown[] }).errors).toEqual([
      {
        file: "foreign.xlsx",
        sheet: "整改台账",
        row: 4,
        column: "F",
        code: "invalid_deadline",
        message: expect.stringContaining("下个月吧") as unknown,
      },
    ]);

    const dry = await run(["import", "ledger", file, "--data", data, "--skip-invalid", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("未写入任何数据");
    expect(await countMeasures(data)).toBe(0);

    const skipped = await run(["import", "ledger", file, "--data", data, "--skip-invalid"]);
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain("已跳过：foreign.xlsx 整改台账 第4行 F列");
    expect(skipped.out).toContain("跳过 1 行");
    expect(await countMeasures(data)).toBe(2);
  });

  it("accepts an explicit column mapping", async () => {
    const data = tempDir();
    const file = join(data, "mapped.xlsx");
    await writeForeignLedger(file, [
      ["问题", "要做的事", "办结日期"],
      ["四风问题", "完善制度", "2021-05-31"],
    ]);
    const result = await run([
      "import",
      "ledger",
      file,
      "--data",
      data,
      "--unit",
      "市文联党组",
      "--map",
      "要做的事=整改措施",
      "--map",
      "办结日期=deadline",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out) as { problems: { measures: { text: string; deadline: string }[] }[] };
    expect(body.problems[0]?.measures[0]).toMatchObject({ text: "完善制度", deadline: "2021-05-31" });
  });

  it("refuses bad files with exit code 2 and stores nothing", async () => {
    const data = tempDir();
    const text = join(data, "a.xlsx");
    writeFileSync(text, "hello");
    const locked = join(data, "locked.xlsx");
    await writeEncryptedWorkbook(locked);
    const blank = join(data, "blank.xlsx");
    await writeBlankRowsWorkbook(blank, 1_000_000);
    for (const [file, message] of [
      [text, "不是 Excel 工作簿"],
      [locked, "打开密码"],
      [blank, "超过 200,000 行（含空白行"],
    ] as const) {
      const result = await run(["import", "ledger", file, "--data", data]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(message);
    }
    const limited = await run(["import", "ledger", blank, "--data", data, "--row-limit", "10"]);
    expect(limited.code).toBe(2);
    expect(await countMeasures(data)).toBe(0);
  }, 60_000);

  it("refuses what is not a regular file at once, in the same words as the notice import", async () => {
    const data = tempDir();
    symlinkSync("/dev/zero", join(data, "zero.xlsx"));
    execFileSync("mkfifo", [join(data, "pipe.xlsx")]);
    mkdirSync(join(data, "folder.xlsx"));
    for (const [name, message] of [
      ["zero.xlsx", "不是普通文件（可能是设备、管道或套接字），未读取"],
      ["pipe.xlsx", "不是普通文件（可能是设备、管道或套接字），未读取"],
      ["folder.xlsx", "是文件夹，不是文件，请指定要导入的文件"],
      ["missing.xlsx", "找不到文件"],
    ] as const) {
      const started = performance.now();
      const result = await run(["import", "ledger", join(data, name), "--data", data, "--dry-run"]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(result.code).toBe(2);
      expect(result.err).toContain(join(data, name));
      expect(result.err).toContain(message);
    }
  });

  it("explains damaged workbooks in Chinese, naming the file, never in the library's words", async () => {
    const data = tempDir();
    const workbook = Buffer.from(
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    const files = {
      "no-workbook.xlsx": buildZip([{ name: "hello.txt", data: Buffer.from("hi") }]),
      "bad-sheet.xlsx": buildZip([
        { name: "xl/workbook.xml", data: workbook },
        { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet><sheetData><row>&nosuch;</a>") },
      ]),
      "cut.xlsx": buildZip([{ name: "xl/workbook.xml", data: workbook }]).subarray(0, 60),
    };
    for (const [name, bytes] of Object.entries(files)) {
      writeFileSync(join(data, name), bytes);
      const result = await run(["import", "ledger", join(data, name), "--data", data, "--dry-run"]);
      expect(result.code).toBe(2);
      expect(result.err).toContain(join(data, name));
      expect(result.err).toMatch(/不是 Excel 工作簿|已损坏|无法读取/);
      expect(result.err).toContain("另存为 .xlsx");
      expect(result.err).not.toMatch(/Error|undefined|null|sax|Unexpected|entity/i);
    }
  });

  it("explains the export usage", async () => {
    const result = await run(["export", "ledger", "--out", "x.xlsx"]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("三选一");
  });
});
