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
  // "市审计局党组关于市委巡察…": a regime word inside a body's name (审计局, 巡察办) names the body, not the
  // review; it counts only when nothing else names one.
  return firstKind(text.replace(REGIME_IN_NAME, (m) => "　".repeat(m.length))) ?? firstKind(text) ?? "其他";
}

const REGIME_IN_NAME = /(?:巡视|巡察|审计|督察|督查)(?:局|厅|署|处|科|室|中心|机关|办公室|办|工作领导小组)/g;

function firstKind(text: string): NoticeInspectionKind | null {
  let best: { kind: NoticeInspectionKind; at: number } | undefined;
  for (const [kind, re] of KIND_WORDS) {
    const at = text.search(re);
    if (at >= 0 && (best === undefined || at < best.at)) best = { kind, at };
  }
  return best?.kind ?? null;
}

const REGIME = "巡视|巡察|审计|督察|督查|检查|回头看|督导";
// "…，市委第八巡察组对市文联党组进行了巡察": the target stops at the verb (or 具体组织的 in audits).
const WHO_ON_WHOM = new RegExp(
  `(?<![针相绝核面])对([^，。；]{2,40}?)(?:具体组织的|组织的|进行了?|开展了?|实施了?|的|(?=\\d{4}\\s*年))[^。]*?(?:${REGIME})`,
);
const TEAM_FALLBACK = /[\u4e00-\u9fff]{2,16}?第[一二三四五六七八九十\d]{1,3}(?:巡视|巡察|督察|督导|检查)组/;
// "县委第一巡察组于2023年10月至12月", "贵局于2023年4月10日进点": the when after the who.
const TRAILING_WHEN =
  /(?:于|在|自|从)\s*(?:\d{4}|[〇零一二三四五六七八九]{4}|\d{1,2}\s*月|同年|今年|本年|当年|近期).*$/;
const LEADING_DATES = /^.*(?:\d|[〇一二三四五六七八九十])\s*[日号](?:至今)?/;

function teamBefore(sentence: string, at: number): string | null {
  const segments = sentence.slice(0, at).split(/[，、；：]/);
  let team = (segments.pop() ?? "")
    .replace(TRAILING_WHEN, "")
    .replace(LEADING_DATES, "")
    .replace(/^(?:由|经|根据|按照)/, "")
    .trim();
  if (team === "")
    team = (segments.pop() ?? "")
      .replace(TRAILING_WHEN, "")
      .replace(LEADING_DATES, "")
      .replace(/(?:派出|组成|抽调|成立|牵头).*$/, "")
      .trim();
  return team === "" || team.length > 30 ? null : team;
}

export interface InspectionInput {
  readonly title: string | null;
  readonly intro: readonly string[];
  readonly unitName?: string;
  /** The issuing unit from the title, which "我局/我校/我公司" in the text stands for. */
  readonly issuer?: string | null;
  /** The body the report is addressed to ("市审计局："), which "贵局" stands for. */
  readonly addressee?: string | null;
}

export interface InspectionFacts {
  readonly inspection: NoticeInspection;
  /**
   * Sentences about an earlier round (the regular inspection a 回头看 follows up): their dates and counts are
   * not the current inspection's.
   */
  readonly earlierRound: readonly string[];
  /** What the text says about the inspection but too vaguely to fill a field (Chinese, for a warning). */
  readonly notes: readonly string[];
}

