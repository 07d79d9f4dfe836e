// The safety gate and first pass of an .xlsx import: refuses what is not a workbook (old .xls, an encrypted
// OLE file, anything else), zip bombs and lying archives, and recovers the merged ranges of every sheet
// from its XML — the streaming reader does not report them. Inflates each entry once, keeping nothing but
// the merge references, so memory stays bounded.

import type { FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { fromRandomAccessReader, RandomAccessReader, type Entry, type ZipFile } from "yauzl";
import { DomainError } from "../../domain/domain-error.ts";
import { openRegularFile } from "../read-regular-file.ts";
import { withCause } from "../with-cause.ts";

export interface XlsxLimits {
  /** Files larger than this are refused before reading. */
  readonly maxFileBytes: number;
  /** All entries together may not decompress past this. */
  readonly maxUncompressedBytes: number;
  /** An entry larger than `ratioExemptBytes` may not grow more than this many times. */
  readonly maxRatio: number;
  readonly ratioExemptBytes: number;
  readonly maxEntries: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioExemptBytes: 1024 * 1024,
  maxEntries: 10_000,
};

/** A merged range, 1-based and inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

const RESAVE = "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入";
const notXlsx = (file: string) =>
  new DomainError("not_xlsx", `${file} 不是 Excel 工作簿（.xlsx），未导入任何内容；${RESAVE}`);
const corrupt = (file: string) =>
  new DomainError("corrupt_xlsx", `${file}：Excel 文件已损坏（压缩包无法读取），未导入任何内容；${RESAVE}`);

/** Checks size and signature: a zip goes on; an OLE file is an encrypted workbook or an old .xls. */
async function checkXlsxSignature(
  handle: FileHandle,
  size: number,
  path: string,
  limits: XlsxLimits,
): Promise<void> {
  if (size > limits.maxFileBytes) {
    throw new DomainError(
      "file_too_large",
      `文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB，未读取：${path}`,
    );
  }
  const head = Buffer.alloc(Math.min(size, 1024 * 1024));
  await handle.read(head, 0, head.length, 0);
  if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    if (head.includes(ENCRYPTED_PACKAGE)) {
      throw new DomainError(
        "password_protected",
        `${path}：Excel 文件设置了打开密码（已加密），无法读取：请在 Excel 中取消密码后另存为 .xlsx 再导入`,
      );
    }
    throw new DomainError(
      "legacy_xls",
      `${path} 是旧版 .xls 格式的文件，请在 Excel 或 WPS 中另存为 .xlsx 再导入`,
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx(path);
}

/**
 * yauzl reading through the handle the file was checked on, never reopening the path; the handle stays its
 * opener's to close. Reads only inside the size the handle had when opened, however the file grows.
 */
class HandleReader extends RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    const handle = this.handle;
    let position = start;
    return new Readable({
      highWaterMark: 64 * 1024,
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const buffer = Buffer.alloc(length);
        handle.read(buffer, 0, length, position).then(
          ({ bytesRead }) => {
            position += bytesRead;
            // A file cut short ends the stream early; yauzl's byte count reports it as damage.
            this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
          },
          (e: Error) => this.destroy(e),
        );
      },
    });
  }
}

const parseCell = (ref: string): { row: number; col: number } | undefined => {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
};

/** "B4:B6" → range; a single cell or nonsense → undefined. */
export function parseRange(ref: string): MergeRange | undefined {
  const [a, b] = ref.split(":");
  const from = a === undefined ? undefined : parseCell(a);
  const to = b === undefined ? undefined : parseCell(b);
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

const MERGE_RE = /<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z$0-9:]+)"/g;
const COL_RE = /<(?:\w+:)?col\s[^>]*>/g;

/** Columns a `<col min max hidden="1">` element hides (bounded: a hidden range to column 16384 is common). */
function hiddenColumnsOf(element: string): number[] {
  if (!/\bhidden="(1|true)"/.test(element)) return [];
  const min = Number(/\bmin="(\d+)"/.exec(element)?.[1] ?? 0);
  const max = Math.min(Number(/\bmax="(\d+)"/.exec(element)?.[1] ?? 0), min + 200, 500);
  const out: number[] = [];
  for (let c = min; c >= 1 && c <= max; c++) out.push(c);
  return out;
}
const SHEET_ENTRY = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SMALL_TEXT_LIMIT = 16 * 1024 * 1024;

interface ScanState {
  /** The file as the user named it, for messages. */
  readonly file: string;
  total: number;
  entries: number;
  workbookXml?: string;
  relsXml?: string;
  merges: Map<string, MergeRange[]>;
}

function readEntry(
  zip: ZipFile,
  entry: Entry,
  limits: XlsxLimits,
  state: ScanState,
  onText?: (chunk: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(withCause(corrupt(state.file), err));
      const decoder = new TextDecoder("utf-8");
      stream.on("data", (chunk: Buffer) => {
        state.total += chunk.length;
        if (state.total > limits.maxUncompressedBytes) {
          stream.destroy();
          reject(
            new DomainError(
              "archive_too_large",
              `${state.file}：Excel 文件解压后过大，疑似压缩炸弹，已拒绝读取`,
            ),
          );
          return;
        }
        onText?.(decoder.decode(chunk, { stream: true }));
      });
      stream.on("error", (e) =>
        reject(
          withCause(
            new DomainError(
              "corrupt_xlsx",
              `${state.file}：Excel 文件已损坏（压缩数据与目录不符），未导入任何内容；${RESAVE}`,
            ),
            e,
          ),
        ),
      );
      stream.on("end", () => resolve());
    });
  });
}

