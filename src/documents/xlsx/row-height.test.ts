import { describe, expect, it } from "vitest";
import { MAX_ROW_HEIGHT, rowHeight, spreadHeights, textUnits, wrappedLines } from "./row-height.ts";

describe("row heights", () => {
  it("counts CJK characters and full-width punctuation double, Latin letters and digits single", () => {
    expect(textUnits("整改，ab12")).toBe(4 + 2 + 4);
    expect(textUnits("𠮷")).toBe(2);
  });

  it("keeps a text that fits on one line, wraps a longer one with a reserve and starts each paragraph anew", () => {
    expect(wrappedLines("限期整改", 10, 11)).toBe(1);
    // A 46-wide column holds 43 units; a wrapping paragraph fills 41 of each line.
    expect(wrappedLines("字".repeat(21), 46, 11)).toBe(1);
    expect(wrappedLines("字".repeat(22), 46, 11)).toBe(2);
    expect(wrappedLines("字".repeat(82), 46, 11)).toBe(4);
    expect(wrappedLines("一\n二\n\n三", 46, 11)).toBe(4);
  });

  it("makes the row as tall as its tallest cell and never taller than Excel allows", () => {
    const one = rowHeight([{ text: "短", width: 10 }], 11);
    const three = rowHeight(
      [
        { text: "短", width: 10 },
        { text: "一\n二\n三", width: 20 },
      ],
      11,
    );
    expect(three - one).toBe(2 * 16);
    expect(rowHeight([{ text: "字".repeat(5000), width: 10 }], 11)).toBe(MAX_ROW_HEIGHT);
    expect(rowHeight([], 11, 30)).toBe(30);
  });

  it("shares out what a merged cell lacks over the rows it spans, and leaves rows alone when they suffice", () => {
    expect(spreadHeights([20, 40], 100)).toEqual([40, 60]);
    expect(spreadHeights([20, 90], 100)).toEqual([20, 90]);
  });
});