// "2023年10月至12月": a period given to the month only; its days are unknown and never invented.
const MONTH_RANGE =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?!\s*(?:\d|[一二三四五六七八九十])+\s*[日号])(?:\s*(?:至|到|—{1,2}|–|-|~|～)\s*(?:(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?!\s*(?:\d|[一二三四五六七八九十])+\s*[日号]))?/;

// "我局", "我校", "我公司": the unit speaks of itself; its name is in the title. "我院原院长任期经济责任
// 履行情况": what follows the unit is what was audited of it.
const SELF =
  /^我(?:们)?(校|局|院|委|厅|办|司|公司|集团|行|部|单位|镇|乡|街道|县|区|市|省|中心|所|站|馆|社|会|处|室|党组|党委|委员会)/;
// "贵局", "贵厅": the addressee.
const YOU = /^贵(?:局|厅|署|办|委|单位|处)$/;
const ORG_END = /(?:组|局|厅|署|委员会|办公室|委|办|中心|机关|政府|党组|党委|部|院)$/;

const SUBSIDIARY = /^(?:[\u4e00-\u9fff]{0,6}?(?:所属|下属))(?=[\u4e00-\u9fff]{4,})/;

/** The inspection as the title and intro describe it; fields not written are null. */
export function readInspection(input: InspectionInput): NoticeInspection {
  return readInspectionFacts(input).inspection;
}

/** The inspection and the sentences about an earlier round that must not be read as the current one. */
export function readInspectionFacts({
  title,
  intro,
  unitName,
  issuer,
  addressee,
}: InspectionInput): InspectionFacts {
  const text = intro.join("\n");
  const kind = inspectionKind(`${title ?? ""}\n${text}`);
  const sentences = text.split(/(?<=[。\n])/);
  const rounds = sentences
    .map((sentence, i) => ({ sentence, i, m: WHO_ON_WHOM.exec(sentence) }))
    .filter((r) => r.m !== null);
  // A 回头看 names the earlier regular round too: the current inspection is the sentence that says 回头看.
  const chosen = (kind === "回头看" ? rounds.find((r) => /回头看/.test(r.sentence)) : undefined) ?? rounds[0];
  // Rounds named before the current one are earlier; in a 回头看, so is any round that does not say 回头看, wherever it
  // is told ("…此前，2021年县委第三巡察组曾对…开展常规巡察，反馈问题12个" after the current round).
  const earlierRound =
    chosen === undefined
      ? []
      : rounds
          .filter(
            (r) => r.i < chosen.i || (r.i > chosen.i && kind === "回头看" && !/回头看/.test(r.sentence)),
          )
          .map((r) => r.sentence);
  let team: string | null = null;
  let target: string | null = null;
  if (chosen?.m) {
    // "对集团所属澄江港务有限公司党支部": 所属/下属 says whose subsidiary it is; the target is the unit itself.
    target = (chosen.m[1] as string).trim().replace(SUBSIDIARY, "");
    team = teamBefore(chosen.sentence, chosen.m.index);
  }
  if (team !== null && YOU.test(team)) team = addressee ?? null;
  if (team !== null && !ORG_END.test(team)) team = null;
  const titleTeam = numberedTeam(title ?? "");
  // "县委巡察组" in the text, "县委第五巡察组" in the title: the title names it exactly.
  if (titleTeam !== null && (team === null || (!/第/.test(team) && titleTeam.endsWith(team.slice(-3)))))
    team = titleTeam;
  team ??= numberedTeam(text);
  if (team === null && kind === "审计" && addressee) team = addressee;
  // "关于市委第四巡察组对市档案馆党组巡察反馈意见…的通报": the title names whom.
  target ??= TITLE_TARGET.exec(title ?? "")?.[1] ?? null;
  target ??= unitName ?? null;

  const scope =
    chosen === undefined
      ? text
      : sentences
          .slice(chosen.i)
          .filter((t) => !earlierRound.includes(t))
          .join("");
  const dates = scanDates(scope, lastDate(sentences.slice(0, chosen?.i ?? 0).join("")));
  const start = dates.find((d) => d.role === "start");
  const end = start ? dates.find((d) => d.role === "end" && d.index === start.index) : undefined;
  const notes: string[] = [];
  const self = target === null ? null : SELF.exec(target);
  if (self && target !== null) {
    // "对我省开展督察" in a county's report: the inspected body is a level above the issuer; the county's own
    // ledger is what is imported, so the issuer stands in for it, and the reader is told.
    const level = self[1] as string;
    if (issuer && /^(?:省|市|县|区|镇|乡|街道)$/.test(level) && !issuer.endsWith(level))
      notes.push(
        `文中被检查对象写作“${target}”，与发文单位“${issuer}”不是同一层级，已按发文单位填写，请核对`,
      );
    target = issuer ?? null;
  }
  const onsiteStart = start?.date ?? cuedDate(scope, dates, ENTRY);
  const feedback = feedbackDate(scope, dates);
  const vague = MONTH_RANGE.exec(scope);
  if (vague && (onsiteStart === null || feedback === null))
    notes.push(`“${vague[0]}”只写到月份，具体日期未填写`);
  if (earlierRound.length > 0)
    notes.push(`文中还写到更早一轮（${earlierRound[0]?.slice(0, 20) ?? ""}…），其日期和数字未作为本次采用`);
  return {
    notes,
    inspection: {
      kind,
      team,
      target,
      onsiteStart,
      onsiteEnd: end?.date ?? (start ? null : cuedDate(scope, dates, FIELDWORK_END)),
      feedbackDate: feedback,
    },
    earlierRound,
  };
}

const TITLE_TARGET =
  /对([^，。；对]{2,30}?)(?:开展|进行)?(?:的)?(?:常规|专项|机动|提级)?(?:巡视|巡察|审计|督察|督查)/;

const lastDate = (text: string): CalendarDate | null => scanDates(text).at(-1)?.date ?? null;

/** "…第五巡察组" with the words that name whose team it is, cut at 关于/对/由… */
function numberedTeam(text: string): string | null {
  const m = TEAM_FALLBACK.exec(text);
  if (!m) return null;
  const team = m[0].split(/关于|对|由|经|根据|按照|的|，|、/).pop() ?? "";
  return team.length >= 4 ? team : null;
}

const ENTRY = /进驻|进点|进场|入驻/;
const FIELDWORK_END = /结束(?:现场)?(?:审计|巡察|巡视|督察|检查)|离场|撤点|撤离/;

/** The single date nearest before a cue word in the same sentence ("于3月6日进驻", "6月9日结束现场审计"). */
function cuedDate(text: string, dates: ReturnType<typeof scanDates>, cue: RegExp): CalendarDate | null {
  const at = text.search(cue);
  if (at < 0) return null;
  const before = dates.filter((d) => d.role === "single" && d.end <= at && sameSentence(text, d.end, at));
  return before[before.length - 1]?.date ?? null;
}

const sameSentence = (text: string, a: number, b: number): boolean =>
  !/[。\n]/.test(text.slice(Math.min(a, b), Math.max(a, b)));

/** The single date nearest before 反馈 in the same sentence (else the first after it). */
function feedbackDate(text: string, dates: ReturnType<typeof scanDates>): CalendarDate | null {
  // Audits write "出具了审计报告" or "下达了审计决定" where inspections write 反馈.
  const cues = /反馈/.test(text) ? /反馈/g : /出具|下达|送达|印发/g;
  for (const m of text.matchAll(cues)) {
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
  /** The 附件 list between the body and the signature, one document a line; empty when there is none. */
  readonly attachments: string[];
  /** An attached document printed after the signature (附件 / 附件1：整改措施明细表 and its content). */
  readonly appendix: NoticeLine[];
}

// GB/T 9704 prints an attached document after the signature, headed 附件 (附件1, 附件：名称) on its own line.
const APPENDIX_START = /^附件[\d一二三四五六七八九十]*(?:\s*[：:].{0,60})?$/;

/** Where an attached document printed after the signature's date line starts; lines.length when none. */
function appendixStart(lines: readonly NoticeLine[]): number {
  for (let i = lines.length - 1; i > 0; i -= 1) {
    if (
      APPENDIX_START.test((lines[i] as NoticeLine).text) &&
      DATE_LINE.test((lines[i - 1] as NoticeLine).text)
    )
      return i;
  }
  return lines.length;
}

/** Takes the signature (organisation line, date line) and the 附件 list before it off the end of the notice. */
export function splitSignature(lines: readonly NoticeLine[]): Signature {
  const end = appendixStart(lines);
  const body = lines.slice(0, end);
  const appendix = lines.slice(end);
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
  return {
    body: body.slice(0, attachmentsStart(body)),
    signatory,
    issuedOn,
    attachments: [
      ...attachmentsOf(body),
      ...(appendix[0]
        ? [appendix[0].text.replace(/^附件[\d一二三四五六七八九十]*\s*[：:]?/, "").trim() || "附件"]
        : []),
    ],
    appendix,
  };
}

// "附件：1.…" (附件1：, 附件：) after the body: the list of documents sent with it (GB/T 9704 附件说明).
const ATTACHMENT_START = /^附件[\d一二三四五六七八九十]*\s*[：:]/;
// The list is short lines of document names; a sentence (。) ends the search.
const ATTACHMENT_LINE = /^[^。]{1,80}$/;
const ATTACHMENTS_MAX = 12;

function attachmentsStart(body: readonly NoticeLine[]): number {
  for (let i = body.length - 1; i >= Math.max(0, body.length - ATTACHMENTS_MAX); i -= 1) {
    const text = (body[i] as NoticeLine).text;
    if (ATTACHMENT_START.test(text)) return i;
    if (!ATTACHMENT_LINE.test(text)) break;
  }
  return body.length;
}

function attachmentsOf(body: readonly NoticeLine[]): string[] {
  return body
    .slice(attachmentsStart(body))
    .map((l, i) => (i === 0 ? l.text.replace(ATTACHMENT_START, "").trim() : l.text));
}

/** The issuing organisation: the title's text before 关于 ("中共…党组关于…的通报"). */
export function issuerFromTitle(title: string | null): string | null {
  if (title === null) return null;
  const at = title.indexOf("关于");
  return at > 1 ? title.slice(0, at) : null;
}
