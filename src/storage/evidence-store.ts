// The evidence part of the storage interface (see store.ts): rows describing files (佐证材料) attached to progress
// reports. The content itself lives behind the EvidenceFiles port, addressed by sha256.

import type { Evidence } from "../domain/progress.ts";
import type { Scope } from "../domain/scope.ts";

/** An evidence row as uploaded: who uploaded it and when (ISO UTC); null for rows older than migration 0008. */
export interface EvidenceRecord extends Evidence {
  readonly uploadedBy: string | null;
  readonly uploadedAt: string | null;
}

/** An evidence row with the measure its progress report belongs to. */
export interface StoredEvidence extends EvidenceRecord {
  readonly measureId: string;
}

export interface EvidenceRepository {
  /** The evidence with this id, when the caller's scope sees its progress report's measure. */
  get(scope: Scope, id: string): Promise<StoredEvidence | undefined>;
  /** Inserts the rows (each names its progress report, which must exist). */
  insertMany(evidence: readonly EvidenceRecord[]): Promise<void>;
}
