// The calendar port of the use cases: the holiday table under the stored overrides, rebuilt only when they change.

import chineseDaysData from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cachedCalendarSource } from "../../src/app/working-calendar.ts";
import { holidayRulesFromChineseDays } from "../../src/domain/working-days.ts";
import type { Store } from "../../src/storage/store.ts";
import { testDatabases } from "../support/test-stores.ts";

describe.each(testDatabases)("cachedCalendarSource on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
  });
  afterEach(async () => cleanup());

  it("keeps one calendar while the overrides stay the same and builds a new one when they change", async () => {
    const source = cachedCalendarSource(holidayRulesFromChineseDays(chineseDaysData));
    const first = await source.current(store);
    expect(await source.current(store)).toBe(first);
    expect(first.isWorkingDay("2024-09-29")).toBe(true); // a 调休 Sunday, from the package

    const override = { createdAt: "2024-09-01T00:00:00Z", createdBy: "usr1" };
    await store.calendarOverrides.upsert({
      day: "2024-09-29",
      kind: "holiday",
      name: "本单位补休",
      ...override,
    });
    const second = await source.current(store);
    expect(second).not.toBe(first);
    expect(second.isWorkingDay("2024-09-29")).toBe(false);

    // Another node's change (a rename only) is seen too: the overrides are read on every call.
    await store.calendarOverrides.upsert({ day: "2024-09-29", kind: "holiday", name: "补休", ...override });
    expect(await source.current(store)).not.toBe(second);
    await store.calendarOverrides.delete("2024-09-29");
    expect((await source.current(store)).isWorkingDay("2024-09-29")).toBe(true);
  });
});
