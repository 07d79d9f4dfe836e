import { describe, expect, it } from "vitest";
import { NO_PUBLIC_FILTERS, publicFiltersOf, publicListPath } from "../../src/web/public-filters.ts";

describe("the public list's address", () => {
  it("carries the unit and the words, and reads them back", () => {
    const filters = { unitId: "org/7", q: "巡察 100%" };
    const path = publicListPath(filters);
    expect(path).toBe("/public?unit=org%2F7&q=%E5%B7%A1%E5%AF%9F+100%25");
    expect(publicFiltersOf(path.slice(path.indexOf("?")))).toEqual(filters);
  });

  it("is /public without a filter, blank words counting as none", () => {
    expect(publicListPath(NO_PUBLIC_FILTERS)).toBe("/public");
    expect(publicListPath({ unitId: "", q: "  " })).toBe("/public");
    expect(publicFiltersOf("?q=%20&other=1")).toEqual(NO_PUBLIC_FILTERS);
  });
});
