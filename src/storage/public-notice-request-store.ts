// The approval requests' part of the storage interface (see store.ts): an office asks for a public notice to be
// published (公开通报审批), with the files generated at submission; a leader approves or returns it, the submitter may
// cancel it. The files live behind the files port (sha-256 addressed), as the published notice's do.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { Scope } from "../domain/scope.ts";
import type { PublicNotice } from "./public-notice-store.ts";

export type PublicNoticeRequestState = "pending" | "approved" | "returned" | "cancelled";

/** The options the request was submitted with, as the publish request takes them (stored as JSON). */
export interface PublicNoticeRequestOptions {
  readonly layout: "status" | "aspect";
  readonly issuedOn: CalendarDate;
  /** The 版头/版记 fields typed for this notice (over the unit's settings), as validated. */
  readonly official: Readonly<Record<string, unknown>> | null;
}

/**
 * The notice as generated at submission — unit (its name then), title, 成文日期, layout, contact block and both files
 * — is what approving publishes: the leader approves exactly these bytes.
 */
export interface PublicNoticeRequest extends Pick<
  PublicNotice,
  "inspectionId" | "unitId" | "unitName" | "title" | "issuedOn" | "layout" | "contact" | "docx" | "html"
> {
  readonly id: string;
  readonly options: PublicNoticeRequestOptions;
  readonly submittedBy: string;
  readonly submittedByName: string;
  /** ISO UTC. */
  readonly submittedAt: string;
  readonly state: PublicNoticeRequestState;
  /** Who approved, returned or cancelled it, when, and why (a return's reason is required); null while pending. */
  readonly decision: {
    readonly at: string;
    readonly by: string;
    readonly byName: string;
    readonly reason: string | null;
  } | null;
  /** The notice its approval published. */
  readonly publicNoticeId: string | null;
}

/**
 * `get` and `listByInspection` are unscoped: the use cases check the inspection's scope first and compare the
 * request's inspection. `listPending` reads across inspections, so it takes the caller's scope.
 */
export interface PublicNoticeRequestRepository {
  /**
   * Inserts a pending request unless its inspection already has one; true when inserted. The database decides
   * (a unique key), so two submissions at once leave one request.
   */
  insertPending(request: PublicNoticeRequest): Promise<boolean>;
  get(id: string): Promise<PublicNoticeRequest | undefined>;
  /** Every request of the inspection, newest first. */
  listByInspection(inspectionId: string): Promise<PublicNoticeRequest[]>;
  /** The pending requests of the inspections visible in `scope` (examples too), oldest first, at most `limit`. */
  listPending(scope: Scope, limit: number): Promise<PublicNoticeRequest[]>;
  /**
   * Ends a pending request: approved (with the notice it published), returned or cancelled; false when it is not
   * pending any more (decided by someone else first).
   */
  decide(
    id: string,
    outcome: {
      readonly state: Exclude<PublicNoticeRequestState, "pending">;
      readonly decision: NonNullable<PublicNoticeRequest["decision"]>;
      readonly publicNoticeId: string | null;
    },
  ): Promise<boolean>;
}
