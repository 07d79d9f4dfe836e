// The port through which evidence content (佐证材料) is stored and read, addressed by its sha-256; a disk folder
// today (src/runtime/disk-evidence-files.ts), an S3-compatible store later. Knows nothing of names or media types.

import type { Readable } from "node:stream";
import type { Deps } from "./deps.ts";

/** A file's content as stored: lower-case hex sha-256 and size in bytes. */
export interface StoredContent {
  readonly sha256: string;
  readonly size: number;
}

/** Content opened for reading, with the size the store holds (for Content-Length). */
export interface OpenedContent {
  readonly content: Readable;
  readonly size: number;
}

export interface EvidenceFiles {
  /**
   * Streams `source` into the store while hashing it, and keeps it under its sha-256 (once: the same content put
   * twice is stored once). Nothing is kept when `source` throws or exceeds `limitBytes`: the latter throws
   * `upload_too_large`. Never buffers the whole content.
   */
  put(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, limitBytes: number): Promise<StoredContent>;
  /** The content stored under `sha256`, or undefined when there is none (or `sha256` is not a sha-256). */
  open(sha256: string): Promise<OpenedContent | undefined>;
  has(sha256: string): Promise<boolean>;
}

/** Deps of the use cases that store or read evidence content. */
export interface EvidenceDeps extends Deps {
  readonly files: EvidenceFiles;
}
