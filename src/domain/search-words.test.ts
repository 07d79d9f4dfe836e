import { describe, expect, it } from "vitest";
import { containsEveryWord, searchWords } from "./search-words.ts";

describe("searchWords", () => {
  it("splits on blanks, full-width ones too, and keeps each word once in the order typed", () => {
    expect(searchWords("  文联　2021 巡察 文联 ")).toEqual(["文联", "2021", "巡察"]);
    expect(searchWords(" \u3000 ")).toEqual([]);
  });
});

describe("containsEveryWord", () => {
  it("needs every word, literally and ignoring case", () => {
    expect(containsEveryWord("市文联党组 2021年 CPC", ["文联", "cpc"])).toBe(true);
    expect(containsEveryWord("市文联党组", ["文联", "科协"])).toBe(false);
    expect(containsEveryWord("完成率100%", ["100%"])).toBe(true);
    expect(containsEveryWord("完成率100", ["100%"])).toBe(false);
    expect(containsEveryWord("a_b", ["a%b"])).toBe(false);
    expect(containsEveryWord("任何", [])).toBe(true);
  });
});
