// The sections around the problems: organisation of the rectification (leading group, meetings,
// mechanisms), next-step plan items, and the public-supervision contact block.

import { parseChineseNumber } from "../../domain/chinese-numerals.ts";
import type { ClassifiedLine, HeadingLine } from "./classify-lines.ts";
import { splitItems } from "./build-problem.ts";
import type { NoticeContact, NoticeOrganisation, NoticePlanItem } from "./notice-draft.ts";
import { scanDates } from "./notice-dates.ts";

const N = "(\\d+|[零〇一二两三四五六七八九十百千]+)";
const POSITIONS =
  "书记|副书记|主任|局长|馆长|行长|院长|部长|主席|厅长|县长|市长|区长|董事长|总经理|经理|校长|处长|科长|所长|站长|委员|组长|秘书长|负责人";
const LEADER = /(?:以|由)([^，。；以由]{1,40}?)(同志)?(?:为|任|担任)(?:整改工作领导小组)?组长/;
const NAME_AFTER_POSITION = new RegExp(`^(.*(?:${POSITIONS}))、?([\\u4e00-\\u9fff·]{2,4})$`);
const MEETINGS = [new RegExp(`${N}次(?:组织|专题|主持)?召开`), new RegExp(`召开[^。；]{0,24}?${N}次`)];
const MECHANISM_START = /^(?:建立|实行|实施|坚持|健全|完善|落实|推行|形成|制定|明确)/;
const MECHANISM_WORD = /机制|制度|清单|台账|销号|督办|调度|通报|闭环|责任制|例会|专班/;

/** Leader, meetings and mechanisms from the organisation section; null when the notice has none. */
export function readOrganisation(lines: readonly ClassifiedLine[]): NoticeOrganisation | null {
  if (lines.length === 0) return null;
  const text = lines.map((l) => l.text).join("\n");
  let leader: string | null = null;
  let leaderTitle: string | null = null;
  const lm = LEADER.exec(text);
  if (lm?.[1] !== undefined) {
    const who = lm[1].trim();
    const named = NAME_AFTER_POSITION.exec(who);
    // "党组书记、主任任组长" names no person: the last word is a position, not a name.
    const endsWithPosition = (s: string) => new RegExp(`(?:${POSITIONS})$`).test(s);
    if (named && !endsWithPosition(named[2] as string))
      [leaderTitle, leader] = [named[1] as string, named[2] as string];
    // "以杨建同志为组长": a bare name, marked as a person by 同志.
    else if (lm[2] !== undefined && /^[\u4e00-\u9fff·]{2,4}$/.test(who) && !endsWithPosition(who))
      leader = who;
    else leaderTitle = who;
  }
  let meetings: number | null = null;
  let at = Infinity;
  for (const re of MEETINGS) {
    const m = re.exec(text);
    const value = m?.[1] === undefined ? undefined : parseChineseNumber(m[1]);
    if (m && value !== undefined && m.index < at) [meetings, at] = [value, m.index];
  }
  const mechanisms = [
    ...new Set(
      text
        .split(/[，。；\n]/)
        .map((c) => c.trim().replace(/^(?:并|同时|认真|严格|全面|切实)/, ""))
        .filter((c) => MECHANISM_START.test(c) && MECHANISM_WORD.test(c) && !/\d+\s*[项个条人]/.test(c)),
    ),
  ];
  return { leader, leaderTitle, meetings, mechanisms, text: lines.map((l) => l.text) };
}

/**
 * Plan items: numbered sub-headings or 一是… runs; the paragraphs before them are the plan's lead-in ("下一步，…将继续…"),
 * kept apart so that a generated notice can write it back.
 */
export function readPlan(lines: readonly ClassifiedLine[]): { items: NoticePlanItem[]; lead: string | null } {
  const body = lines.filter((l) => !(l.kind === "heading" && l.rank === 1));
  const subHeadings = body.filter((l): l is HeadingLine => l.kind === "heading");
  const leadOf = (paragraphs: readonly string[]) => (paragraphs.length > 0 ? paragraphs.join("\n") : null);
  if (subHeadings.length > 0) {
    const rank = Math.min(...subHeadings.map((h) => h.rank));
    const items: NoticePlanItem[] = [];
    const lead: string[] = [];
    for (const l of body) {
      if (l.kind === "heading" && l.rank === rank) items.push({ text: l.body, title: l.title });
      else if (items.length > 0) {
        const last = items[items.length - 1] as NoticePlanItem;
        items[items.length - 1] = { ...last, text: `${last.text}\n${l.text}` };
      } else lead.push(l.text);
    }
    return { items, lead: leadOf(lead) };
  }
  const split = splitItems(body, false);
  return { items: split.items.map((text) => ({ text })), lead: leadOf(split.lead) };
}

const PHONE = /(?<![\d-])(?:\d{3,4}-\d{7,8}(?:转\d{1,6})?|1[3-9]\d{9}|\d{7,8}|12388|12345)(?![\d-])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** The supervision contact block; null when the notice has none. */
export function readContact(lines: readonly ClassifiedLine[]): NoticeContact | null {
  if (lines.length === 0) return null;
  const text = lines.map((l) => l.text).join("\n");
  const address =
    /(?:通信地址|通讯地址|来信地址|邮寄地址|地址)[：]?\s*([^；。\n]+)/
      .exec(text)?.[1]
      ?.replace(/[，（].*$/, "")
      .trim() ?? null;
  const postcode = /(?:邮编|邮政编码)[：]?\s*(\d{6})/.exec(text)?.[1] ?? null;
  const mailbox = /(?:意见箱|举报箱|信箱)[：]\s*([^；。，\n]+)/.exec(text)?.[1]?.trim() ?? null;
  const until =
    scanDates(text).find((d) => d.role === "single" && /^\s*(?:前|之前|以前)/.test(text.slice(d.end)))
      ?.date ?? null;
  return {
    text,
    phones: [...new Set(text.match(PHONE) ?? [])],
    emails: [...new Set(text.match(EMAIL) ?? [])],
    address,
    postcode,
    mailbox,
    until,
  };
}
