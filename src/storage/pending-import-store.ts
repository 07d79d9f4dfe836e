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
}

export interface PendingImportRepository {
  insert(pending: PendingImport): Promise<void>;
  /** By id, whoever staged it and whether it expired (the use case decides). */
  get(id: string): Promise<PendingImport | undefined>;
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
