// The public notices' part of the storage interface (see store.ts): what a unit published to the public page and its
// withdrawal. The files themselves live behind the files port (sha-256 addressed), as evidence does.

import type { CalendarDate } from "../domain/calendar-date.ts";

/** One rendered file of a public notice. */
export interface PublicNoticeFile {
  readonly sha256: string;
  readonly size: number;
  /** The generation recorded in `publications` that made it. */
  readonly publicationId: string;
}

export interface PublicNotice {
  readonly id: string;
  readonly inspectionId: string;
  readonly unitId: string;
  /** The unit's name as published. */
  readonly unitName: string;
  readonly title: string;
  readonly issuedOn: CalendarDate;
  readonly layout: "status" | "aspect";
  /** The public-supervision block (监督联系方式) printed in the notice; null when it has none. */
  readonly contact: string | null;
  readonly docx: PublicNoticeFile;
  readonly html: PublicNoticeFile;
  readonly publishedBy: string;
  readonly publishedByName: string;
  /** ISO UTC. */
  readonly publishedAt: string;
  readonly withdrawal: { readonly at: string; readonly by: string; readonly reason: string } | null;
  /**
   * The leader's sign-off when the notice went through approval (公开通报审批): the request, and who approved it at
   * `publishedAt`; `publishedBy` is then the submitter. Null when an administrator published it directly.
   */
  readonly approval: { readonly requestId: string; readonly by: string; readonly byName: string } | null;
}

/** Where a page of the public list starts: after this notice in newest-first order. */
export interface PublicNoticePosition {
  readonly publishedAt: string;
  readonly id: string;
}

/** What the public list may be narrowed to (both optional, both must hold). */
export interface PublicNoticeFilter {
  /** Notices of this unit only. */
  readonly unitId?: string;
  /** Each word occurs, literally and ignoring case, in the title or in the unit's name as published. */
  readonly words?: readonly string[];
}

/** A unit with notices on the public page: how many (not withdrawn) and when it last published. */
export interface PublishedUnit {
  readonly unitId: string;
  /** Its name on its newest notice (a unit renamed between two notices is listed once, by its later name). */
  readonly unitName: string;
  readonly noticeCount: number;
  /** The newest 成文日期 among its notices. */
  readonly latestIssuedOn: CalendarDate;
  /** ISO UTC. */
  readonly latestPublishedAt: string;
}

/**
 * Unscoped on purpose: published notices are public by definition, and the use cases check the inspection's scope
 * before anyone publishes or withdraws. Nothing here reads the ledger.
 */
export interface PublicNoticeRepository {
  insert(notice: PublicNotice): Promise<void>;
  /** By id, withdrawn or not (the use cases decide what a withdrawn one shows). */
  get(id: string): Promise<PublicNotice | undefined>;
  /**
   * Those not withdrawn that pass `filter`, newest first (published_at, then id, descending), after `after`, at most
   * `limit`.
   */
  listPublished(page: {
    after: PublicNoticePosition | null;
    limit: number;
    filter?: PublicNoticeFilter;
  }): Promise<PublicNotice[]>;
  /** Every unit with at least one notice not withdrawn, in no particular order (one aggregate over the table). */
  listPublishedUnits(): Promise<PublishedUnit[]>;
  /** Every notice of the inspection, withdrawn ones too, newest first. */
  listByInspection(inspectionId: string): Promise<PublicNotice[]>;
  /** Marks it withdrawn; false when it was already withdrawn (or does not exist). */
  withdraw(id: string, withdrawal: { at: string; by: string; reason: string }): Promise<boolean>;
}
