import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildZip } from "../../test/support/zip-bomb.ts";
import { isDomainError } from "../domain/domain-error.ts";
import {
  classifyZip,
  MEDIA_TYPES,
  sniffMagic,
  sniffMediaType,
  zipEntryNames,
  type EvidenceMediaType,
} from "./sniff-media-type.ts";

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

/** Sniffs a whole file held in memory, as the upload reader does with its head and tail. */
const sniffWhole = (name: string, file: Buffer): EvidenceMediaType =>
  sniffMediaType(name, file.subarray(0, 16), { tail: file, size: file.length });

const refusal = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (e) {
    if (isDomainError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("not refused");
};

const entry = (name: string, text = "<x/>") => ({ name, data: Buffer.from(text) });

describe("sniffMediaType", () => {
  it("recognises pdf, jpeg, png and webp by their magic numbers", () => {
    expect(sniffWhole("a", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"))).toEqual({
      kind: "pdf",
      mediaType: "application/pdf",
    });
    expect(sniffWhole("a", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF\0")).kind).toBe("jpeg");
    expect(sniffWhole("a", bytes([0x89], "PNG\r\n\x1a\n\0\0\0\rIHDR")).kind).toBe("png");
    expect(sniffWhole("a", bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ")).mediaType).toBe("image/webp");
  });

  it("tells real docx and xlsx files from a plain zip by their central directory", async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("整改")] }] }));
    expect(sniffWhole("a.docx", docx)).toEqual({ kind: "docx", mediaType: MEDIA_TYPES.docx });
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("台账").addRow(["问题", "措施"]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(sniffWhole("a.xlsx", xlsx).kind).toBe("xlsx");
    const pptx = buildZip([entry("[Content_Types].xml"), entry("ppt/presentation.xml")]);
    expect(sniffWhole("a.pptx", pptx).kind).toBe("pptx");
    const zip = buildZip([entry("照片/现场.jpg", "jpeg"), entry("说明.txt", "文本")]);
    expect(sniffWhole("a.zip", zip)).toEqual({ kind: "zip", mediaType: "application/zip" });
  });

  it("takes a zip with OFD.xml at its root as OFD, but not one with OFD.xml in a folder", () => {
    const ofd = buildZip([entry("OFD.xml"), entry("Doc_0/Document.xml")]);
    expect(sniffWhole("公文.ofd", ofd)).toEqual({ kind: "ofd", mediaType: "application/ofd" });
    expect(sniffWhole("a", buildZip([entry("sub/OFD.xml")])).kind).toBe("zip");
  });

  it("keeps a macro-enabled Office file a plain zip", () => {
    const docm = buildZip([
      entry("[Content_Types].xml"),
      entry("word/document.xml"),
      entry("word/vbaProject.bin", "macro"),
    ]);
    expect(classifyZip(zipEntryNames(docm, docm.length) ?? [])).toBe("zip");
  });

  it("reads the central directory from the last bytes only, with the file's real size", () => {
    const padding = entry("big.bin", "x".repeat(50_000));
    const zip = buildZip([padding, entry("OFD.xml")]);
    const tail = zip.subarray(zip.length - 200);
    expect(zipEntryNames(tail, zip.length)).toEqual(["big.bin", "OFD.xml"]);
    // A directory that starts before the kept tail cannot be read: the archive stays a plain zip.
    expect(zipEntryNames(zip.subarray(zip.length - 40), zip.length)).toBeUndefined();
    expect(
      sniffMediaType("a", zip.subarray(0, 16), { tail: zip.subarray(zip.length - 40), size: zip.length })
        .kind,
    ).toBe("zip");
  });

  it("reads the directory of a zip64 archive through its zip64 end record", () => {
    const plain = buildZip([entry("OFD.xml"), entry("Doc_0/Document.xml")]);
    const end = plain.length - 22;
    const [count, size, offset] = [
      plain.readUInt16LE(end + 10),
      plain.readUInt32LE(end + 12),
      plain.readUInt32LE(end + 16),
    ];
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(end), 8);
    locator.writeUInt32LE(1, 16);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(0xffff, 8);
    eocd.writeUInt16LE(0xffff, 10);
    eocd.writeUInt32LE(0xffffffff, 12);
    eocd.writeUInt32LE(0xffffffff, 16);
    const zip64 = Buffer.concat([plain.subarray(0, end), record, locator, eocd]);
    expect(zipEntryNames(zip64, zip64.length)).toEqual(["OFD.xml", "Doc_0/Document.xml"]);
    expect(sniffWhole("a.ofd", zip64).kind).toBe("ofd");
    // Without the locator the archive cannot be read: a plain zip.
    const broken = Buffer.concat([plain.subarray(0, end), record, eocd]);
    expect(zipEntryNames(broken, broken.length)).toBeUndefined();
    expect(sniffWhole("a.ofd", broken).kind).toBe("zip");
  });

  it.each([
    ["a Windows program renamed to .pdf", "报告.pdf", bytes("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0")],
    ["an ELF program", "a.pdf", bytes("\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0")],
    ["HTML", "page.png", bytes("<!DOCTYPE html><script>alert(1)</script>")],
    ["SVG with a script", "logo.png", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ["text pretending to be a PDF", "整改报告.pdf", bytes("这不是 PDF 文件，只是文本", [])],
    ["a PDF signature not at the start", "a.pdf", bytes(" %PDF-1.4\n")],
    ["an empty file", "空.pdf", Buffer.alloc(0)],
    ["a RIFF that is not WEBP", "a.webp", bytes("RIFF\0\0\0\0WAVEfmt ")],
  ])("refuses %s, naming the file", (_what, name, file) => {
    const { code, message } = refusal(() => sniffWhole(name, file));
    expect(code).toBe("upload_type_not_allowed");
    expect(message).toContain(`“${name}”`);
    expect(message).toContain("PDF");
  });

  it("never crashes on random bytes, and classifies only what carries the magic of its kind", () => {
    const magicOf: Record<EvidenceMediaType["kind"], (b: Buffer) => boolean> = {
      pdf: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
      jpeg: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
      png: (b) => b.subarray(0, 8).equals(bytes([0x89], "PNG\r\n\x1a\n")),
      webp: (b) =>
        b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
      docx: (b) => b.readUInt32LE(0) === 0x04034b50,
      xlsx: (b) => b.readUInt32LE(0) === 0x04034b50,
      pptx: (b) => b.readUInt32LE(0) === 0x04034b50,
      ofd: (b) => b.readUInt32LE(0) === 0x04034b50,
      zip: (b) => b.readUInt32LE(0) === 0x04034b50,
    };
    const prefixes = fc.constantFrom(
      bytes(""),
      bytes("%PDF-"),
      bytes([0xff, 0xd8]),
      bytes("RIFF"),
      bytes("PK\x03\x04"),
      bytes("PK\x05\x06"),
      bytes([0x89], "PNG"),
    );
    fc.assert(
      fc.property(
        prefixes,
        fc.uint8Array({ maxLength: 300 }),
        fc.nat({ max: 400 }),
        (prefix, rest, extra) => {
          const file = Buffer.concat([prefix, Buffer.from(rest)]);
          let sniffed: EvidenceMediaType | undefined;
          try {
            sniffed = sniffMediaType("x", file.subarray(0, 16), { tail: file, size: file.length + extra });
          } catch (e) {
            expect(isDomainError(e) && e.code === "upload_type_not_allowed").toBe(true);
            expect(sniffMagic(file)).toBeUndefined();
            return;
          }
          expect(magicOf[sniffed.kind](file)).toBe(true);
          expect(sniffed.mediaType).toBe(MEDIA_TYPES[sniffed.kind]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never crashes reading a central directory from random or corrupted bytes", () => {
    const zip = buildZip([entry("[Content_Types].xml"), entry("word/document.xml"), entry("OFD.xml")]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: zip.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 8,
        }),
        fc.integer({ min: -50, max: 50 }),
        (flips, sizeShift) => {
          const damaged = Buffer.from(zip);
          for (const [at, value] of flips) damaged[at] = value;
          const names = zipEntryNames(damaged, Math.max(0, damaged.length + sizeShift));
          if (names !== undefined) expect(Array.isArray(names)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
