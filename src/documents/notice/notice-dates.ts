// Dates and deadlines as written in notices → calendar dates. The rules (also in docs/notice-json.md):
// 1. "2020年11月12日" is that day; Chinese numerals work too ("二〇二一年三月四日").
// 2. A date without a year ("3月4日") takes the year of the nearest earlier date in the text, rolled forward
//    one year when its month-day comes before that date's (on site until 2022-12-16, "2月21日" → 2023-02-21).
// 3. A range "2020年11月12日至2021年1月12日" / "4月10日至6月9日" / "11月2日至20日": the end takes the start's
//    year and month when it omits them, rolled forward like rule 2.
// Deadlines (in 正在深化整改的内容及时限, 整改时限 …), resolved against a reference date (the notice's
// issue date, else its feedback date, else the end of the on-site period):
// 4. "YYYY年M月D日(前)" → that day; "YYYY年M月(底|末|前)" → the month's last day; 上旬 → the 10th, 中旬 → the 20th.
// 5. "YYYY年底/年末/年内" → YYYY-12-31; 上半年 → 06-30, 下半年 → 12-31, 第N季度 → the quarter's last day.
// 6. Without a year: the year of the nearest earlier full date in the same item, else the reference year,
//    rolled forward when the result would fall before the reference date; 年内/年底/今年内 → the
//    reference year's 12-31; 明年… → the next year.
// 7. In running text a date counts as a deadline only with a cue (计划/力争/争取/确保/预计/于… before it or
//    前/底/完成/上线… after it); month- and year-ends (底/末/内) are cues themselves. The latest one wins.
// 8. 长期坚持/常态化/持续推进/久久为功 without any date → no date, flagged long-term.

import { endOfMonth, makeCalendarDate, type CalendarDate } from "../../domain/calendar-date.ts";
import { parseChineseNumber } from "../../domain/chinese-numerals.ts";

const Y = "(\\d{4}|[〇零一二三四五六七八九]{4})";
const MD = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";

const DATE_RE = new RegExp(
  `(?:${Y}\\s*年\\s*)?${MD}\\s*月\\s*${MD}\\s*[日号]` +
    `(?:\\s*(?:至|到|—{1,2}|–|-|~|～)\\s*(?:(?:${Y}\\s*年\\s*)?${MD}\\s*月\\s*)?${MD}\\s*[日号])?`,
  "g",
);

/** A date found in running text. `end` is the end of the whole match (a range ends after its second date). */
export interface DateMention {
  readonly index: number;
  readonly end: number;
  readonly date: CalendarDate;
  readonly role: "single" | "start" | "end";
  /** True when the year was not written and came from rule 2 or 3. */
  readonly yearInferred: boolean;
}

const num = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : parseChineseNumber(s);

const monthDay = (d: CalendarDate): number => Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));

/** Year for a month-day without one: the previous date's year, rolled forward when the month-day is earlier. */
function inferYear(previous: CalendarDate | null, month: number, day: number): number | undefined {
  if (previous === null) return undefined;
  const year = Number(previous.slice(0, 4));
  return month * 100 + day < monthDay(previous) ? year + 1 : year;
}

/**
 * Finds every full or partial date in `text` in order. `previous` is the last date known before the
 * text (for rule 2); each found date becomes the context of the next one.
 */
export function scanDates(text: string, previous: CalendarDate | null = null): DateMention[] {
  const found: DateMention[] = [];
  let context = previous;
  for (const m of text.matchAll(DATE_RE)) {
    const [y1, mo1, d1, y2, mo2, d2] = [num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]), num(m[6])];
    if (mo1 === undefined || d1 === undefined) continue;
    const year1 = y1 ?? inferYear(context, mo1, d1);
    const start = year1 === undefined ? undefined : makeCalendarDate(year1, mo1, d1);
    const index = m.index;
    const end = index + m[0].length;
    if (start === undefined) continue;
    context = start;
    if (d2 === undefined) {
      found.push({ index, end, date: start, role: "single", yearInferred: y1 === undefined });
      continue;
    }
    const month2 = mo2 ?? mo1;
    const year2 = y2 ?? inferYear(start, month2, d2);
    const stop = year2 === undefined ? undefined : makeCalendarDate(year2, month2, d2);
    found.push({ index, end, date: start, role: stop ? "start" : "single", yearInferred: y1 === undefined });
    if (stop !== undefined) {
      found.push({ index, end, date: stop, role: "end", yearInferred: y2 === undefined });
      context = stop;
    }
  }
  return found;
}

/**
 * The day a notice reports as of ("截至2024年4月30日，已完成整改…"): the first full date written right after
 * 截至/截止(到); null when the text names none. A month-only "截至4月底" is not a day and is not taken.
 */
export function findReportedAsOf(text: string, previous: CalendarDate | null): CalendarDate | null {
  const mention = scanDates(text, previous).find(
    (d) =>
      d.role !== "end" &&
      /(?:截至|截止)到?\s*(?:目前|今年)?\s*$/.test(text.slice(Math.max(0, d.index - 6), d.index)),
  );
  return mention?.date ?? null;
}

