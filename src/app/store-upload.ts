// Stores one uploaded file through the files port as it arrives: sniffed on its first bytes (a refused kind stops
// the upload before more is read), counted against the per-file and per-request limits, named safely. Knows no HTTP.

import { DomainError } from "../domain/domain-error.ts";
import { megabytes, uploadTooLarge } from "../domain/evidence-content.ts";
import {
  SNIFF_HEAD_BYTES,
  SNIFF_ZIP_TAIL_BYTES,
  sniffMagic,
  sniffMediaType,
  typeNotAllowed,
  type EvidenceMediaType,
} from "../documents/sniff-media-type.ts";
import { sanitizeUploadName, withKindExtension } from "../documents/upload-name.ts";
import type { EvidenceFiles } from "./evidence-files.ts";

/** A file as stored: its content address, size, sniffed media type and sanitised name. */
export interface UploadedFile {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  readonly name: string;
}

/** One file as it arrives. */
export interface IncomingFile {
  /** The client's file name (only ever a label, sanitised here). */
  readonly name: string;
  readonly chunks: AsyncIterable<Uint8Array>;
  /** True when the transport cut the file at its own size limit (it must not be stored cut short). */
  readonly truncated: () => boolean;
}

export interface UploadRoom {
  /** Largest single file, bytes. */
  readonly fileBytes: number;
  /** Bytes still allowed in this request. */
  readonly roomBytes: number;
  /** The per-request total, for the message. */
  readonly totalBytes: number;
}

const totalTooLarge = (totalBytes: number): DomainError =>
  new DomainError("upload_too_large", `本次上传的文件合计超过上限（${megabytes(totalBytes)}），请分次上传`);

/** Stores `file` (refusing kinds not allowed and sizes over the limits) and describes what was stored. */
export async function storeUpload(
  files: EvidenceFiles,
  file: IncomingFile,
  room: UploadRoom,
): Promise<UploadedFile> {
  const name = sanitizeUploadName(file.name);
  const sniffed: { type?: EvidenceMediaType } = {};
  const stored = await files.put(
    inspected(file, name, room, sniffed),
    Math.min(room.fileBytes, room.roomBytes),
  );
  const type = sniffed.type;
  if (type === undefined) throw typeNotAllowed(name);
  return { ...stored, mediaType: type.mediaType, name: withKindExtension(name, type.kind) };
}

/**
 * The file's bytes as they pass, sniffed on the first SNIFF_HEAD_BYTES and counted against the limits; for a zip,
 * the last bytes are kept to read its central directory at the end. Sets `out.type` once the whole file has passed.
 */
async function* inspected(
  file: IncomingFile,
  name: string,
  room: UploadRoom,
  out: { type?: EvidenceMediaType },
): AsyncGenerator<Uint8Array> {
  let head = new Uint8Array(0);
  let sniffed = false;
  let isZip = false;
  const tail = tailKeeper(SNIFF_ZIP_TAIL_BYTES);
  let size = 0;
  const pass = (chunk: Uint8Array): Uint8Array => {
    if (isZip) tail.push(chunk);
    return chunk;
  };
  for await (const chunk of file.chunks) {
    size += chunk.length;
    if (size > room.fileBytes) throw uploadTooLarge(room.fileBytes, name);
    if (size > room.roomBytes) throw totalTooLarge(room.totalBytes);
    if (sniffed) {
      yield pass(chunk);
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < SNIFF_HEAD_BYTES) continue;
    const magic = sniffMagic(head);
    if (magic === undefined) throw typeNotAllowed(name);
    sniffed = true;
    isZip = magic === "zip";
    yield pass(head);
  }
  if (file.truncated()) throw uploadTooLarge(room.fileBytes, name);
  if (!sniffed) {
    const magic = sniffMagic(head);
    if (magic === undefined) throw typeNotAllowed(name);
    isZip = magic === "zip";
    yield pass(head);
  }
  out.type = sniffMediaType(name, head, isZip ? { tail: tail.bytes(), size } : undefined);
}

/** Keeps the last `max` bytes of what passes (plus at most one chunk more until the end). */
function tailKeeper(max: number): { push(chunk: Uint8Array): void; bytes(): Uint8Array } {
  const chunks: Uint8Array[] = [];
  let held = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      held += chunk.length;
      while (chunks.length > 1 && held - (chunks[0]?.length ?? 0) >= max) held -= chunks.shift()?.length ?? 0;
    },
    bytes() {
      const all = Buffer.concat(chunks);
      return all.length > max ? all.subarray(all.length - max) : all;
    },
  };
}
