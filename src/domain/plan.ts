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
