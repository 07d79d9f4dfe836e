// Facts about the inspection from a notice's title and opening paragraphs: regime, team, target unit,
// on-site period and feedback date; issuer and signature. Reads text only; invents nothing.

import type { CalendarDate } from "../../domain/calendar-date.ts";
import type { NoticeInspection, NoticeInspectionKind } from "./notice-draft.ts";
import type { NoticeLine } from "./normalize-text.ts";
import { scanDates } from "./notice-dates.ts";

const KIND_WORDS: readonly (readonly [NoticeInspectionKind, RegExp])[] = [
  ["巡视", /巡视/],
  ["巡察", /巡察/],
  ["审计", /审计/],
  ["督察", /督察|督查/],
];

/** 回头看 wins (it names the round); otherwise the regime word that occurs first. */
export function inspectionKind(text: string): NoticeInspectionKind {
  if (/回头看/.test(text)) return "回头看";
  let best: { kind: NoticeInspectionKind; at: number } | undefined;
  for (const [kind, re] of KIND_WORDS) {
    const at = text.search(re);
    if (at >= 0 && (best === undefined || at < best.at)) best = { kind, at };
  }
  return best?.kind ?? "其他";
}

const REGIME = "巡视|巡察|审计|督察|督查|检查|回头看|督导";
// "…，市委第八巡察组对市文联党组进行了巡察": the target stops at the verb (or 具体组织的 in audits).
const WHO_ON_WHOM = new RegExp(
  `(?<![针相绝核面])对([^，。；]{2,40}?)(?:具体组织的|组织的|进行了?|开展了?|实施了?|的|(?=\\d{4}\\s*年))[^。]*?(?:${REGIME})`,
);
const TEAM_FALLBACK = /[\u4e00-\u9fff]{2,16}?第[一二三四五六七八九十\d]{1,3}(?:巡视|巡察|督察|督导|检查)组/;
const LEADING_DATES = /^.*(?:\d|[〇一二三四五六七八九十])\s*[日号](?:至今)?/;

function teamBefore(sentence: string, at: number): string | null {
  const segments = sentence.slice(0, at).split(/[，、；：]/);
  let team = (segments.pop() ?? "")
    .replace(LEADING_DATES, "")
    .replace(/^(?:由|经|根据|按照)/, "")
    .trim();
  if (team === "")
    team = (segments.pop() ?? "")
      .replace(LEADING_DATES, "")
      .replace(/(?:派出|组成|抽调|成立|牵头).*$/, "")
      .trim();
  return team === "" || team.length > 30 ? null : team;
}

export interface InspectionInput {
  readonly title: string | null;
  readonly intro: readonly string[];
  readonly unitName?: string;
}

/** The inspection as the title and intro describe it; fields not written are null. */
export function readInspection({ title, intro, unitName }: InspectionInput): NoticeInspection {
  const text = intro.join("\n");
  const kind = inspectionKind(`${title ?? ""}\n${text}`);
  let team: string | null = null;
  let target: string | null = null;
  for (const sentence of text.split(/[。\n]/)) {
    const m = WHO_ON_WHOM.exec(sentence);
    if (!m) continue;
    target = (m[1] as string).trim();
    team = teamBefore(sentence, m.index);
    break;
  }
  team ??= TEAM_FALLBACK.exec(text)?.[0] ?? null;
  target ??= unitName ?? null;

  const dates = scanDates(text);
  const start = dates.find((d) => d.role === "start");
  const end = start ? dates.find((d) => d.role === "end" && d.index === start.index) : undefined;
  const onsiteStart = start?.date ?? entryDate(text, dates);
  return {
    kind,
    team,
    target,
    onsiteStart,
    onsiteEnd: end?.date ?? null,
    feedbackDate: feedbackDate(text, dates),
  };
}

// "于3月6日进驻" when no range is written.
function entryDate(text: string, dates: ReturnType<typeof scanDates>): CalendarDate | null {
  const at = text.search(/进驻/);
  if (at < 0) return null;
  const before = dates.filter((d) => d.role === "single" && d.end <= at && sameSentence(text, d.end, at));
  return before[before.length - 1]?.date ?? null;
}

const sameSentence = (text: string, a: number, b: number): boolean =>
  !/[。\n]/.test(text.slice(Math.min(a, b), Math.max(a, b)));

/** The single date nearest before 反馈 in the same sentence (else the first after it). */
function feedbackDate(text: string, dates: ReturnType<typeof scanDates>): CalendarDate | null {
  for (const m of text.matchAll(/反馈/g)) {
    const at = m.index;
    const singles = dates.filter((d) => d.role === "single" && sameSentence(text, d.index, at));
    const before = singles.filter((d) => d.end <= at);
    const chosen = before[before.length - 1] ?? singles.find((d) => d.index > at);
    if (chosen) return chosen.date;
  }
  return null;
}

const DATE_LINE =
  /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;
const ORG_LINE = /^[\u4e00-\u9fff（）]{2,40}$/;

export interface Signature {
  readonly body: NoticeLine[];
  readonly signatory: string | null;
  readonly issuedOn: CalendarDate | null;
}

/** Takes the signature (organisation line, date line) off the end of the notice. */
export function splitSignature(lines: readonly NoticeLine[]): Signature {
  const body = [...lines];
  let issuedOn: CalendarDate | null = null;
  let signatory: string | null = null;
  const last = body[body.length - 1];
  if (last && DATE_LINE.test(last.text)) {
    issuedOn = scanDates(last.text)[0]?.date ?? null;
    body.pop();
    const org = body[body.length - 1];
    if (org && ORG_LINE.test(org.text) && !/^[一二三四五六七八九十]+、/.test(org.text)) {
      signatory = org.text;
      body.pop();
    }
  }
  return { body, signatory, issuedOn };
}

/** The issuing organisation: the title's text before 关于 ("中共…党组关于…的通报"). */
export function issuerFromTitle(title: string | null): string | null {
  if (title === null) return null;
  const at = title.indexOf("关于");
  return at > 1 ? title.slice(0, at) : null;
}
