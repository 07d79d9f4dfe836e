// The words of warning notifications and of the daily digest (每日汇总): one message per person per day gathering
// their items, grouped by inspection and then by level, most urgent first. Pure text building.

import type { CalendarDate } from "./calendar-date.ts";
import { WARNING_LEVEL_LABELS } from "./deadline-warning.ts";
import { BOARD_LEVELS, type BoardLevel } from "./warning-board.ts";

/** What a warning notification says about one measure. */
export interface WarningFacts {
  readonly level: BoardLevel;
  readonly unitName: string;
  readonly problemTitle: string;
  readonly measureText: string;
  readonly deadline: CalendarDate;
  readonly daysLeft: number;
  readonly daysOverdue: number;
  readonly basis: "working" | "calendar";
  /** The part the recipient plays (责任人, 责任领导…). */
  readonly partLabel: string;
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

const when = (f: WarningFacts): string =>
  f.level === "overdue"
    ? `已逾期${f.daysOverdue}天`
    : f.daysLeft === 0
      ? "今日到期"
      : `距整改时限还有${f.daysLeft}${f.basis === "working" ? "个工作日" : "天"}`;

/** Subject and text of one warning notification. */
export function warningMessage(f: WarningFacts): { subject: string; text: string } {
  const label = WARNING_LEVEL_LABELS[f.level];
  return {
    subject: `【${label}】${f.unitName}：${clip(f.measureText, 40)}`,
    text: [
      `${f.unitName}整改措施${label}（${when(f)}，整改时限${f.deadline}）。`,
      `问题：${clip(f.problemTitle, 120)}`,
      `措施：${clip(f.measureText, 300)}`,
      `您作为${f.partLabel}收到此提醒；同一措施同一预警等级只提醒一次。`,
    ].join("\n"),
  };
}

/** One item of a digest: a notification of the day. */
export interface DigestItem {
  readonly inspectionId: string | null;
  /** How the inspection is named in the digest (the inspected unit); items without one go under 其他. */
  readonly inspectionName: string;
  readonly level: BoardLevel | null;
  readonly subject: string;
}

export interface DigestGroup {
  readonly inspectionId: string | null;
  readonly inspectionName: string;
  readonly levels: ReadonlyArray<{ readonly level: BoardLevel | null; readonly subjects: readonly string[] }>;
}

/** Items grouped by inspection (first seen first) and, inside, by level (overdue, red, yellow, green, others). */
export function groupDigest(items: readonly DigestItem[]): DigestGroup[] {
  const byInspection = new Map<string, { id: string | null; name: string; items: DigestItem[] }>();
  for (const item of items) {
    const key = item.inspectionId ?? "";
    const group = byInspection.get(key);
    if (group === undefined)
      byInspection.set(key, { id: item.inspectionId, name: item.inspectionName, items: [item] });
    else group.items.push(item);
  }
  const order: Array<BoardLevel | null> = [...BOARD_LEVELS, null];
  return [...byInspection.values()].map((g) => ({
    inspectionId: g.id,
    inspectionName: g.name,
    levels: order
      .map((level) => ({
        level,
        subjects: g.items.filter((i) => i.level === level).map((i) => i.subject),
      }))
      .filter((l) => l.subjects.length > 0),
  }));
}

/** The digest of one person's day: one subject line, and the groups as text. */
export function digestMessage(
  day: CalendarDate,
  items: readonly DigestItem[],
): { subject: string; text: string } {
  const lines: string[] = [`${day} 整改督办提醒汇总，共${items.length}条：`];
  for (const group of groupDigest(items)) {
    lines.push("", `■ ${group.inspectionName}`);
    for (const l of group.levels) {
      lines.push(`  ${l.level === null ? "其他" : WARNING_LEVEL_LABELS[l.level]}（${l.subjects.length}条）`);
      for (const s of l.subjects) lines.push(`    · ${s}`);
    }
  }
  return { subject: `整改督办每日汇总（${day}，${items.length}条）`, text: lines.join("\n") };
}