function sheetNames(workbookXml: string | undefined, relsXml: string | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (relsXml ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const names = new Map<string, string>();
  for (const m of (workbookXml ?? "").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) names.set(`xl/${target}`, decodeXml(name));
  }
  return names;
}

const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** What the scan learnt: merged ranges by sheet name, and how many bytes the whole archive inflates to. */
export interface XlsxScan {
  readonly merges: Map<string, MergeRange[]>;
  /** Hidden columns (1-based) by sheet name; they are read like the others, only mentioned. */
  readonly hiddenColumns: Map<string, number[]>;
  readonly inflatedBytes: number;
}

/**
 * Checks the archive (entry count, sizes, ratios; actual sizes against the directory) and returns the
 * merged ranges of each sheet by sheet name. Throws DomainError for anything that is not a sound workbook.
 */
export async function scanXlsxArchive(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<XlsxScan> {
  const { handle, size } = await openRegularFile(path);
  try {
    await checkXlsxSignature(handle, size, path, limits);
    return await scanZip(handle, size, path, limits);
  } finally {
    await handle.close();
  }
}

async function scanZip(
  handle: FileHandle,
  size: number,
  path: string,
  limits: XlsxLimits,
): Promise<XlsxScan> {
  const zip = await new Promise<ZipFile>((resolve, reject) => {
    fromRandomAccessReader(
      new HandleReader(handle),
      size,
      { lazyEntries: true, autoClose: true, validateEntrySizes: true, strictFileNames: false },
      (err, z) => (err ? reject(withCause(corrupt(path), err)) : resolve(z)),
    );
  });
  const state: ScanState = { file: path, total: 0, entries: 0, merges: new Map() };
  const byPath = new Map<string, MergeRange[]>();
  const hiddenByPath = new Map<string, number[]>();
  await new Promise<void>((resolve, reject) => {
    const fail = (e: unknown) => {
      zip.close();
      reject(e instanceof DomainError ? e : withCause(corrupt(path), e));
    };
    zip.on("error", (e) => fail(withCause(corrupt(path), e)));
    zip.on("end", () => resolve());
    zip.on("entry", (entry: Entry) => {
      state.entries += 1;
      if (state.entries > limits.maxEntries)
        return fail(new DomainError("archive_too_large", `${path}：Excel 文件包含的部件过多，已拒绝读取`));
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > limits.ratioExemptBytes && ratio > limits.maxRatio) {
        return fail(
          new DomainError(
            "archive_ratio_too_high",
            `${path}：Excel 文件中的内容压缩比异常（超过 ${limits.maxRatio} 倍），疑似压缩炸弹，已拒绝读取`,
          ),
        );
      }
      const name = entry.fileName;
      let work: Promise<void>;
      if (name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels") {
        if (entry.uncompressedSize > SMALL_TEXT_LIMIT) return fail(notXlsx(path));
        let text = "";
        work = readEntry(zip, entry, limits, state, (t) => (text += t)).then(() => {
          if (name === "xl/workbook.xml") state.workbookXml = text;
          else state.relsXml = text;
        });
      } else if (SHEET_ENTRY.test(name)) {
        const ranges: MergeRange[] = [];
        const hidden = new Set<number>();
        let carry = "";
        let inData = false;
        work = readEntry(zip, entry, limits, state, (t) => {
          const text = carry + t;
          let consumed = 0;
          // <cols> precede <sheetData>; once the data starts only merges are looked for.
          if (!inData) {
            for (const m of text.matchAll(COL_RE)) for (const c of hiddenColumnsOf(m[0])) hidden.add(c);
            inData = /<(?:\w+:)?sheetData\b/.test(text);
          }
          for (const m of text.matchAll(MERGE_RE)) {
            const range = parseRange(m[1] as string);
            if (range) ranges.push(range);
            consumed = (m.index ?? 0) + m[0].length;
          }
          carry = text.slice(Math.max(consumed, text.length - 256));
        }).then(() => {
          byPath.set(name, ranges);
          hiddenByPath.set(
            name,
            [...hidden].sort((a, b) => a - b),
          );
        });
      } else if (name.endsWith("/")) {
        work = Promise.resolve();
      } else {
        work = readEntry(zip, entry, limits, state);
      }
      work.then(() => zip.readEntry(), fail);
    });
    zip.readEntry();
  });
  if (state.workbookXml === undefined) throw notXlsx(path);
  const names = sheetNames(state.workbookXml, state.relsXml);
  const sheetName = (entryPath: string) =>
    names.get(entryPath) ?? `Sheet${SHEET_ENTRY.exec(entryPath)?.[1] ?? ""}`;
  const merges = new Map<string, MergeRange[]>();
  for (const [entryPath, ranges] of byPath) merges.set(sheetName(entryPath), ranges);
  const hiddenColumns = new Map<string, number[]>();
  for (const [entryPath, columns] of hiddenByPath) hiddenColumns.set(sheetName(entryPath), columns);
  return { merges, hiddenColumns, inflatedBytes: state.total };
}
