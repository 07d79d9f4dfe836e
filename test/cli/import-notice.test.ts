import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { getInspectionLedger } from "../../src/app/get-inspection-ledger.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { testDeps } from "../support/test-stores.ts";
import { buildZip } from "../support/zip-bomb.ts";

const SEED = new URL("../fixtures/notices/seed.txt", import.meta.url).pathname;

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  return main(argv, io).then((code) => ({ code, out: out.join(""), err: err.join("") }));
}

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "zhenggai-import-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function countInspections(data: string) {
  const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
  try {
    return await store.inspections.count(SCOPE_ALL);
  } finally {
    await store.close();
  }
}

describe("zhenggai import notice", () => {
  it("imports the seed into a ledger whose derived statuses match the notice: 8 completed, 3 in progress", async () => {
    const data = tempDir();
    const result = await run(["import", "notice", SEED, "--data", data, "--json"]);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out) as {
      stated: Record<string, number>;
      import: { inspectionId: string };
    };
    expect(body.stated).toMatchObject({
      aspects: 4,
      problems: 11,
      measures: 40,
      completed: 8,
      inProgress: 3,
    });

    const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
    try {
      const ledger = await getInspectionLedger(testDeps(store), SCOPE_ALL, body.import.inspectionId);
      expect(ledger.counts).toMatchObject({ problems: 11, completed: 8, inProgress: 3, longTerm: 0 });
      expect(ledger.inspection).toMatchObject({
        team: "市委第八巡察组",
        onsiteStart: "2020-11-12",
        onsiteEnd: "2021-01-12",
        feedbackDate: "2021-03-04",
      });
      expect(ledger.unit.name).toBe("市文联党组");
    } finally {
      await store.close();
    }
  });

  it("refuses the same notice for the same unit a second time, whatever its format, unless --allow-duplicate", async () => {
    const data = tempDir();
    expect((await run(["import", "notice", SEED, "--data", data])).code).toBe(0);
    // The same words re-saved as Markdown with other spacing: the same document.
    const copy = join(data, "同一通报.md");
    writeFileSync(copy, `${readFileSync(SEED, "utf8").replace(/\n/g, "\n\n")}\n`);
    const again = await run(["import", "notice", copy, "--data", data]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(
      /^错误：该文件与市文联党组\d{4}年\d{1,2}月\d{1,2}日导入的台账（ins\w+）内容相同，未重复导入/,
    );
    expect(again.err).toContain("--allow-duplicate");
    expect(await countInspections(data)).toBe(1);

    expect((await run(["import", "notice", copy, "--data", data, "--unit", "市科协党组"])).code).toBe(0);
    expect((await run(["import", "notice", SEED, "--data", data, "--allow-duplicate"])).code).toBe(0);
    expect(await countInspections(data)).toBe(3);
  });

  it("writes nothing on a dry run and names the count mismatch", async () => {
    const data = tempDir();
    const result = await run([
      "import",
      "notice",
      new URL("../fixtures/notices/E.txt", import.meta.url).pathname,
      "--data",
      data,
      "--dry-run",
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("文中称已整改7个问题，实际列出6个");
    expect(result.out).toContain("未写入任何数据");
    expect(existsSync(join(data, "zhenggai.db"))).toBe(false);
  });

  it("refuses unsupported formats and documents without rectification structure with exit code 2", async () => {
    const data = tempDir();
    const pdf = join(data, "notice.pdf");
    writeFileSync(pdf, "%PDF-1.4");
    const refused = await run(["import", "notice", pdf, "--data", data]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("不支持的格式，请另存为 .docx 或 .txt");

    const prose = join(data, "prose.txt");
    writeFileSync(prose, "今天天气很好。\n我们去公园散步。\n");
    const none = await run(["import", "notice", prose, "--data", data]);
    expect(none.code).toBe(2);
    expect(none.err).toContain("未识别出整改情况通报的结构");
    expect(await countInspections(data)).toBe(0);

    const missing = await run(["import", "notice", join(data, "nope.txt"), "--data", data]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("找不到文件");
  });
});

describe("zhenggai import notice on hostile files", () => {
  // Whatever the file, the user gets one Chinese line and exit code 2, never a library's or the system's words.
  const RAW = /EISDIR|ENOENT|EACCES|xmldom|tagName|Cannot read|undefined|null/;

  it.each([
    [
      "a link to /dev/zero",
      (d: string) => symlinkSync("/dev/zero", join(d, "z.txt")),
      "z.txt",
      "不是普通文件",
    ],
    ["a named pipe", (d: string) => execFileSync("mkfifo", [join(d, "p.txt")]), "p.txt", "不是普通文件"],
    ["a folder named x.txt", (d: string) => mkdirSync(join(d, "x.txt")), "x.txt", "是文件夹，不是文件"],
    [
      "a .docx with malformed XML",
      (d: string) =>
        writeFileSync(
          join(d, "bad.docx"),
          buildZip([{ name: "word/document.xml", data: Buffer.from("<w:document><w:p>&nosuch;</w:p>") }]),
        ),
      "bad.docx",
      "已损坏或不是有效的 Word 文档，请用 Word/WPS 重新另存为 .docx",
    ],
    [
      "a zip without a Word document",
      (d: string) =>
        writeFileSync(join(d, "zip.docx"), buildZip([{ name: "a.txt", data: Buffer.from("a") }])),
      "zip.docx",
      "不是 Word 文档",
    ],
  ])("refuses %s with a Chinese message naming the file", async (_what, make, name, message) => {
    const data = tempDir();
    make(data);
    const started = performance.now();
    const result = await run(["import", "notice", join(data, name), "--data", data, "--dry-run"]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(result.err).toContain(join(data, name));
    expect(result.err).not.toMatch(RAW);
    expect(result.err.trim().split("\n")).toHaveLength(1);
  });
});
