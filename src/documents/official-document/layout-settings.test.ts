import { describe, expect, it } from "vitest";
import { defaultLayoutSettings, resolveLayoutSettings } from "./layout-settings.ts";

describe("layout settings", () => {
  it("defaults to the gbt9704.md fonts, a 579-twip pitch, the portable grid and 3 lines before the signature", () => {
    expect(defaultLayoutSettings).toEqual({
      fonts: {
        title: "方正小标宋简体",
        body: "仿宋_GB2312",
        heading1: "黑体",
        heading2: "楷体_GB2312",
        pageNumber: "宋体",
        latin: "Times New Roman",
      },
      linePitch: 579,
      grid: "portable",
      blankLinesBeforeSignature: 3,
      redColor: "FF0000",
      keepHeadingsWithNext: false,
      boldLeads: true,
    });
  });

  it("overrides single fonts and keeps the other defaults", () => {
    const settings = resolveLayoutSettings({ fonts: { body: "仿宋" }, grid: "word" });
    expect(settings.fonts.body).toBe("仿宋");
    expect(settings.fonts.heading1).toBe("黑体");
    expect(settings.grid).toBe("word");
  });

  it("refuses font names that could break out of XML or CSS, and impossible values", () => {
    expect(() => resolveLayoutSettings({ fonts: { body: '仿宋"</style>' } })).toThrow();
    expect(() => resolveLayoutSettings({ linePitch: 57.9 })).toThrow();
    expect(() => resolveLayoutSettings({ redColor: "red" })).toThrow();
    expect(() => resolveLayoutSettings({ grid: "mixed" as never })).toThrow();
  });
});
