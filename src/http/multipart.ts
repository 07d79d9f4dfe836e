// Multipart uploads (evidence, documents to import): one registration with bounded sizes and counts, so that no route
// can be sent an unbounded body. Routes read parts with request.parts() / request.file().

import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";

export interface UploadLimits {
  /** Largest single file, bytes. */
  readonly fileBytes: number;
  /** Most files in one request. */
  readonly files: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { fileBytes: 20 * 1024 * 1024, files: 10 };

export function registerMultipart(app: FastifyInstance, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): void {
  void app.register(multipart, {
    // A file over the limit fails the request (413) instead of arriving truncated.
    throwFileSizeLimit: true,
    limits: {
      fileSize: limits.fileBytes,
      files: limits.files,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: limits.files + 20,
      headerPairs: 200,
    },
  });
}
