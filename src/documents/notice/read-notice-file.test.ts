import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildZip, writeZipBomb } from "../../../test/support/zip-bomb.ts";
import { parseNotice } from "./parse-notice.ts";
import { decodeText, NOTICE_FILE_LIMITS, readNoticeFile } from "./read-notice-file.ts";

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

describe("readNoticeFile on what is not a regular file", () => {
  it("refuses a link to /dev/zero at once instead of reading it without end", async () => {
    await symlink("/dev/zero", at("zero.txt"));
    const started = performance.now();
    await expect(readNoticeFile(at("zero.txt"))).rejects.toMatchObject({ code: "not_regular_file" });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("refuses a named pipe without waiting for a writer", async () => {
    execFileSync("mkfifo", [at("fifo.txt")]);
    await expect(readNoticeFile(at("fifo.txt"))).rejects.toMatchObject({ code: "not_regular_file" });
  });

  it("says in Chinese that a folder called x.txt is a folder", async () => {
    await mkdir(at("x.txt"));
    await expect(readNoticeFile(at("x.txt"))).rejects.toMatchObject({
      code: "not_a_file",
      message: `${at("x.txt")} 是文件夹，不是文件，请指定要导入的文件`,
    });
  });

  it("names a missing file", async () => {
    await expect(readNoticeFile(at("missing.docx"))).rejects.toMatchObject({
      code: "file_not_found",
      message: `找不到文件：${at("missing.docx")}`,
    });
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const packageRels = (target: string): Buffer =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`,
  );
/** `count` empty paragraphs, each with a random attribute so the part compresses like real XML (ratio < 100). */
function manyParagraphs(count: number): string {
  let seed = 42;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    parts.push(`<w:p w:rsidR="${seed.toString(16)}"/>`);
  }
  return parts.join("");
}

describe("readNoticeFile on damaged or foreign .docx files", () => {
  const damaged = expect.objectContaining({
    code: "corrupt_docx",
    message: expect.stringMatching(
      /已损坏或不是有效的 Word 文档.*请用 Word\/WPS 重新另存为 \.docx/,
    ) as string,
  }) as unknown;

  it.each([
    ["an unknown entity", documentXml(`<w:p><w:r><w:t>&nosuch;</w:t></w:r></w:p>`)],
    ["text that is not XML", Buffer.from("not xml at all")],
    ["an empty part", Buffer.alloc(0)],
    ["unbalanced tags", Buffer.from("<a><b></a>")],
  ])(
    "explains %s in document.xml in Chinese, keeping the library's error as the cause",
    async (what, xml) => {
      const path = at(`damaged-${what.replace(/\s+/g, "-")}.docx`);
      await writeFile(path, buildZip([{ name: "word/document.xml", data: xml }]));
      const error = await readNoticeFile(path).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error).toEqual(damaged);
      expect(error?.message).toContain(path);
      expect(error?.message).not.toMatch(/xmldom|tagName|null|Error/);
      expect(error?.cause).toBeInstanceOf(Error);
    },
  );

  it("refuses a zip that holds no Word document, naming the file", async () => {
    const path = at("not-word.docx");
    await writeFile(path, buildZip([{ name: "hello.txt", data: Buffer.from("hi") }]));
    await expect(readNoticeFile(path)).rejects.toMatchObject({
      code: "not_word_document",
      message: `${path} 不是 Word 文档（压缩包中没有正文 word/document.xml），请用 Word/WPS 另存为 .docx 后再导入`,
    });
  });

  it("finds the main document where the package relationships put it", async () => {
    const path = at("elsewhere.docx");
    await writeFile(
      path,
      buildZip([
        { name: "_rels/.rels", data: packageRels("/main/body.xml") },
        { name: "main/body.xml", data: documentXml(paragraph("一、整改情况")) },
      ]),
    );
    expect((await readNoticeFile(path)).text).toBe("一、整改情况\n");
  });
});

describe("readNoticeFile bounds the work of reading a .docx", () => {
  const limit = NOTICE_FILE_LIMITS.maxMarkupElements;

  it("refuses a document.xml with more XML elements than the limit quickly, before mammoth parses it", async () => {
    const path = at("too-many-elements.docx");
    await writeFile(
      path,
      buildZip([{ name: "word/document.xml", data: documentXml(manyParagraphs(limit + 1)) }]),
    );
    const started = performance.now();
    await expect(readNoticeFile(path)).rejects.toMatchObject({
      code: "document_too_complex",
      message: expect.stringContaining(`${path} 的正文内容过多`) as string,
    });
    // mammoth would need seconds and hundreds of MB for this many elements; the count takes a fraction.
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("counts a part the relationships make the main document, whatever its name says", async () => {
    const path = at("disguised.docx");
    await writeFile(
      path,
      buildZip([
        { name: "_rels/.rels", data: packageRels("word/media/image1.png") },
        { name: "word/media/image1.png", data: documentXml(manyParagraphs(limit + 1)) },
      ]),
    );
    await expect(readNoticeFile(path)).rejects.toMatchObject({ code: "document_too_complex" });
  });

  it("leaves images out of the count: a picture full of '<' bytes does not refuse the notice", async () => {
    const path = at("with-image.docx");
    let seed = 7;
    const image = Buffer.alloc(2 * (limit + 1));
    for (let i = 0; i < image.length; i += 2) {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      image[i] = 0x3c; // "<"
      image[i + 1] = 0x41 + (seed % 26);
    }
    await writeFile(
      path,
      buildZip([
        { name: "word/document.xml", data: documentXml(paragraph("一、整改情况")) },
        { name: "word/media/image1.png", data: image },
      ]),
    );
    expect((await readNoticeFile(path)).text).toBe("一、整改情况\n");
  });
});
