import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_UPLOAD_NAME_CHARS,
  sanitizeUploadName,
  UNNAMED_UPLOAD,
  withKindExtension,
} from "./upload-name.ts";

describe("sanitizeUploadName", () => {
  it.each([
    ["../../etc/passwd", "passwd"],
    ["..\\..\\Windows\\system.ini", "system.ini"],
    ["..\\x", "x"],
    ["C:\\Users\\张三\\桌面\\整改报告.pdf", "整改报告.pdf"],
    ["..", UNNAMED_UPLOAD],
    [".", UNNAMED_UPLOAD],
    ["", UNNAMED_UPLOAD],
    ["a/b/", UNNAMED_UPLOAD],
    ["evil\u0000.pdf", "evil.pdf"],
    ["line\r\nbreak.pdf", "linebreak.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ['a<b>c:"d|e?f*.pdf', "a_b_c__d_e_f_.pdf"],
    ["  .hidden.pdf. ", "hidden.pdf"],
    ["第一季度整改进展（附件1）.docx", "第一季度整改进展（附件1）.docx"],
  ])("makes %j into %j", (raw, safe) => {
    expect(sanitizeUploadName(raw)).toBe(safe);
  });

  it("caps a very long name at 120 characters and keeps its extension", () => {
    const long = `${"整改".repeat(200)}.pdf`;
    const safe = sanitizeUploadName(long);
    expect([...safe]).toHaveLength(MAX_UPLOAD_NAME_CHARS);
    expect(safe.endsWith(".pdf")).toBe(true);
    expect(safe.startsWith("整改整改")).toBe(true);
  });

  it("never yields a path separator, control character, a dot-only name or an over-long name", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const safe = sanitizeUploadName(raw);
        expect(safe).not.toMatch(/[/\\\p{Cc}]/u);
        expect(safe).not.toMatch(/^\.*$/);
        expect([...safe].length).toBeLessThanOrEqual(MAX_UPLOAD_NAME_CHARS);
        expect(safe.startsWith(".")).toBe(false);
        // Always encodable for a Content-Disposition header (no lone surrogates).
        expect(() => encodeURIComponent(safe)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe("withKindExtension", () => {
  it("keeps a matching extension and appends the sniffed one otherwise", () => {
    expect(withKindExtension("现场照片.JPEG", "jpeg")).toBe("现场照片.JPEG");
    expect(withKindExtension("扫描件.pdf", "png")).toBe("扫描件.pdf.png");
    expect(withKindExtension(UNNAMED_UPLOAD, "ofd")).toBe(`${UNNAMED_UPLOAD}.ofd`);
    const long = "长".repeat(MAX_UPLOAD_NAME_CHARS);
    expect([...withKindExtension(long, "docx")]).toHaveLength(MAX_UPLOAD_NAME_CHARS);
    expect(withKindExtension(long, "docx").endsWith(".docx")).toBe(true);
  });
});
