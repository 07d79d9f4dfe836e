// Reads a multipart request: text fields, and files streamed one by one into the EvidenceFiles port (never held
// whole in memory), each sniffed from its own bytes and refused unless of an allowed kind. Refusals are
// DomainErrors with Chinese messages naming the file; the client's Content-Type and extension are never trusted.

import type { MultipartValue } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { EvidenceFiles } from "../app/evidence-files.ts";
import { storeUpload, type UploadedFile } from "../app/store-upload.ts";
import { DomainError } from "../domain/domain-error.ts";

export type { UploadedFile } from "../app/store-upload.ts";

export interface UploadReadLimits {
  /** Largest single file, bytes (at most the registered multipart limit, config uploadFileMb). */
  readonly fileBytes: number;
  /** Most files in one request (config uploadFiles). */
  readonly files: number;
  /** Most bytes of all files of one request together. */
  readonly totalBytes: number;
  /** Fewest files the request must carry (default 0); fewer is `upload_missing_file`. */
  readonly minFiles?: number;
}

export interface UploadedForm {
  readonly fields: Record<string, string>;
  readonly files: UploadedFile[];
}

const notMultipart = (): DomainError =>
  new DomainError("upload_not_multipart", "请以 multipart/form-data 格式提交表单和文件");

const tooManyFiles = (files: number): DomainError =>
  new DomainError("upload_too_many_files", `一次最多上传 ${files} 个文件`);

const tooManyParts = (): DomainError =>
  new DomainError("upload_too_many_parts", "表单的字段或部分过多，请减少后重试");

const fieldTooLarge = (name: string): DomainError =>
  new DomainError("upload_too_large", `表单字段“${name}”的内容过长`);

const duplicateField = (name: string): DomainError =>
  new DomainError("invalid_input", `表单字段“${name}”重复出现`, [
    { path: name, code: "duplicate", message: "字段重复出现" },
  ]);

/** What the multipart plugin throws for its limits, by its error code. */
const LIMIT_ERRORS: Readonly<Record<string, (limits: UploadReadLimits) => DomainError>> = {
  FST_FILES_LIMIT: (limits) => tooManyFiles(limits.files),
  FST_PARTS_LIMIT: () => tooManyParts(),
  FST_FIELDS_LIMIT: () => tooManyParts(),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => notMultipart(),
};

/**
 * Reads the whole multipart request: fields as text, files into `files` (sniffed, limited, sanitised names).
 * Files are stored as they arrive; when a later part is refused, the content already stored stays as unreferenced
 * content (docs/evidence.md).
 */
export async function readUploads(
  request: FastifyRequest,
  files: EvidenceFiles,
  limits: UploadReadLimits,
): Promise<UploadedForm> {
  if (!request.isMultipart()) throw notMultipart();
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  const uploaded: UploadedFile[] = [];
  let totalBytes = 0;
  try {
    const parts = request.parts({ limits: { fileSize: limits.fileBytes, files: limits.files } });
    for await (const part of parts) {
      if (part.type === "field") {
        const field: MultipartValue<unknown> = part;
        if (field.valueTruncated) throw fieldTooLarge(field.fieldname);
        if (Object.hasOwn(fields, field.fieldname)) throw duplicateField(field.fieldname);
        fields[field.fieldname] = typeof field.value === "string" ? field.value : JSON.stringify(field.value);
        continue;
      }
      const file = part;
      const chunks = (file.file as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      const first = await chunks.next();
      // An empty file input of a browser form (no file chosen) arrives as a part without name or bytes.
      if (first.done === true && file.filename === "") continue;
      if (uploaded.length >= limits.files) throw tooManyFiles(limits.files);
      const stored = await storeUpload(
        files,
        { name: file.filename, chunks: resumed(first, chunks), truncated: () => file.file.truncated },
        {
          fileBytes: limits.fileBytes,
          roomBytes: limits.totalBytes - totalBytes,
          totalBytes: limits.totalBytes,
        },
      );
      totalBytes += stored.size;
      uploaded.push(stored);
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const translate = typeof code === "string" ? LIMIT_ERRORS[code] : undefined;
    throw translate ? translate(limits) : e;
  }
  if (uploaded.length < (limits.minFiles ?? 0)) {
    throw new DomainError("upload_missing_file", "请至少上传一个佐证材料文件");
  }
  return { fields: { ...fields }, files: uploaded };
}

/** The chunks of `rest` after the one already read; stopping early ends (destroys) the part's stream. */
async function* resumed(first: IteratorResult<Buffer>, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  let done = first.done === true;
  try {
    if (!done) yield first.value as Buffer;
    while (!done) {
      const next = await rest.next();
      done = next.done === true;
      if (!done) yield next.value as Buffer;
    }
  } finally {
    if (!done) await rest.return?.();
  }
}
