// Facts of evidence content (佐证材料) shared by the use cases and the stores behind the files port: how a content
// address looks, and the refusal of content over a byte limit.

import { DomainError } from "./domain-error.ts";

/** A content address: lower-case hex sha-256. Nothing else ever becomes part of a stored file's path. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Bytes as MB with one decimal, for messages. */
export const megabytes = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The refusal of content over a byte limit; names the file when known. */
export const uploadTooLarge = (limitBytes: number, name?: string): DomainError =>
  new DomainError(
    "upload_too_large",
    name === undefined
      ? `上传的文件超过大小上限（${megabytes(limitBytes)}）`
      : `文件“${name}”超过大小上限（${megabytes(limitBytes)}），未上传`,
  );
