// The deadline profiles' part of the storage interface (see store.ts): one per inspection that left the defaults.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { DeadlineProfile } from "../domain/deadline-profile.ts";

/** Unscoped: the use case checks that the caller sees the inspection before reading or writing its profile. */
export interface DeadlineProfileRepository {
  /** The stored profile, or undefined while the defaults apply. */
  get(inspectionId: string): Promise<DeadlineProfile | undefined>;
  /**
   * Stores `profile` (its version is the new one) if the stored version still equals `expectedVersion` (0: none
   * stored yet), and writes the inspection's report due date and concentrated-period end with it; false when
   * someone else changed the profile first.
   */
  put(
    profile: DeadlineProfile,
    expectedVersion: number,
    dates: { reportDue: CalendarDate | null; concentratedEnd: CalendarDate | null },
  ): Promise<boolean>;
}
