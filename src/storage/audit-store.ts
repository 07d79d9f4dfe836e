// The audit trail's part of the storage interface (see store.ts): events, checkpoints, chain reports.

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly data: unknown;
  /** The HTTP request that made the change; stored inside the event's data as `requestId` (so it is hashed too). */
  readonly requestId?: string;
}

/**
 * How an event's hash was computed: `sha256` (no key: anyone who can write the database can recompute it;
 * the early, legacy events) or `hmac-sha256` (under the audit key, which is kept outside the database).
 */
export type AuditAlgorithm = "sha256" | "hmac-sha256";

export interface AuditEvent extends AuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly alg: AuditAlgorithm;
}

/**
 * A point of the chain: event `seq` has hash `hash` (seq 0 = the empty chain, 64 zeros). A checkpoint held
 * by a person (printed in a notice) may give only a prefix of the hash (at least 8 hex digits).
 */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
}

/** A checkpoint to compare with the chain, and where it comes from (a publication id, or "manual"). */
export interface AuditCheckpointClaim extends AuditCheckpoint {
  readonly source: string;
}

/**
 * What is wrong at the first broken link:
 * `hash_mismatch` the stored hash is not that of the event (edited, or wrong key);
 * `prev_link` the event does not point at the previous event's hash;
 * `seq_gap` events are missing (`seq` is the first missing one);
 * `head_mismatch` audit_head disagrees with the last event (events deleted, or the head rewritten);
 * `unkeyed_after_keyed` a plain sha-256 event after keyed ones (a downgrade);
 * `unkeyed_last` a key is configured but the newest event is not keyed;
 * `checkpoint_mismatch` a recorded or given checkpoint does not match the chain (rewritten or truncated).
 */
export type AuditBreakKind =
  | "hash_mismatch"
  | "prev_link"
  | "seq_gap"
  | "head_mismatch"
  | "unkeyed_after_keyed"
  | "unkeyed_last"
  | "checkpoint_mismatch";

export interface AuditBreak {
  readonly seq: number;
  readonly kind: AuditBreakKind;
  /** For `checkpoint_mismatch`: the checkpoint that failed (its source says which publication or "manual"). */
  readonly checkpoint?: AuditCheckpointClaim;
  /** For `head_mismatch`: the head row and the newest event (seq 0 = none). */
  readonly head?: AuditCheckpoint;
  readonly last?: AuditCheckpoint;
}

/** The result of walking the whole chain. */
export interface AuditChainReport {
  /** Events read. */
  readonly events: number;
  /** The audit_head row. */
  readonly head: AuditCheckpoint;
  /** Whether the store holds the key, i.e. keyed events could be recomputed. */
  readonly keyAvailable: boolean;
  /** Seq of the first keyed event; the events before it are legacy (unkeyed). Null when none is keyed. */
  readonly firstKeyedSeq: number | null;
  /** Keyed events whose HMAC was not recomputed because the store has no key. */
  readonly uncheckedKeyed: number;
  /** Checkpoints compared with the chain (found equal, or the one that failed). */
  readonly checkpointsChecked: number;
  /** The first broken link, or null. */
  readonly broken: AuditBreak | null;
}

export interface AuditRepository {
  /**
   * Appends to the hash chain: hash = HMAC-SHA256 under the audit key of the previous hash and the entry, or
   * plain sha-256 when the store has no key. Without a key, appending after a keyed event is refused
   * (DomainError `audit_key_required`): it would downgrade the chain.
   */
  append(entry: AuditEntry): Promise<AuditEvent>;
  listForEntity(entity: string, entityId: string): Promise<AuditEvent[]>;
  /** The newest event's seq and hash (seq 0 and the genesis hash for an empty chain). */
  head(): Promise<AuditCheckpoint>;
  /**
   * Cheap check for every write: audit_head against the newest event, that event's own hash, and the keyed
   * rules for it. Null when nothing is wrong there (the rest of the chain is not read).
   */
  checkHead(): Promise<AuditBreak | null>;
  /** Recomputes the whole chain in seq order, comparing the checkpoints on the way; stops at the first break. */
  verifyChain(options?: { checkpoints?: readonly AuditCheckpointClaim[] }): Promise<AuditChainReport>;
  /**
   * Recomputes the chain; returns the seq of the first broken link (or of the first keyed event when the
   * store lacks the key to check it), or null when intact.
   */
  verify(): Promise<number | null>;
}

/** A generated notice and its redaction record (what the public version left out, why, who approved). */