// One deadline expression: [year or 今年/明年] then a day, a month (with 上旬/底…), a half/quarter, or a year end.
const DEADLINE_RE = new RegExp(
  `(?:${Y}\\s*年|(今年|本年|当年|明年|次年))?\\s*(?:` +
    `${MD}\\s*月\\s*(?:${MD}\\s*[日号]|(上旬|中旬|下旬|底|末|份)?)` +
    `|(上半年|下半年|第?[一二三四1-4]季度)` +
    `|(年底|年末|年内|年度内|底|末|内|度内)` +
    `)`,
  "g",
);
const CUE_BEFORE = /(?:计划|力争|争取|确保|预计|拟|将|于|在|到|至|截至|截止|限|时限)[^，。；]{0,6}$/;
const CUE_AFTER = /^(?:前|之前|以前|底前|完成|上线|建成|实现|到位|办结|销号|结束)/;
const LONG_TERM = /长期坚持|长期推进|长期|常态化|久久为功|持之以恒|持续推进|持续抓好/;

export interface DeadlineReference {
  /** Dates without a year resolve to this year, rolled forward when they would fall before `date`. */
  readonly date: CalendarDate | null;
}

export interface DeadlineFound {
  readonly deadline: CalendarDate | null;
  readonly longTerm: boolean;
}

interface Candidate {
  readonly date: CalendarDate;
  readonly year: number;
}

const QUARTER_END: Record<number, [number, number]> = { 1: [3, 31], 2: [6, 30], 3: [9, 30], 4: [12, 31] };

/**
 * The deadline stated in `text` by rules 4–8: the latest dated expression, or none. `cueRequired` is
 * false for the value of a 整改时限 label, whose whole text is a deadline.
 */
export function findDeadline(text: string, reference: DeadlineReference, cueRequired = true): DeadlineFound {
  const refYear = reference.date === null ? undefined : Number(reference.date.slice(0, 4));
  let lastFullYear: number | undefined;
  let best: Candidate | undefined;
  for (const m of text.matchAll(DEADLINE_RE)) {
    const [, yearText, relative, monthText, dayText, monthPart, halfOrQuarter, yearEnd] = m;
    const written = num(yearText);
    if (written === undefined && relative === undefined && yearEnd !== undefined && !yearEnd.startsWith("年"))
      continue;
    if (
      written === undefined &&
      relative === undefined &&
      yearEnd === undefined &&
      monthText === undefined &&
      halfOrQuarter === undefined
    )
      continue;
    const selfCued = yearEnd !== undefined || monthPart === "底" || monthPart === "末";
    if (cueRequired && !selfCued) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      if (!CUE_BEFORE.test(before) && !CUE_AFTER.test(after)) {
        if (written !== undefined) lastFullYear = written;
        continue;
      }
    }
    const explicitYear =
      written ??
      (relative === undefined
        ? undefined
        : relative === "明年" || relative === "次年"
          ? (refYear ?? NaN) + 1
          : refYear);
    const year = explicitYear ?? lastFullYear ?? refYear;
    if (year === undefined || Number.isNaN(year)) continue;
    let date = resolve(year, num(monthText), num(dayText), monthPart, halfOrQuarter, yearEnd);
    if (date === undefined) continue;
    if (
      explicitYear === undefined &&
      lastFullYear === undefined &&
      reference.date !== null &&
      date < reference.date
    ) {
      date = resolve(year + 1, num(monthText), num(dayText), monthPart, halfOrQuarter, yearEnd) ?? date;
    }
    if (written !== undefined) lastFullYear = written;
    if (best === undefined || date > best.date) best = { date, year };
  }
  if (best !== undefined) return { deadline: best.date, longTerm: LONG_TERM.test(text) };
  return { deadline: null, longTerm: LONG_TERM.test(text) };
}

function resolve(
  year: number,
  month: number | undefined,
  day: number | undefined,
  monthPart: string | undefined,
  halfOrQuarter: string | undefined,
  yearEnd: string | undefined,
): CalendarDate | undefined {
  if (month !== undefined) {
    if (month < 1 || month > 12) return undefined;
    if (day !== undefined) return makeCalendarDate(year, month, day);
    if (monthPart === "上旬") return makeCalendarDate(year, month, 10);
    if (monthPart === "中旬") return makeCalendarDate(year, month, 20);
    return makeCalendarDate(year, month, 1) === undefined ? undefined : endOfMonth(year, month);
  }
  if (halfOrQuarter !== undefined) {
    if (halfOrQuarter === "上半年") return makeCalendarDate(year, 6, 30);
    if (halfOrQuarter === "下半年") return makeCalendarDate(year, 12, 31);
    const q = num(halfOrQuarter.replace(/^第|季度$/g, ""));
    const end = q === undefined ? undefined : QUARTER_END[q];
    return end === undefined ? undefined : makeCalendarDate(year, end[0], end[1]);
  }
  if (yearEnd !== undefined) return makeCalendarDate(year, 12, 31);
  return undefined;
}
