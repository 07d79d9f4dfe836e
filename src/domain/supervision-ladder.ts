// The steps of the supervision ladder after the warnings (督办通知 → 告诫 → 约谈): what a recorded step is, the
// system's 发文字号 of a 督办通知, whether a written reply came late, and when a 告诫 or 约谈 may follow. Pure.

import type { CalendarDate } from "./calendar-date.ts";

export const SUPERVISION_ACTION_KINDS = ["notice", "admonition", "talk"] as const;
/** notice 督办通知 (督办单); admonition 告诫; talk 约谈. */
export type SupervisionActionKind = (typeof SUPERVISION_ACTION_KINDS)[number];

export const SUPERVISION_ACTION_LABELS: Readonly<Record<SupervisionActionKind, string>> = {
  notice: "督办通知",
  admonition: "告诫",
  talk: "约谈",
};

/** A measure a step chased, as it stood that day. */
export interface ChasedMeasure {
  readonly measureId: string;
  /** The ladder's level on the day of the step. */
  readonly level: "overdue" | "red";
  readonly deadline: CalendarDate | null;
  readonly daysOverdue: number;
}

/** The unit's written reply to a 督办通知, as the unit office recorded it. */
export interface SupervisionReply {
  readonly receivedOn: CalendarDate;
  readonly summary: string;
  /** Where the reply or its evidence is kept (文号, file name, evidence id); null when none given. */
  readonly evidence: string | null;
  readonly recordedBy: string;
  /** ISO UTC. */
  readonly recordedAt: string;
}

/** What a 告诫 records: what the unit was warned about, and who was warned. */
export interface AdmonitionDetails {
  readonly content: string;
  readonly warned: readonly string[];
}

/** What a 约谈 records. `heldOn` is also the step's date. */
export interface TalkDetails {
  readonly heldOn: CalendarDate;
  readonly place: string;
  /** Who was talked to (names and posts). */
  readonly talkedTo: readonly string[];
  /** Who held the talk. */
  readonly heldBy: readonly string[];
  readonly summary: string;
  readonly followUp: string;
}

/** One recorded step of the ladder for an inspection. */
export interface SupervisionAction {
  readonly id: string;
  readonly inspectionId: string;
  readonly kind: SupervisionActionKind;
  /** 发文字号 of a 督办通知 (the system's, or the one the issuer gave); null for 告诫 and 约谈. */
  readonly docNumber: string | null;
  /** The date of the step: issue day of a notice or 告诫, the day a talk was held. */
  readonly issuedOn: CalendarDate;
  /** 书面回复时限 of a notice; null otherwise. */
  readonly replyBy: CalendarDate | null;
  /** The issuing oversight office (巡察办); null when the inspection records none. */
  readonly issuingOrgId: string | null;
  /** The issuer's name as printed or recorded. */
  readonly issuer: string;
  readonly actorId: string;
  /** ISO UTC. */
  readonly createdAt: string;
  /** sha-256 of the notice's file; null for 告诫 and 约谈. */
  readonly sha256: string | null;
  readonly measures: readonly ChasedMeasure[];
  readonly details: AdmonitionDetails | TalkDetails | null;
  readonly reply: SupervisionReply | null;
}

/** The system's 发文字号 of the n-th notice of a year: 市巡办〔2026〕3号 (GB/T 9704 cl. 7.2.5: 六角括号, no 第). */
export const supervisionDocNumber = (prefix: string, year: number, n: number): string =>
  `${prefix}〔${year}〕${n}号`;

/** The 机关代字 of a 发文字号 (text before the year's brackets), or null when it has none. */
export function docNumberPrefix(docNumber: string): string | null {
  const at = docNumber.indexOf("〔");
  return at > 0 ? docNumber.slice(0, at) : null;
}

/** The code of a reply's state: replied on time, late, still awaited within the time, or awaited past it. */
export type ReplyStatus = "replied" | "replied_late" | "awaiting" | "overdue";

