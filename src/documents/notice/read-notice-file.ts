// The IO edge of the notice importer: a file path → plain text, one paragraph per line. Refuses what it
// cannot read safely (size, format, zip bombs) with a DomainError before reading; never parses notices.

import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { extractRawText } from "mammoth";
import { open as openZip, type Entry, type ZipFile } from "yauzl";
import { DomainError } from "../../domain/domain-error.ts";
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
} as const;

const UNSUPPORTED = new Set([".doc", ".wps", ".pdf", ".ofd", ".rtf", ".wpt", ".dot", ".et", ".xls", ".xlsx"]);
const FORMATS: Readonly<Record<string, NoticeFileFormat>> = { ".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx" };

/** Reads a notice file (.txt/.md in UTF-8, UTF-8 with BOM or GB18030/GBK; .docx via mammoth). */
export async function readNoticeFile(path: string): Promise<NoticeFile> {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (format === undefined || UNSUPPORTED.has(ext)) {
    throw new DomainError("unsupported_format", "不支持的格式，请另存为 .docx 或 .txt");
  }
  const info = await stat(path);
  if (info.size > NOTICE_FILE_LIMITS.maxFileBytes) {
    throw new DomainError("file_too_large", "文件超过 20 MB，未读取");
  }
  if (format === "docx") return readDocx(path);
  const { text, warnings } = decodeText(await readFile(path));
  return { text: format === "md" ? markdownToText(text) : text, format, warnings };
}

/**
 * Decodes bytes as UTF-8 (BOM or not) when they are valid UTF-8, else as GB18030 (a superset of GBK and
 * GB2312) when valid; otherwise with whichever decoding loses fewer bytes, replaced by U+FFFD and warned.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string; warnings: NoticeWarning[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith("utf-8", bytes.subarray(3));
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

function decodeWith(encoding: string, bytes: Uint8Array): { text: string; encoding: string; warnings: NoticeWarning[] } {
  const text = new TextDecoder(encoding).decode(bytes);
  const lost = replacements(text);
  const warnings: NoticeWarning[] =
    lost === 0 ? [] : [{ code: "undecodable_bytes", message: `文件中有${lost}处无法识别的字符（按${encoding.toUpperCase()}解码），已替换为“\ufffd”` }];
  return { text, encoding, warnings };
}

async function readDocx(path: string): Promise<NoticeFile> {
  await checkArchive(path);
  const result = await extractRawText({ path });
  // mammoth separates paragraphs with a blank line; one paragraph per line is what the parser reads.
  const text = result.value.replace(/\n{2,}/g, "\n");
  const warnings: NoticeWarning[] =
    result.messages.length === 0 ? [] : [{ code: "docx_messages", message: `读取 .docx 时有${result.messages.length}条提示，部分格式可能未保留` }];
  return { text, format: "docx", warnings };
}

/** Inspects the zip central directory (no decompression) and refuses archives that would inflate too far. */
export async function checkArchive(path: string): Promise<void> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    openZip(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true }, (err, z) => {
      if (err) reject(new DomainError("invalid_docx", "文件不是有效的 .docx（无法读取压缩包目录）"));
      else resolve(z);
    });
  });
  await new Promise<void>((resolve, reject) => {
    let total = 0;
    const fail = (e: DomainError): void => {
      zip.close();
      reject(e);
    };
    zip.on("entry", (entry: Entry) => {
      total += entry.uncompressedSize;
      if (total > NOTICE_FILE_LIMITS.maxUncompressedBytes) {
        fail(new DomainError("archive_too_large", "文档解压后将超过 100 MB，已拒绝读取"));
        return;
      }
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > NOTICE_FILE_LIMITS.ratioExemptBytes && ratio > NOTICE_FILE_LIMITS.maxRatio) {
        fail(new DomainError("archive_ratio_too_high", "文档中的内容压缩比异常（超过 100 倍），疑似压缩炸弹，已拒绝读取"));
        return;
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", () => fail(new DomainError("invalid_docx", "文件不是有效的 .docx（压缩包目录损坏）")));
    zip.readEntry();
  });
}
