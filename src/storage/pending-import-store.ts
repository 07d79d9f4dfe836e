// The pending imports' part of the storage interface (see store.ts): uploads parsed and previewed, waiting for
// their uploader to confirm or discard them.

/** One staged import. `input` and `preview` are JSON values the store keeps as they are. */
export interface PendingImport {
  readonly id: string;
  readonly userId: string;
  /** The org the ledger will belong to (the inspected unit). */
  readonly unitId: string;
  readonly kind: "notice" | "ledger";
  readonly fileName: string;
  /** sha-256 (hex) of the uploaded file. */
  readonly fileSha256: string;
  /** The validated ledger input that confirming creates. */
  readonly input: unknown;
  readonly preview: unknown;
  /** False when the file had invalid rows that were not to be skipped: confirming is refused. */
  readonly confirmable: boolean;
  /** ISO UTC. */
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly confirmedAt: string | null;
  /** The inspection the confirmation created. */
  readonly inspectionId: string | null;
  /** A workbook read leaving invalid rows out (kept to read it again the same way). */
  readonly skipInvalid: boolean;
  /** Starts at 1; each stored correction adds one (optimistic concurrency). */
  readonly version: number;
  /** The corrections made so far, oldest first (JSON the store keeps as it is). */
  readonly corrections: unknown;
  /** The corrections made and then undone, in the order they were undone (JSON the store keeps as it is). */
  readonly undoneCorrections: unknown;
}

/** What a correction replaces of a staged import. */
export interface PendingImportRevision {
  readonly input: unknown;
  readonly preview: unknown;
  readonly confirmable: boolean;
  readonly corrections: unknown;
  readonly undoneCorrections: unknown;
}

export interface PendingImportRepository {
  /** `upload`: the uploaded bytes, kept for a workbook so that it can be read again with another column mapping. */
  insert(pending: PendingImport, upload?: Uint8Array): Promise<void>;
  /** By id, whoever staged it and whether it expired (the use case decides). */
  get(id: string): Promise<PendingImport | undefined>;
  /** The bytes stored with the import (undefined when none were, or there is no such import). */
  getUpload(id: string): Promise<Uint8Array | undefined>;
  /**
   * Replaces input, preview and both correction lists and adds one to the version, only if the import is the user's,
   * unconfirmed, not expired at `now` and still at `expectedVersion`; false otherwise (nothing changed).
   */
  revise(
    id: string,
    userId: string,
    expectedVersion: number,
    revision: PendingImportRevision,
    now: string,
  ): Promise<boolean>;
  /** Unconfirmed imports of the user that have not expired at `now`. */
  countOpen(userId: string, now: string): Promise<number>;
  /**
   * Marks the import confirmed, only if it is the user's, unconfirmed and not expired at `now`; false otherwise.
   * Inside a transaction the row stays locked, so of two concurrent confirmations exactly one claims it.
   */
  claim(id: string, userId: string, now: string): Promise<boolean>;
  /** Records the inspection a claimed import created (same transaction as the claim). */
  setInspection(id: string, inspectionId: string): Promise<void>;
  /** Deletes the user's unconfirmed import; false when there is none. */
  discard(id: string, userId: string): Promise<boolean>;
  /** Deletes every import (confirmed or not) that expired at or before `now`; returns how many. */
  deleteExpired(now: string): Promise<number>;
}