export const REPLY_STATUS_LABELS: Readonly<Record<ReplyStatus, string>> = {
  replied: "已按时回复",
  replied_late: "逾期回复",
  awaiting: "待回复",
  overdue: "逾期未回复",
};

/** The reply state of a notice on `today`; null for steps that expect no reply. */
export function replyStatus(action: SupervisionAction, today: CalendarDate): ReplyStatus | null {
  if (action.kind !== "notice" || action.replyBy === null) return null;
  if (action.reply) return action.reply.receivedOn > action.replyBy ? "replied_late" : "replied";
  return today > action.replyBy ? "overdue" : "awaiting";
}

/** The latest step taken for one measure, as the ledger and the board show it beside the colour. */
export interface LadderStep {
  readonly kind: SupervisionActionKind;
  readonly actionId: string;
  readonly docNumber: string | null;
  readonly on: CalendarDate;
}

/** Orders steps by date, then by when they were recorded (a 约谈 held on the notice's day still comes after it). */
const later = (a: SupervisionAction, b: SupervisionAction): boolean =>
  a.issuedOn !== b.issuedOn ? a.issuedOn > b.issuedOn : a.createdAt > b.createdAt;

/** Each chased measure's latest step among `actions`. */
export function latestLadderSteps(actions: readonly SupervisionAction[]): Map<string, LadderStep> {
  const latest = new Map<string, SupervisionAction>();
  for (const action of actions) {
    for (const { measureId } of action.measures) {
      const seen = latest.get(measureId);
      if (!seen || later(action, seen)) latest.set(measureId, action);
    }
  }
  return new Map(
    [...latest].map(([measureId, a]) => [
      measureId,
      { kind: a.kind, actionId: a.id, docNumber: a.docNumber, on: a.issuedOn },
    ]),
  );
}

/** Why a measure may not be admonished or talked about yet. */
export type MissingStep = "not_overdue" | "no_notice" | "reply_time_running";

export interface EscalationCheck {
  /** The measures a 告诫 or 约谈 may cover now. */
  readonly eligible: readonly string[];
  /** The others, with the step still missing. */
  readonly refused: ReadonlyArray<{ readonly measureId: string; readonly missing: MissingStep }>;
}

/**
 * Which measures a 告诫 or 约谈 may cover on `today`: those still overdue (the ladder's judgement today) that a
 * 督办通知 chased and whose written reply time has run out (today after its reply date), whether or not the unit
 * replied — the unit was told in writing and given its time first. `requested` narrows the check to those measures
 * (default: every overdue one).
 */
export function checkEscalation(options: {
  readonly actions: readonly SupervisionAction[];
  readonly overdueMeasureIds: ReadonlySet<string>;
  readonly today: CalendarDate;
  readonly requested?: readonly string[];
}): EscalationCheck {
  const { actions, overdueMeasureIds, today } = options;
  const noticeEnded = new Map<string, boolean>();
  for (const a of actions) {
    if (a.kind !== "notice" || a.replyBy === null) continue;
    for (const { measureId } of a.measures) {
      noticeEnded.set(measureId, (noticeEnded.get(measureId) ?? false) || today > a.replyBy);
    }
  }
  const eligible: string[] = [];
  const refused: Array<{ measureId: string; missing: MissingStep }> = [];
  for (const measureId of options.requested ?? [...overdueMeasureIds]) {
    const ended = noticeEnded.get(measureId);
    if (!overdueMeasureIds.has(measureId)) refused.push({ measureId, missing: "not_overdue" });
    else if (ended === undefined) refused.push({ measureId, missing: "no_notice" });
    else if (!ended) refused.push({ measureId, missing: "reply_time_running" });
    else eligible.push(measureId);
  }
  return { eligible, refused };
}

export const MISSING_STEP_LABELS: Readonly<Record<MissingStep, string>> = {
  not_overdue: "该措施目前未逾期",
  no_notice: "尚未对该措施下发督办通知",
  reply_time_running: "督办通知的书面回复时限尚未届满",
};
