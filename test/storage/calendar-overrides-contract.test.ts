// The administrator's working-day overrides on both databases: listed by day (whole or a range), one row per day
// replaced by a later entry, deleted once, a bad kind refused by the table, and the calendar built from them.

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  holidayRulesFromChineseDays,
  workingDayCalendar,
  type CalendarOverride,
} from "../../src/domain/working-days.ts";
import type { Store } from "../../src/storage/store.ts";
import { testDatabases } from "../support/test-stores.ts";

const NOW = "2026-11-20T08:00:00.000Z";

const makeOverride = (day: string, overrides: Partial<CalendarOverride> = {}): CalendarOverride => ({
  day,
  kind: "holiday",
  name: "国庆节",
  createdAt: NOW,
  createdBy: "usr-admin",
  ...overrides,
});

describe.each(testDatabases)("calendar overrides on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
  });
  afterEach(async () => cleanup());

  it("lists overrides by day, all of them or those of a range", async () => {
    await store.calendarOverrides.upsert(makeOverride("2027-10-02"));
    await store.calendarOverrides.upsert(makeOverride("2027-09-26", { kind: "working" }));
    await store.calendarOverrides.upsert(makeOverride("2027-10-01"));
    await store.calendarOverrides.upsert(makeOverride("2028-01-01", { name: "元旦" }));
    expect((await store.calendarOverrides.list()).map((o) => o.day)).toEqual([
      "2027-09-26",
      "2027-10-01",
      "2027-10-02",
      "2028-01-01",
    ]);
    expect(await store.calendarOverrides.list({ from: "2027-10-01", to: "2027-12-31" })).toEqual([
      makeOverride("2027-10-01"),
      makeOverride("2027-10-02"),
    ]);
    expect(await store.calendarOverrides.list({ from: "2027-09-26", to: "2027-09-26" })).toEqual([
      makeOverride("2027-09-26", { kind: "working" }),
    ]);
  });

  it("keeps one override per day: a later entry replaces kind, name, who and when", async () => {
    await store.calendarOverrides.upsert(makeOverride("2027-10-08"));
    const corrected = makeOverride("2027-10-08", {
      kind: "working",
      name: "更正：调休上班",
      createdAt: "2026-11-21T01:00:00.000Z",
      createdBy: "usr-other",
    });
    await store.calendarOverrides.upsert(corrected);
    expect(await store.calendarOverrides.list()).toEqual([corrected]);
  });

  it("deletes a day's override once, and says when there was none", async () => {
    await store.calendarOverrides.upsert(makeOverride("2027-10-03"));
    expect(await store.calendarOverrides.delete("2027-10-03")).toBe(true);
    expect(await store.calendarOverrides.delete("2027-10-03")).toBe(false);
    expect(await store.calendarOverrides.list()).toEqual([]);
  });

  it("refuses a kind other than working or holiday, and rolls back with its transaction", async () => {
    const bad = { ...makeOverride("2027-10-04"), kind: "half_day" } as unknown as CalendarOverride;
    await expect(store.calendarOverrides.upsert(bad)).rejects.toThrow();
    await expect(
      store.transaction(async (tx) => {
        await tx.calendarOverrides.upsert(makeOverride("2027-10-05"));
        throw new Error("abandoned");
      }),
    ).rejects.toThrow("abandoned");
    expect(await store.calendarOverrides.list()).toEqual([]);
  });

  it("feeds the calendar: stored days win over the package and cover a year it does not know", async () => {
    const packageRules = holidayRulesFromChineseDays(chineseDaysData);
    const next = Math.max(...workingDayCalendar({ holidays: packageRules }).coveredYears()) + 1;
    await store.calendarOverrides.upsert(makeOverride(`${next}-10-01`));
    await store.calendarOverrides.upsert(makeOverride("2024-10-12", { name: "本单位调整" }));
    const calendar = workingDayCalendar({
      holidays: packageRules,
      overrides: await store.calendarOverrides.list(),
    });
    expect(calendar.isWorkingDay("2024-10-12")).toBe(false);
    expect(calendar.coveredYears()).toContain(next);
    expect(calendar.describeDay(`${next}-10-01`)).toMatchObject({ working: false, source: "override" });
  });
});
