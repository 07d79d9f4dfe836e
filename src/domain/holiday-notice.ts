// Reads a year's holiday arrangement as the State Council's General Office publishes it (国务院办公厅关于20XX年部分节假日
// 安排的通知), so that an administrator can enter next year's days before the chinese-days package has them:
//   "二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
// Each festival's 放假 range becomes holiday days and each date before 上班 a working day (调休). Also read: plain
// lines "2027-02-06 放假 春节" / "2027-02-07,working,春节调休" (a table an office keeps). Nothing is guessed: a
// weekday written beside a date that the date does not fall on, a 共N天 that the range contradicts, an impossible
// date or a festival line with no date is a problem naming the line; the caller refuses the whole text then.

import {
  addDays,
  daysBetween,
  isCalendarDate,
  makeCalendarDate,
  type CalendarDate,
} from "./calendar-date.ts";
import type { DayKind } from "./working-days.ts";

export interface HolidayNoticeEntry {
  readonly day: CalendarDate;
  readonly kind: DayKind;
  /** The festival as the notice names it (国庆节、中秋节), with 调休上班 for a working day. */
  readonly name: string;
  /** 1-based line of the text it came from. */
  readonly line: number;
}

export interface HolidayNoticeProblem {
  readonly line: number;
  readonly message: string;
}

export interface HolidayNotice {
  /** The year the notice arranges (from its title, or the one given); null when neither says. */
  readonly year: number | null;
  readonly entries: readonly HolidayNoticeEntry[];
  /** What makes the text unusable; empty when every line was understood. */
  readonly problems: readonly HolidayNoticeProblem[];
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"] as const;

/** Full-width digits and brackets as ASCII, spaces out: notices are typed and pasted every way. */
function normalise(line: string): string {
  return line
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/:/g, "：")
    .replace(/\s+/g, "");
}

/** A range written with a dash (10月1日—7日) read as 至; only after a day, so 2027-02-06 stays a date. */
const dashAsTo = (text: string): string => text.replace(/(日(?:\([^)]*\))?)[~～—–-]{1,2}/g, "$1至");

const YEAR_OF_TITLE = /(\d{4})年(?:部分)?(?:节假日|法定节假日|放假)/;

// A date: optional year, month, day, then an optional parenthesis (weekday, lunar day).
const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\(([^)]{0,30})\))?/g;
const RANGE =
  /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\(([^)]{0,30})\))?(?:至(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日(?:\(([^)]{0,30})\))?)?放假/;
const FESTIVAL = /^(?:[一二三四五六七八九十]+、|\d+[.、])?([^：。，,]{1,16}?)：(.*)$/;
const TABLE_LINE =
  /^(\d{4}-\d{2}-\d{2})[,，\t;；]*(放假|休息|holiday|上班|调休上班|working)[,，\t;；]*(.{0,50})$/i;

/** The weekday a parenthesis names (周三, 星期日, 农历除夕、周二), or undefined when it names none. */
function weekdayNamed(note: string | undefined): number | undefined {
  const m = /(?:周|星期|礼拜)([日天一二三四五六])/.exec(note ?? "");
  if (!m) return undefined;
  return m[1] === "天" ? 0 : WEEKDAYS.indexOf(m[1] as (typeof WEEKDAYS)[number]);
}

const weekdayOf = (day: CalendarDate): number => new Date(`${day}T00:00:00Z`).getUTCDay();

export function parseHolidayNotice(text: string, options: { year?: number } = {}): HolidayNotice {
  const lines = text.split(/\r?\n/).map(normalise);
  const year = options.year ?? yearOfText(lines);
  const entries: HolidayNoticeEntry[] = [];
  const problems: HolidayNoticeProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ line, message });

  lines.forEach((text, index) => {
    const line = index + 1;
    const table = TABLE_LINE.exec(text);
    if (table) {
      const day = table[1]!;
      if (!isCalendarDate(day)) {
        problem(line, `${day}不是有效日期`);
        return;
      }
      const kind: DayKind = /上班|working/i.test(table[2]!) ? "working" : "holiday";
      const name = table[3]!.replace(/^[,，\t;；]+/, "") || (kind === "working" ? "调休上班" : "放假");
      entries.push({ day, kind, name, line });
      return;
    }
    const festival = FESTIVAL.exec(dashAsTo(text));
    if (!festival || !/放假|上班/.test(festival[2]!)) return;
    if (year === null) {
      problem(line, "未找到通知所属年份（如“2027年部分节假日安排”），请指定年份");
      return;
    }
    const name = festival[1]!;
    readFestival(festival[2]!, name, year, line, entries, problem);
  });
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ line: 0, message: "未识别出任何放假或调休上班日期" });
  }
  return { year, entries: dedupe(entries, problem), problems };
}

