// One official document in the format asked for: .docx, Markdown, HTML, or PDF through a converter given by the
// caller (LibreOffice behind it). Shared by every generated document (通报, 督办通知); no IO of its own.

import { DomainError } from "../../domain/domain-error.ts";
import type { OfficialDocument } from "./official-document.ts";
import { writeDocx } from "./write-docx.ts";
import { writeHtml } from "./write-html.ts";
import { writeMarkdown } from "./write-markdown.ts";

/** .docx bytes → PDF bytes (LibreOffice behind it: src/runtime/libreoffice-pdf.ts). */
export type PdfConverter = (docx: Uint8Array) => Promise<Uint8Array>;

export type OfficialFormat = "docx" | "md" | "html" | "pdf";

/** `pdf` undefined: a PDF is refused with pdf_converter_missing (a deployment without LibreOffice). */
export async function renderOfficialDocument(
  document: OfficialDocument,
  format: OfficialFormat,
  grid: "portable" | "word" | undefined,
  pdf: PdfConverter | undefined,
): Promise<Uint8Array> {
  switch (format) {
    case "md":
      return new TextEncoder().encode(writeMarkdown(document));
    case "html":
      return new TextEncoder().encode(writeHtml(document));
    case "docx":
      return new Uint8Array(await writeDocx(document, grid ? { grid } : {}));
    case "pdf": {
      if (pdf === undefined) {
        throw new DomainError(
          "pdf_converter_missing",
          "本服务未配置 PDF 转换（LibreOffice），请改为生成 .docx",
        );
      }
      // The PDF is made from the portable grid: LibreOffice lays Word's character grid out at ~14 characters a line.
      return pdf(new Uint8Array(await writeDocx(document, { grid: "portable" })));
    }
  }
}
