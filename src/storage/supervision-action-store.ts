// The supervision register's part of the storage interface (see store.ts): the ladder's steps (督办通知, 告诫, 约谈)
// of an inspection, the numbers given to notices, and the unit's written replies.

import type { SupervisionAction, SupervisionReply } from "../domain/supervision-ladder.ts";

/** A notice's place in its numbering series: the issuing office (or team) and the year. */
export interface NumberSeries {
  readonly series: string;
  readonly year: number;
}

/**
 * Unscoped by design: every method takes an inspection or an action id the use case has already found in the
 * caller's scope (inspectionAccess), and the register answers nothing but that inspection's steps.
 */
export interface SupervisionActionRepository {
  /**
   * The next number of the series, counted under the series' row lock: call it inside the transaction that inserts the
   * notice, so that two issues at once never get the same number (the unique key on (series, year, seq) stands behind).
   */
  nextNumber(series: NumberSeries): Promise<number>;
  /** True when some step already carries this 发文字号. */
  docNumberTaken(docNumber: string): Promise<boolean>;
  /** Inserts the step and its chased measures; `number` places a system-numbered notice in its series. */
  insert(action: SupervisionAction, number: (NumberSeries & { readonly seq: number }) | null): Promise<void>;
  get(id: string): Promise<SupervisionAction | undefined>;
  /** The inspection's steps, oldest first (issued_on, then created_at). */
  listByInspection(inspectionId: string): Promise<SupervisionAction[]>;
  /** Records the reply once; false when the step already has one (or is not there). */
  recordReply(id: string, reply: SupervisionReply): Promise<boolean>;
}