function yearOfText(lines: readonly string[]): number | null {
  for (const line of lines) {
    const m = YEAR_OF_TITLE.exec(line);
    if (m) return Number(m[1]);
  }
  return null;
}

type Problem = (line: number, message: string) => void;

/** One festival's clause: its 放假 range (and 共N天) and the 上班 days after it. */
function readFestival(
  body: string,
  name: string,
  year: number,
  line: number,
  entries: HolidayNoticeEntry[],
  problem: Problem,
): void {
  const dateOf = (
    y: string | undefined,
    m: string,
    d: string,
    note: string | undefined,
    fallbackYear: number,
  ) => {
    const day = makeCalendarDate(y === undefined ? fallbackYear : Number(y), Number(m), Number(d));
    const written = `${y === undefined ? "" : `${y}年`}${m}月${d}日`;
    if (day === undefined) {
      problem(line, `${name}：${written}不是有效日期`);
      return undefined;
    }
    const named = weekdayNamed(note);
    if (named !== undefined && named !== weekdayOf(day)) {
      problem(
        line,
        `${name}：${day}是星期${WEEKDAYS[weekdayOf(day)]}，通知写的是星期${WEEKDAYS[named]}（年份是否有误？）`,
      );
      return undefined;
    }
    return day;
  };
  // 放假: at most one range per festival (a notice never splits one festival's days).
  const range = RANGE.exec(body);
  let holidayCount = 0;
  if (range) {
    const first = dateOf(range[1], range[2]!, range[3]!, range[4], year);
    // 至 without a month is the same month; a later month that is smaller is the next year (12月30日至1月1日).
    const firstYear = range[1] === undefined ? year : Number(range[1]);
    const lastMonth = range[6] ?? range[2]!;
    const lastYear =
      range[5] === undefined
        ? Number(lastMonth) < Number(range[2])
          ? firstYear + 1
          : firstYear
        : Number(range[5]);
    const last =
      range[7] === undefined ? first : dateOf(String(lastYear), lastMonth, range[7], range[8], year);
    if (first !== undefined && last !== undefined) {
      if (last < first) problem(line, `${name}：放假结束日${last}早于开始日${first}`);
      else {
        holidayCount = daysBetween(first, last) + 1;
        for (let d = first; d <= last; d = addDays(d, 1))
          entries.push({ day: d, kind: "holiday", name, line });
      }
    }
    const stated = /共(\d{1,2})天/.exec(body) ?? /放假(\d{1,2})天/.exec(body);
    if (stated && holidayCount > 0 && Number(stated[1]) !== holidayCount) {
      problem(line, `${name}：通知写共${stated[1]}天，但${range[0]}是${holidayCount}天`);
    }
  } else if (/放假/.test(body)) {
    problem(line, `${name}：写有“放假”却未识别出日期`);
  }
  // 上班: every date of the sentences that end in 上班, the 放假 range taken out (a sentence may hold both).
  const rest = range ? body.replace(range[0], "") : body;
  for (const sentence of rest.split(/[。；;，,]/)) {
    if (!/上班/.test(sentence)) continue;
    const dates = [...sentence.matchAll(DATE)];
    if (dates.length === 0) problem(line, `${name}：写有“上班”却未识别出日期`);
    for (const m of dates) {
      const day = dateOf(m[1], m[2]!, m[3]!, m[4], year);
      if (day !== undefined) entries.push({ day, kind: "working", name: `${name}调休上班`, line });
    }
  }
}

/** One entry per day: the same day twice with the same kind is said once; with two kinds it is a problem. */
function dedupe(entries: readonly HolidayNoticeEntry[], problem: Problem): HolidayNoticeEntry[] {
  const byDay = new Map<CalendarDate, HolidayNoticeEntry>();
  for (const entry of entries) {
    const before = byDay.get(entry.day);
    if (before === undefined) byDay.set(entry.day, entry);
    else if (before.kind !== entry.kind) {
      problem(entry.line, `${entry.day}既写作放假又写作上班（第${before.line}行）`);
    }
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}
