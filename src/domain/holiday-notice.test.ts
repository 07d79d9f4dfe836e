// The State Council's holiday notices read back into days: the real notices of 2024–2026 against the chinese-days
// package's data for those years, the mistakes a typed notice can carry, and generated notices in every spelling.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { addDays, makeCalendarDate } from "./calendar-date.ts";
import { parseHolidayNotice } from "./holiday-notice.ts";

const NOTICE_2024 = `国务院办公厅关于2024年部分节假日安排的通知
国办发明电〔2023〕7号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2023年10月25日`;

const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。`;

const NOTICE_2026 = `国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。`;

const packageDays = (table: Record<string, string>, year: number) =>
  Object.keys(table)
    .filter((day) => day.startsWith(`${year}-`))
    .sort();

describe("the State Council's notices of 2024–2026", () => {
  it.each([
    [2024, NOTICE_2024],
    [2025, NOTICE_2025],
    [2026, NOTICE_2026],
  ])("%i: the same holidays and 调休 working days as the chinese-days package", (year, text) => {
    const notice = parseHolidayNotice(text);
    expect(notice.problems).toEqual([]);
    expect(notice.year).toBe(year);
    const of = (kind: string) => notice.entries.filter((e) => e.kind === kind).map((e) => e.day);
    expect(of("working")).toEqual(packageDays(data.workdays, year));
    expect(of("holiday")).toEqual(packageDays(data.holidays, year));
  });

  it("names each day by its festival, 调休上班 for a working day", () => {
    const notice = parseHolidayNotice(NOTICE_2025);
    const byDay = new Map(notice.entries.map((e) => [e.day, e]));
    expect(byDay.get("2025-10-08")).toMatchObject({ kind: "holiday", name: "国庆节、中秋节", line: 7 });
    expect(byDay.get("2025-02-08")).toMatchObject({ kind: "working", name: "春节调休上班", line: 3 });
  });
});

describe("what a typed notice gets wrong", () => {
  it("refuses a weekday that the date does not fall on (a notice entered under the wrong year)", () => {
    const notice = parseHolidayNotice(NOTICE_2026, { year: 2027 });
    expect(notice.problems.length).toBeGreaterThan(0);
    expect(notice.problems[0]!.message).toContain("年份是否有误");
  });

  it("refuses a 共N天 that the range contradicts, an impossible date, and 放假 without a date", () => {
    const notice = parseHolidayNotice(
      "2027年部分节假日安排\n一、劳动节：5月1日至5日放假调休，共4天。\n二、春节：2月30日放假。\n三、端午节：放假安排另行通知。",
    );
    expect(notice.problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(notice.problems[0]!.message).toContain("共4天");
    expect(notice.problems[1]!.message).toContain("不是有效日期");
    expect(notice.problems[2]!.message).toContain("未识别出日期");
  });

  it("asks for the year when the text names none, and says when it found no day at all", () => {
    expect(parseHolidayNotice("一、元旦：1月1日放假。").problems[0]!.message).toContain("年份");
    expect(parseHolidayNotice("一、元旦：1月1日放假。", { year: 2027 }).entries).toEqual([
      { day: "2027-01-01", kind: "holiday", name: "元旦", line: 1 },
    ]);
    expect(parseHolidayNotice("各地区、各部门要妥善安排好值班。").problems[0]!.message).toContain("未识别出");
  });

  it("refuses a day written both as a holiday and as a working day", () => {
    const notice = parseHolidayNotice("2027-10-08 放假 国庆节\n2027-10-08 上班 国庆节调休");
    expect(notice.problems[0]).toMatchObject({ line: 2 });
  });
});

describe("other spellings of the same arrangement", () => {
  it("reads a range across the new year, with the 上班 day of the year before", () => {
    const notice = parseHolidayNotice(
      "国务院办公厅关于2019年部分节假日安排的通知\n一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。",
    );
    expect(notice.problems).toEqual([]);
    expect(notice.entries.map((e) => `${e.day} ${e.kind}`)).toEqual([
      "2018-12-29 working",
      "2018-12-30 holiday",
      "2018-12-31 holiday",
      "2019-01-01 holiday",
    ]);
  });

  it("reads dashes, full-width digits, spaces, commas between sentences and a table an office keeps", () => {
    const notice = parseHolidayNotice(
      "２０２７年部分节假日安排\n七、国庆节：10月1日（周五）— 7日（周四）放假调休，共7天，9月26日（周日）、10月9日（周六）上班。\n2027-12-31\t放假\t单位自定\n2028-01-02,working,补班",
    );
    expect(notice.problems).toEqual([]);
    expect(notice.entries.filter((e) => e.kind === "holiday")).toHaveLength(8);
    expect(notice.entries.filter((e) => e.kind === "working").map((e) => e.day)).toEqual([
      "2027-09-26",
      "2027-10-09",
      "2028-01-02",
    ]);
    expect(notice.entries.find((e) => e.day === "2027-12-31")?.name).toBe("单位自定");
  });
});

const WEEKDAY_WORDS = ["日", "一", "二", "三", "四", "五", "六"];
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe("generated notices (fast-check)", () => {
  it("any arrangement written in any of the notices' spellings is read back exactly", () => {
    const arrangement = fc.record({
      year: fc.integer({ min: 2027, max: 2099 }),
      festivals: fc.array(
        fc.record({
          month: fc.integer({ min: 2, max: 11 }),
          day: fc.integer({ min: 1, max: 20 }),
          length: fc.integer({ min: 1, max: 8 }),
          workdayOffsets: fc.uniqueArray(fc.integer({ min: 9, max: 20 }), { maxLength: 2 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      spelling: fc.record({
        weekday: fc.constantFrom("none", "周", "星期"),
        fullWidth: fc.boolean(),
        dash: fc.boolean(),
        spaces: fc.boolean(),
      }),
    });
    fc.assert(
      fc.property(arrangement, ({ year, festivals, spelling }) => {
        // Festivals two months apart at least, so that no range or 上班 day meets another festival's.
        const kept: typeof festivals = [];
        for (const f of festivals) {
          if (kept.every((k) => Math.abs(k.month - f.month) >= 2)) kept.push(f);
        }
        const expected: string[] = [];
        const note = (day: string) =>
          spelling.weekday === "none" ? "" : `（${spelling.weekday}${WEEKDAY_WORDS[weekday(day)]}）`;
        const lines = kept.map((f, i) => {
          const first = makeCalendarDate(year, f.month, f.day)!;
          const last = addDays(first, f.length - 1);
          for (let d = first; d <= last; d = addDays(d, 1)) expected.push(`${d} holiday`);
          const to = spelling.dash ? "—" : "至";
          const range =
            f.length === 1
              ? `${f.month}月${f.day}日${note(first)}`
              : `${f.month}月${f.day}日${note(first)}${to}${Number(last.slice(5, 7)) === f.month ? "" : `${Number(last.slice(5, 7))}月`}${Number(last.slice(8))}日${note(last)}`;
          const workdays = f.workdayOffsets.map((o) => addDays(last, o));
          for (const w of workdays) expected.push(`${w} working`);
          const work =
            workdays.length === 0
              ? ""
              : `${workdays.map((w) => `${Number(w.slice(5, 7))}月${Number(w.slice(8))}日${note(w)}`).join("、")}上班。`;
          return `${"一二三四"[i]}、节日${i + 1}：${range}放假调休，共${f.length}天。${work}`;
        });
        let text = `国务院办公厅关于${year}年部分节假日安排的通知\n${lines.join("\n")}`;
        if (spelling.fullWidth)
          text = text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        if (spelling.spaces) text = text.replace(/日/g, "日 ");
        const notice = parseHolidayNotice(text);
        expect(notice.problems).toEqual([]);
        expect(notice.entries.map((e) => `${e.day} ${e.kind}`)).toEqual([...new Set(expected)].sort());
      }),
      { numRuns: 300 },
    );
  });
});
