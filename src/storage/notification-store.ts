// The notifications' part of the storage interface (see store.ts): the in-app inbox, the outbox of deliveries,
// per-person preferences, the organisations' robots, and the scheduler's lease and run records. Every insert that
// could repeat (a restart, a second node) carries a dedupe key and is an insert-or-ignore.

import type { CalendarDate } from "../domain/calendar-date.ts";
import type { Scope } from "../domain/scope.ts";
import type { DirectoryAccount } from "../domain/warning-recipients.ts";
import type { BoardLevel } from "../domain/warning-board.ts";

/** The channel kinds, as the app's notification port names them. */
export type ChannelKindName = "email" | "dingtalk" | "wecom" | "feishu" | "webhook";

/** One message in a person's inbox. */
export interface Notification {
  readonly id: string;
  readonly recipientId: string;
  /** `warning` (督办预警) for now. */
  readonly kind: string;
  readonly subject: string;
  readonly text: string;
  /** Path inside zhenggai (`/inspections/…`), absolute only when sent out. */
  readonly link: string | null;
  readonly inspectionId: string | null;
  readonly measureId: string | null;
  readonly level: BoardLevel | null;
  /** Unique over all notifications: the same event for the same person is stored once. */
  readonly dedupeKey: string;
  /** The recipient wanted a daily digest when it was created: channels get it in the digest, not alone. */
  readonly viaDigest: boolean;
  /** The day of the digest that carried it out (null: not yet, or not a digest item). */
  readonly digestDay: CalendarDate | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface NotificationRepository {
  /** Inserts unless a notification with its dedupe key exists; true when this call inserted it. */
  insertOnce(notification: Notification): Promise<boolean>;
  /** Which of these dedupe keys are already stored (a cheap look before a run's inserts). */
  existingKeys(keys: readonly string[]): Promise<Set<string>>;
  /** The recipient's own, newest first, at most `limit`; only unread ones when asked. */
  listForRecipient(
    recipientId: string,
    query: { unreadOnly: boolean; limit: number; before?: { createdAt: string; id: string } },
  ): Promise<Notification[]>;
  countUnread(recipientId: string): Promise<number>;
  /** Marks one of the recipient's own read (keeps the first read time); false when it is not theirs. */
  markRead(recipientId: string, id: string, at: string): Promise<boolean>;
  /** Marks all the recipient's unread read; how many. */
  markAllRead(recipientId: string, at: string): Promise<number>;
  /** Users with digest items not yet carried by a digest, created before `before` (ISO UTC). */
  digestRecipients(before: string): Promise<string[]>;
  /**
   * Gives the recipient's undigested items created before `before` to the digest of `day` and returns every item of
   * that day's digest (those taken now and by an earlier call), oldest first.
   */
  takeForDigest(
    recipientId: string,
    day: CalendarDate,
    before: string,
  ): Promise<Array<Notification & { unitName: string | null }>>;
}

export type DeliveryState = "pending" | "sent" | "failed" | "dead";

/** One message to send through one channel (the outbox). */
export interface Delivery {
  readonly id: string;
  readonly notificationId: string | null;
  /** Set for a digest: the day it gathers. */
  readonly digestDay: CalendarDate | null;
  readonly recipientId: string | null;
  /** The organisation robot it goes to (its URL and secret are read at sending time). */
  readonly targetId: string | null;
  readonly channel: ChannelKindName;
  /** The email address; for a robot, empty (the target holds it). */
  readonly address: string;
  readonly subject: string;
  readonly text: string;
  readonly link: string | null;
  /** Unique per channel. */
  readonly dedupeKey: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly nextAttemptAt: string;
  /** Redacted: no address, secret or URL query. */
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

export interface DeliveryRepository {
  /** Inserts unless the channel already has one with its dedupe key; true when inserted. */
  insertOnce(delivery: Delivery): Promise<boolean>;
  /** Which of these dedupe keys some delivery already has, whatever its channel. */
  existingKeys(keys: readonly string[]): Promise<Set<string>>;
  /**
   * Claims up to `limit` deliveries due at `now` (pending or failed, next attempt reached, not claimed by a live
   * claim) for `holder` until `until`, each by a conditional update: two nodes never claim the same one.
   */
  claimDue(now: string, holder: string, until: string, limit: number): Promise<Delivery[]>;
  /** Records an attempt's outcome, only while `holder` still holds the claim; false otherwise. */
  finish(
    id: string,
    holder: string,
    outcome:
      { state: "sent"; at: string } | { state: "failed" | "dead"; error: string; nextAttemptAt: string },
  ): Promise<boolean>;
  /** For the administrator: by state (newest first), at most `limit`. */
  list(query: { states: readonly DeliveryState[]; limit: number }): Promise<Delivery[]>;
  get(id: string): Promise<Delivery | undefined>;
  /** A failed or dead delivery is made due again now (attempts kept); false if it is in another state. */
  retry(id: string, now: string): Promise<boolean>;
}

export interface NotificationPreference {
  readonly userId: string;
  /** immediate: each item is sent when it arrives; daily_digest: one message a day gathering them. */
  readonly mode: "immediate" | "daily_digest";
  readonly emailEnabled: boolean;
  readonly email: string | null;
  /** Null while the defaults apply (immediate, email off). */
  readonly updatedAt: string | null;
}

export interface NotificationPreferenceRepository {
  get(userId: string): Promise<NotificationPreference | undefined>;
  /** Several at once (the warning job reads those of every recipient of a run). */
  getMany(userIds: readonly string[]): Promise<NotificationPreference[]>;
  put(preference: NotificationPreference): Promise<void>;
}

/** An organisation's robot (DingTalk, WeCom, Feishu group robot, or a generic webhook), set by an administrator. */
export interface NotificationTarget {
  readonly id: string;
  readonly orgId: string;
  readonly kind: Exclude<ChannelKindName, "email">;
  readonly url: string;
  /** Never answered by the API: only whether it is set. */
  readonly secret: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

export interface NotificationTargetRepository {
  /** With each target's org path (a robot of an org posts the warnings of the units below it). */
  list(): Promise<Array<NotificationTarget & { orgPath: string; orgName: string }>>;
  get(id: string): Promise<NotificationTarget | undefined>;
  /** One robot per org and kind: inserts, or replaces the url and secret of the existing one; returns the stored. */
  put(target: NotificationTarget): Promise<NotificationTarget>;
  delete(id: string): Promise<boolean>;
}

/** An open measure on the warning ladder's input, with what the messages and the recipient rules need. */
export interface MeasureToJudge {
  readonly id: string;
  readonly inspectionId: string;
  readonly kind: "immediate" | "time_limited" | "long_term";
  readonly state: "draft" | "in_progress" | "submitted" | "returned" | "closed";
  readonly deadline: CalendarDate | null;
  readonly originalDeadline: CalendarDate | null;
  readonly text: string;
  readonly problemTitle: string;
  readonly personId: string | null;
  readonly leadLeaderId: string | null;
  readonly departmentPath: string | null;
  readonly unitName: string;
  readonly unitPath: string;
}

export interface SchedulerRepository {
  /**
   * Takes or renews the lease `name` for `holder` until `until`, in one conditional statement: granted when nobody
   * holds it, `holder` already does, or the holder's lease ran out before `now`.
   */
  takeLease(name: string, holder: string, now: string, until: string): Promise<boolean>;
  /** Who holds the lease `name` and until when (it may have run out), for diagnostics. */
  lease(name: string): Promise<{ holder: string; expiresAt: string } | undefined>;
  /** Gives the lease up (only the holder's). */
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Claims the run of `job` for `periodKey`: true when this call recorded it, or took over a run left unfinished
   * whose start is before `staleBefore` (its node died). A finished run is never claimed again.
   */
  claimRun(
    job: string,
    periodKey: string,
    holder: string,
    now: string,
    staleBefore: string,
  ): Promise<boolean>;
  finishRun(job: string, periodKey: string, holder: string, at: string, summary: string): Promise<void>;
  /** The newest finished period of `job` (period keys sort by date), or null. */
  lastFinished(job: string): Promise<string | null>;
  /** Finished runs of `job` (period, finished, summary), newest first. */
  runs(
    job: string,
    limit: number,
  ): Promise<Array<{ periodKey: string; doneAt: string | null; summary: string | null }>>;
  /** Enabled accounts with their grants and org paths: the warning rules' directory. */
  directory(): Promise<DirectoryAccount[]>;
  /** Open, dated measures on the ladder's input in scope (examples never), by id after `afterId`, at most `limit`. */
  measuresToJudge(scope: Scope, page: { afterId: string | null; limit: number }): Promise<MeasureToJudge[]>;
}
