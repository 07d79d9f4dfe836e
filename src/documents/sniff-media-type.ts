// What an uploaded evidence file really is, from its own bytes: magic numbers at the start and, for zip archives,
// the entry names of the central directory. Pure: never trusts a client's name or Content-Type, does no IO.

import { DomainError } from "../domain/domain-error.ts";

/** An allowed kind of evidence file, with the media type stored and served for it. */
export interface EvidenceMediaType {
  readonly kind: "pdf" | "jpeg" | "png" | "webp" | "docx" | "xlsx" | "pptx" | "ofd" | "zip";
  readonly mediaType: string;
}

/** What the first bytes say: a definite kind, "zip" (the central directory decides), or nothing allowed. */
export type Magic = "pdf" | "jpeg" | "png" | "webp" | "zip";

/** Bytes of the start that `sniffMagic` needs to decide. */
export const SNIFF_HEAD_BYTES = 16;

/**
 * Bytes of the end of a zip kept to read its central directory (about 15 000 entry names); a larger directory
 * leaves the archive a plain zip.
 */
export const SNIFF_ZIP_TAIL_BYTES = 1024 * 1024;

export const MEDIA_TYPES: Readonly<Record<EvidenceMediaType["kind"], string>> = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ofd: "application/ofd",
  zip: "application/zip",
};

const ALLOWED_WORDS = "PDF、JPG、PNG、WEBP、Word（.docx）、Excel（.xlsx）、PowerPoint（.pptx）、OFD、ZIP";

/** The refusal of a file whose bytes are of no allowed kind; names the file, never its content. */
export const typeNotAllowed = (name: string): DomainError =>
  new DomainError(
    "upload_type_not_allowed",
    `文件“${name}”不是允许上传的佐证材料类型（按文件内容识别，只接受 ${ALLOWED_WORDS}）`,
  );

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const PDF = ascii("%PDF-");
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF = ascii("RIFF");
const WEBP = ascii("WEBP");
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];

/** The kind the first bytes (at least SNIFF_HEAD_BYTES unless the file is shorter) prove, if any. */
export function sniffMagic(head: Uint8Array): Magic | undefined {
  if (startsWith(head, PDF)) return "pdf";
  if (startsWith(head, JPEG)) return "jpeg";
  if (startsWith(head, PNG)) return "png";
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return "webp";
  if (startsWith(head, ZIP_LOCAL)) return "zip";
  return undefined;
}

/**
 * The entry names of a zip's central directory, read from the last bytes of the file (`tail`) and the file's size;
 * undefined when the end-of-directory record is missing, the directory lies outside `tail`, or a record is broken.
 * Zip64 archives are read through their zip64 end record.
 */
export function zipEntryNames(tail: Uint8Array, fileSize: number): string[] | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = fileSize - tail.length;
  if (tailStart < 0) return undefined;
  // End of central directory: 22 bytes + a comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65_535; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let count = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // Zip64 locator just before the end record: signature, disk, offset of the zip64 end record (8 bytes), disks.
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) return undefined;
    const record = Number(view.getBigUint64(locator + 8, true)) - tailStart;
    if (record < 0 || record + 56 > tail.length || view.getUint32(record, true) !== 0x06064b50)
      return undefined;
    count = Number(view.getBigUint64(record + 32, true));
    directorySize = Number(view.getBigUint64(record + 40, true));
    directoryOffset = Number(view.getBigUint64(record + 48, true));
  }
  let at = directoryOffset - tailStart;
  if (at < 0 || at + directorySize > tail.length) return undefined;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > tail.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > tail.length) return undefined;
    names.push(decoder.decode(tail.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/**
 * What an archive with these entry names is: OOXML by its main part ([Content_Types].xml plus word/, xl/ or ppt/;
 * macro-enabled ones stay plain zips), OFD by OFD.xml at its root, else a plain zip.
 */
export function classifyZip(entryNames: readonly string[]): EvidenceMediaType["kind"] {
  const names = new Set(entryNames);
  const ooxml = names.has("[Content_Types].xml") && !entryNames.some((n) => n.endsWith("vbaProject.bin"));
  if (ooxml && names.has("word/document.xml")) return "docx";
  if (ooxml && names.has("xl/workbook.xml")) return "xlsx";
  if (ooxml && names.has("ppt/presentation.xml")) return "pptx";
  if (names.has("OFD.xml")) return "ofd";
  return "zip";
}

/**
 * The media type of a whole file: its magic, and for a zip its central directory (`zip.tail` = the last bytes,
 * up to SNIFF_ZIP_TAIL_BYTES; `zip.size` = the file's size). A zip whose directory cannot be read is a plain zip.
 * Throws `upload_type_not_allowed` naming `name` when the bytes are of no allowed kind.
 */
export function sniffMediaType(
  name: string,
  head: Uint8Array,
  zip?: { readonly tail: Uint8Array; readonly size: number },
): EvidenceMediaType {
  const magic = sniffMagic(head);
  if (magic === undefined) throw typeNotAllowed(name);
  const kind = magic === "zip" ? classifyZip((zip && zipEntryNames(zip.tail, zip.size)) ?? []) : magic;
  return { kind, mediaType: MEDIA_TYPES[kind] };
}
