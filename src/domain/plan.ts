// The rectification plan (整改方案): leading group, meetings held, next-step plan items.

import type { CalendarDate } from "./calendar-date.ts";

export interface LeadingGroup {
  readonly inspectionId: string;
  /** 组长, e.g. 党组书记杨建. */
  readonly leader: string;
  readonly members: readonly string[];
}

export interface PlanMeeting {
  readonly id: string;
  readonly inspectionId: string;
  readonly heldOn: CalendarDate | null;
  readonly title: string;
}

/** 下一步计划 and long-term mechanisms (长效机制). */
export interface PlanItem {
  readonly id: string;
  readonly inspectionId: string;
  readonly seq: number;
  readonly text: string;
  readonly deadline: CalendarDate | null;
}

/** One paragraph of 整改工作组织情况 as the unit wrote it: a run-in sub-heading （一）… when it has one. */
export interface NarrativeParagraph {
  /** The sub-heading's own words without its number ("提高政治站位，强化组织领导。"), or null for a plain paragraph. */
  readonly heading: string | null;
  /** The text after the sub-heading (or the whole paragraph); counts are placeholders, see narrative-counts.ts. */
  readonly text: string;
}

/**
 * The unit's own words around the ledger's facts, written back into the notice it generates: the issuing body's full
 * name, the organisation section, the plan's lead sentence and the public-supervision contact. Stored as imported (or
 * written), with counts as placeholders so that every number in a generated notice is still computed.
 */
export interface NoticeNarrative {
  readonly inspectionId: string;
  /** The issuing body's full name (中共无锡市文学艺术界联合会党组); the unit's name is the short form. */
  readonly issuerName: string | null;
  readonly organisation: readonly NarrativeParagraph[];
  /** 三、下一步… lead sentence before the numbered items. */
  readonly planLead: string | null;
  /** The public-supervision contact block as written (欢迎…监督。联系电话：…). */
  readonly contact: string | null;
}

/** The plan of one inspection as the ledger holds it. */
export interface LedgerPlan {
  readonly leadingGroup: LeadingGroup | undefined;
  readonly meetings: PlanMeeting[];
  readonly items: PlanItem[];
}
