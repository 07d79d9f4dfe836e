import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import { readZip } from "../support/read-zip.ts";

const root = mkdtempSync(join(tmpdir(), "zhenggai-report-"));
const data = join(root, "data");
let inspectionId = "";

async function run(argv: string[], env: Record<string, string> = {}, dataDir = data) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  const code = await main([...argv, "--data", dataDir], io);
  return { code, out: out.join(""), err: err.join("") };
}

async function publications() {
  const store = await openStore({ kind: "sqlite", file: join(data, "zhenggai.db") });
  try {
    return await store.publications.listByInspection(SCOPE_ALL, inspectionId);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  const imported = await run([
    "import",
    "notice",
    new URL("../fixtures/notices/seed.txt", import.meta.url).pathname,
    "--json",
  ]);
  inspectionId = (JSON.parse(imported.out) as { import: { inspectionId: string } }).import.inspectionId;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const report = (out: string, ...extra: string[]) =>
  run(["report", "notice", "--inspection", inspectionId, "--version", "internal", "--out", out, ...extra]);

describe("zhenggai report notice", () => {
  it("writes the file and records the publication", async () => {
    const out = join(root, "通报.html");
    const result = await report(out);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("市文联党组");
    expect(await publications()).toHaveLength(1);
  });

  it("never overwrites an existing file, and records nothing then", async () => {
    const out = join(root, "existing.md");
    writeFileSync(out, "keep me");
    const before = (await publications()).length;
    const result = await report(out);
    expect(result.code).toBe(2);
    expect(result.err).toContain("文件已存在");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect(await publications()).toHaveLength(before);
  });

  it("refuses to write into the data folder or a missing folder, recording nothing", async () => {
    const before = (await publications()).length;
    const intoData = await report(join(data, "zhenggai.db"));
    expect(intoData.code).toBe(2);
    expect(intoData.err).toContain("不能把文件写入数据目录");
    const missing = await report(join(root, "no-such-folder", "x.md"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("输出目录不存在");
    expect(existsSync(join(root, "no-such-folder"))).toBe(false);
    expect(await publications()).toHaveLength(before);
  });
});

describe("zhenggai report notice: 版头, 版记, grid and PDF flags", () => {
  it("prints the 版头 and 版记 the flags give, the 发文字号 in GB/T 9704 form, on the portable grid by default", async () => {
    const out = join(root, "flags.docx");
    const result = await report(
      out,
      ...["--issuer", "中共无锡市文学艺术界联合会党组", "--doc-number", "市文联党组[2021]第03号"],
      ...["--addressee", "各党支部", "--copy-to", "市委巡察办", "--copy-to", "市委第八巡察组"],
      ...[
        "--printed-by",
        "无锡市文学艺术界联合会办公室",
        "--contact-person",
        "张三",
        "--contact-phone",
        "0510-12345678",
      ],
    );
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const zip = await readZip(readFileSync(out));
    const all = [...zip.entries()]
      .filter(([name]) => name.startsWith("word/"))
      .map(([, xml]) => xml)
      .join("");
    expect(all).toContain(">市文联党组〔2021〕3号<");
    expect(all).toContain(">各党支部：<");
    expect(all).toContain(">抄送：市委巡察办，市委第八巡察组。<");
    expect(all).toContain(">无锡市文学艺术界联合会办公室<");
    expect(all).toContain(">（联系人：张三，电话：0510-12345678）<");
    expect(zip.get("word/document.xml")).toContain('<w:docGrid w:type="default"');
    const word = join(root, "word-grid.docx");
    expect((await report(word, "--grid", "word")).code).toBe(0);
    expect((await readZip(readFileSync(word))).get("word/document.xml")).toContain('w:type="linesAndChars"');
  });

  it("names the flag of a wrong 发文字号 and records nothing", async () => {
    const before = (await publications()).length;
    const result = await report(join(root, "bad.docx"), "--doc-number", "三号文件");
    expect(result.code).toBe(2);
    expect(result.err).toContain("--doc-number");
    expect(await publications()).toHaveLength(before);
  });

  it("refuses --format pdf without LibreOffice, naming the Debian packages, and records nothing", async () => {
    const before = (await publications()).length;
    const result = await run(
      ["report", "notice", "--inspection", inspectionId, "--version", "public", "--out", join(root, "n.pdf")],
      { PATH: "/nonexistent" },
    );
    expect(result.code).toBe(2);
    expect(result.err).toContain("生成 PDF 需要 LibreOffice");
    expect(result.err).toContain("apt-get install --no-install-recommends libreoffice-writer-nogui");
    expect(existsSync(join(root, "n.pdf"))).toBe(false);
    expect(await publications()).toHaveLength(before);
  });
});

describe("zhenggai report notice and export ledger never write where the store keeps its data", () => {
  const dataFiles = () => readdirSync(data).sort();

  it("refuses a path through a symbolic link to the data folder", async () => {
    const link = join(root, "out-link");
    symlinkSync(data, link);
    const before = { files: dataFiles(), publications: (await publications()).length };
    const report = await run([
      "report",
      "notice",
      "--inspection",
      inspectionId,
      "--version",
      "internal",
      "--out",
      join(link, "x.md"),
    ]);
    expect(report.code).toBe(2);
    expect(report.err).toContain("不能把文件写入数据目录");
    const exported = await run(["export", "ledger", "--all", "--out", join(link, "x.xlsx")]);
    expect(exported.code).toBe(2);
    expect(exported.err).toContain("不能把文件写入数据目录");
    expect(dataFiles()).toEqual(before.files);
    expect(await publications()).toHaveLength(before.publications);
  });

  it("refuses the folder of the database file named by DATABASE_URL, and a data folder reached through a link", async () => {
    const dbFolder = join(root, "db-folder");
    mkdirSync(dbFolder);
    const env = { DATABASE_URL: `file:${join(dbFolder, "z.db")}` };
    const intoDbFolder = await run(["export", "ledger", "--all", "--out", join(dbFolder, "x.xlsx")], env);
    expect(intoDbFolder.code).toBe(2);
    expect(intoDbFolder.err).toContain(dbFolder);
    const viaLink = join(root, "db-link");
    symlinkSync(dbFolder, viaLink);
    const throughLink = await run(["export", "ledger", "--all", "--out", join(viaLink, "y.xlsx")], env);
    expect(throughLink.code).toBe(2);
    expect(readdirSync(dbFolder)).toEqual([]);

    const linkedData = join(root, "data-link");
    symlinkSync(data, linkedData);
    const realPath = await run(
      ["export", "ledger", "--all", "--out", join(data, "z.xlsx")],
      { ZHENGGAI_EXAMPLE_DATA: "0" },
      linkedData,
    );
    expect(realPath.code).toBe(2);
    expect(realPath.err).toContain("不能把文件写入数据目录");
  });

  it("never follows or replaces a target that is a symbolic link, dangling or not", async () => {
    const victim = join(root, "victim.md");
    writeFileSync(victim, "keep me");
    const toFile = join(root, "to-file.md");
    symlinkSync(victim, toFile);
    const dangling = join(root, "dangling.md");
    const nowhere = join(root, "nowhere.md");
    symlinkSync(nowhere, dangling);
    const before = (await publications()).length;
    for (const out of [toFile, dangling]) {
      const result = await run([
        "report",
        "notice",
        "--inspection",
        inspectionId,
        "--version",
        "internal",
        "--out",
        out,
      ]);
      expect(result.code).toBe(2);
      expect(result.err).toContain("文件已存在");
      expect(lstatSync(out).isSymbolicLink()).toBe(true);
    }
    expect(readFileSync(victim, "utf8")).toBe("keep me");
    expect(readlinkSync(dangling)).toBe(nowhere);
    expect(existsSync(nowhere)).toBe(false);
    expect(await publications()).toHaveLength(before);
  });
});
