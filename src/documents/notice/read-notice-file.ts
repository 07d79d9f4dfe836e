// The IO edge of the notice importer: a file path → plain text, one paragraph per line. Refuses what it
// cannot read safely (kind, size, format, zip bombs, documents too complex for mammoth) with a DomainError
// before parsing; every failure a file can cause is a DomainError with a Chinese message. Never parses notices.

import { extname } from "node:path";
import { extractRawText } from "mammoth";
import { DomainError } from "../../domain/domain-error.ts";
import { guardArchive } from "../archive-guard.ts";
import { readRegularFile } from "../read-regular-file.ts";
import { withCause } from "../with-cause.ts";
import { docxMarkupCounter } from "./docx-markup.ts";
import { docxText, type DocxParts } from "./docx-text.ts";
import { markdownToText } from "./markdown-to-text.ts";
import type { NoticeWarning } from "./notice-draft.ts";

export type NoticeFileFormat = "txt" | "md" | "docx";

export interface NoticeFile {
  readonly text: string;
  readonly format: NoticeFileFormat;
  readonly warnings: readonly NoticeWarning[];
}

/** Limits, exported for tests and the docs. */
export const NOTICE_FILE_LIMITS = {
  /** Files larger than this are refused before reading. */
  maxFileBytes: 20 * 1024 * 1024,
  /** A .docx whose entries would decompress past this is refused. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** An entry that would grow more than this many times is refused… */
  maxRatio: 100,
  /** …unless it is this small, where a high ratio is harmless (a run of spaces in a tiny XML part). */
  ratioExemptBytes: 64 * 1024,
  maxEntries: 2_000,
  /**
   * What mammoth may parse: the parts other than images, fonts and binaries may inflate to at most this, hold
   * at most this many XML elements, and this many attributes and text runs. Chosen from measurement (mammoth
   * keeps ~1.5 KB per element): at these limits a read stays under 400 MB and 5 s of CPU, see
   * docs/notice-json.md. A real notice's document.xml has a few thousand elements.
   */
  maxMarkupBytes: 16 * 1024 * 1024,
  maxMarkupElements: 100_000,
  maxMarkupNodes: 200_000,
} as const;

const UNSUPPORTED = new Set([".doc", ".wps", ".pdf", ".ofd", ".rtf", ".wpt", ".dot", ".et", ".xls", ".xlsx"]);
const FORMATS: Readonly<Record<string, NoticeFileFormat>> = {
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".docx": "docx",
};

/**
 * Reads a notice file (.txt/.md in UTF-8, UTF-8 with BOM or GB18030/GBK; .docx checked by mammoth, then read from
 * its XML by docx-text.ts so that Word's automatic numbering and tables reach the parser).
 */
export async function readNoticeFile(path: string): Promise<NoticeFile> {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (format === undefined || UNSUPPORTED.has(ext)) {
    throw new DomainError("unsupported_format", "不支持的格式，请另存为 .docx 或 .txt");
  }
  const bytes = await readRegularFile(path, NOTICE_FILE_LIMITS.maxFileBytes);
  if (format === "docx") return readDocx(bytes, path);
  const { text, warnings } = decodeText(bytes);
  return { text: format === "md" ? markdownToText(text) : text, format, warnings };
}

/**
 * Decodes bytes as UTF-8 (BOM or not) when they are valid UTF-8, else as GB18030 (a superset of GBK and
 * GB2312) when valid; otherwise with whichever decoding loses fewer bytes, replaced by U+FFFD and warned.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string; warnings: NoticeWarning[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith("utf-8", bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith("utf-16le", bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith("utf-16be", bytes.subarray(2));
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, warnings: [] };
    } catch {
      // not this encoding; try the next
    }
  }
  const utf8 = decodeWith("utf-8", bytes);
  const gb = decodeWith("gb18030", bytes);
  return replacements(gb.text) < replacements(utf8.text) ? gb : utf8;
}

const replacements = (s: string): number => s.split("\ufffd").length - 1;

function decodeWith(
  encoding: string,
  bytes: Uint8Array,
): { text: string; encoding: string; warnings: NoticeWarning[] } {
  const text = new TextDecoder(encoding).decode(bytes);
  const lost = replacements(text);
  const warnings: NoticeWarning[] =
    lost === 0
      ? []
      : [
          {
            code: "undecodable_bytes",
            message: `文件中有${lost}处无法识别的字符（按${encoding.toUpperCase()}解码），已替换为“\ufffd”`,
          },
        ];
  return { text, encoding, warnings };
}

const RESAVE = "请用 Word/WPS 重新另存为 .docx 后再导入";

// The parts our own reader needs (docx-text.ts); mammoth still reads the whole document first, so that a damaged
// one is refused with the same message whichever reader would have stumbled.
const PART_NAMES: Readonly<Record<string, keyof DocxParts>> = {
  "word/document.xml": "document",
  "word/numbering.xml": "numbering",
  "word/styles.xml": "styles",
  "word/footnotes.xml": "footnotes",
  "word/endnotes.xml": "endnotes",
};

async function readDocx(bytes: Buffer, path: string): Promise<NoticeFile> {
  const markup = docxMarkupCounter(NOTICE_FILE_LIMITS, path);
  const chunks = new Map<keyof DocxParts, Buffer[]>();
  await guardArchive(bytes, NOTICE_FILE_LIMITS, {
    what: "Word 文档",
    file: path,
    advice: RESAVE,
    observe: (name) => {
      const count = markup.observe(name);
      const part = PART_NAMES[name];
      if (part === undefined) return count;
      const kept: Buffer[] = [];
      chunks.set(part, kept);
      return (chunk) => {
        count(chunk); // throws past the markup limits before the chunk is kept
        kept.push(chunk);
      };
    },
  });
  markup.check();
  const result = await extractRawText({ buffer: bytes }).catch((e: unknown) => {
    // mammoth and its XML parser fail with their own words ("[xmldom error] entity not found", null.tagName…).
    throw withCause(new DomainError("corrupt_docx", `${path} 已损坏或不是有效的 Word 文档，${RESAVE}`), e);
  });
  const part = (name: keyof DocxParts): string => Buffer.concat(chunks.get(name) ?? []).toString("utf8");
  // A main document elsewhere than word/document.xml (named by _rels/.rels) is left to mammoth's text.
  const own = chunks.has("document")
    ? docxText({
        document: part("document"),
        numbering: part("numbering"),
        styles: part("styles"),
        footnotes: part("footnotes"),
        endnotes: part("endnotes"),
      })
    : null;
  // mammoth separates paragraphs with a blank line (ours may leave empty paragraphs); one paragraph a line.
  const text = (own?.text ?? result.value).replace(/\n{2,}/g, "\n").replace(/^\n/, "");
  const warnings: NoticeWarning[] = [];
  if (result.messages.length > 0)
    warnings.push({
      code: "docx_messages",
      message: `读取 .docx 时有${result.messages.length}条提示，部分格式可能未保留`,
    });
  const notes = own?.notes ?? [];
  if (notes.length > 0)
    warnings.push({
      code: "docx_notes",
      message: `文档有${notes.length}条脚注或尾注，未并入正文，请核对：${notes
        .map((n, i) => `（${i + 1}）${n}`)
        .join("")}`,
    });
  return { text, format: "docx", warnings };
}
