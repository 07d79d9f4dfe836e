import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip, writeZipBomb } from "../../../test/support/zip-bomb.ts";
import { parseNotice } from "./parse-notice.ts";
import { decodeText, readNoticeFile } from "./read-notice-file.ts";

const seed = readFileSync(new URL("../../../test/fixtures/notices/seed.txt", import.meta.url), "utf8");
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "notice-file-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (name: string): string => join(dir, name);

describe("readNoticeFile on text files", () => {
  it("reads UTF-8 with and without BOM", async () => {
    await writeFile(at("plain.txt"), seed, "utf8");
    await writeFile(at("bom.md"), `\ufeff${seed}`, "utf8");
    expect(await readNoticeFile(at("plain.txt"))).toEqual({ text: seed, format: "txt", warnings: [] });
    expect(await readNoticeFile(at("bom.md"))).toEqual({ text: seed, format: "md", warnings: [] });
  });

  it("detects GB18030/GBK", async () => {
    // 中共巡察整改 in GBK.
    const gbk = Buffer.from([0xd6, 0xd0, 0xb9, 0xb2, 0xd1, 0xb2, 0xb2, 0xec, 0xd5, 0xfb, 0xb8, 0xc4]);
    await writeFile(at("gbk.txt"), gbk);
    expect(await readNoticeFile(at("gbk.txt"))).toMatchObject({ text: "中共巡察整改", warnings: [] });
  });

  it("replaces undecodable bytes and warns instead of failing", () => {
    const { text, warnings } = decodeText(
      Buffer.concat([
        Buffer.from("整改", "utf8"),
        Buffer.from([0xff, 0xff, 0xff]),
        Buffer.from("完成", "utf8"),
      ]),
    );
    expect(text).toContain("\ufffd");
    expect(text.startsWith("整改")).toBe(true);
    expect(warnings).toEqual([expect.objectContaining({ code: "undecodable_bytes" })]);
    expect(warnings[0]?.message).toMatch(/无法识别/);
  });

  it.each([".doc", ".wps", ".pdf", ".ofd", ".DOC"])("refuses %s with a Chinese message", async (ext) => {
    await expect(readNoticeFile(at(`notice${ext}`))).rejects.toMatchObject({
      code: "unsupported_format",
      message: "不支持的格式，请另存为 .docx 或 .txt",
    });
  });

  it("refuses files over 20 MB before reading them", async () => {
    await writeFile(at("big.txt"), "");
    await truncate(at("big.txt"), 20 * 1024 * 1024 + 1); // sparse: nothing is written or read
    await expect(readNoticeFile(at("big.txt"))).rejects.toMatchObject({ code: "file_too_large" });
  });
});

describe("readNoticeFile on .docx", () => {
  it("keeps paragraphs so the parser finds the same problems as in the text", async () => {
    const doc = new Document({
      sections: [
        {
          children: seed
            .split("\n")
            .filter((l) => l.trim() !== "")
            .map((l) => new Paragraph(l)),
        },
      ],
    });
    await writeFile(at("seed.docx"), await Packer.toBuffer(doc));
    const file = await readNoticeFile(at("seed.docx"));
    expect(file.format).toBe("docx");
    const fromDocx = parseNotice(file.text);
    const fromText = parseNotice(seed);
    expect(fromDocx.problems.map((p) => [p.title, p.status, p.measures.map((m) => m.text)])).toEqual(
      fromText.problems.map((p) => [p.title, p.status, p.measures.map((m) => m.text)]),
    );
    expect(fromDocx.inspection).toEqual(fromText.inspection);
  });

  it("refuses a zip bomb (150 MB of zeros in one entry) from its directory, before decompressing", async () => {
    await writeZipBomb(at("bomb.docx"), 150 * 1024 * 1024);
    await expect(readNoticeFile(at("bomb.docx"))).rejects.toMatchObject({ code: "archive_too_large" });
  });

  it("refuses an entry that would inflate more than 100 times", async () => {
    await writeZipBomb(at("ratio.docx"), 5 * 1024 * 1024);
    await expect(readNoticeFile(at("ratio.docx"))).rejects.toMatchObject({ code: "archive_ratio_too_high" });
  });

  it("refuses an archive whose headers understate an entry's size, before mammoth unpacks it", async () => {
    // 150 MB of zeros declared as 1 MB: the directory looks harmless, the real inflation gives it away.
    await writeFile(
      at("liar.docx"),
      buildZip([
        { name: "word/document.xml", data: Buffer.alloc(150 * 1024 * 1024), declaredSize: 1024 * 1024 },
      ]),
    );
    const before = process.memoryUsage().rss;
    await expect(readNoticeFile(at("liar.docx"))).rejects.toMatchObject({ code: "archive_size_mismatch" });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a file that is not a zip", async () => {
    await writeFile(at("fake.docx"), "not a zip");
    await expect(readNoticeFile(at("fake.docx"))).rejects.toMatchObject({ code: "invalid_archive" });
  });
});
