import { describe, expect, it } from "vitest";
import {
  charWidth,
  estimateLines,
  freeLinesOnPage,
  pageOfLine,
  signatureGap,
  textWidth,
} from "./estimate-lines.ts";
import { signatureIndents } from "./signature-indents.ts";

const cjk = (n: number) => "整".repeat(n);

describe("character widths", () => {
  it("counts CJK characters and full-width punctuation as one 字 and ASCII as half", () => {
    expect(charWidth("整")).toBe(1);
    expect(charWidth("，")).toBe(1);
    expect(charWidth("“")).toBe(1);
    expect(charWidth("—")).toBe(1);
    expect(charWidth("·")).toBe(1);
    expect(charWidth("7")).toBe(0.5);
    expect(charWidth("A")).toBe(0.5);
    expect(charWidth("ｱ")).toBe(0.5);
    expect(textWidth("2026年3月6日")).toBe(6);
    expect(textWidth("𠀀")).toBe(1); // astral ideograph: one character, not two halves
  });
});

describe("estimateLines", () => {
  it("fits 26 characters after a 2-字 indent on one line and wraps the 27th", () => {
    expect(estimateLines(cjk(26), { indentChars: 2 })).toBe(1);
    expect(estimateLines(cjk(27), { indentChars: 2 })).toBe(2);
    expect(estimateLines(cjk(54), { indentChars: 2 })).toBe(2);
    expect(estimateLines(cjk(55), { indentChars: 2 })).toBe(3);
  });

  it("puts 56 ASCII digits on one line and counts an empty paragraph as a line", () => {
    expect(estimateLines("1".repeat(56))).toBe(1);
    expect(estimateLines("1".repeat(57))).toBe(2);
    expect(estimateLines("")).toBe(1);
  });

  it("honours a narrower line", () => {
    expect(estimateLines(cjk(20), { charsPerLine: 20 })).toBe(1);
    expect(estimateLines(cjk(21), { charsPerLine: 20 })).toBe(2);
  });
});

describe("pages", () => {
  it("knows the page of a line and what is left on it", () => {
    expect(pageOfLine(1)).toBe(1);
    expect(pageOfLine(22)).toBe(1);
    expect(pageOfLine(23)).toBe(2);
    expect(freeLinesOnPage(0)).toBe(22);
    expect(freeLinesOnPage(20)).toBe(2);
    expect(freeLinesOnPage(22)).toBe(22);
  });
});

describe("signatureGap", () => {
  it("keeps the wanted gap when gap, name and date fit under the last body line", () => {
    expect(signatureGap(10, 3)).toBe(3);
    expect(signatureGap(17, 3)).toBe(3); // 5 lines free: 3 + 2
  });

  it("shrinks the gap rather than leave the signature alone on the next page", () => {
    expect(signatureGap(18, 3)).toBe(2); // 4 free
    expect(signatureGap(19, 3)).toBe(1); // 3 free
  });

  it("keeps the wanted gap when not even one empty line fits (keep-with-next then moves the last line)", () => {
    expect(signatureGap(20, 3)).toBe(3);
    expect(signatureGap(22, 3)).toBe(3);
  });
});

describe("signatureIndents", () => {
  it("centres the name over a date with a 4-字 right gap when sealed (gbt9704.md §1.5 case 1)", () => {
    expect(signatureIndents("中共某某委员会", "2026年3月6日", true)).toEqual({ name: 3.5, date: 4 });
    expect(signatureIndents("某局", "2026年12月16日", true)).toEqual({ name: 6.5, date: 4 }); // 4 + (7 − 2) / 2
    expect(signatureIndents("中共无锡市文学艺术界联合会党组", "2021年6月30日", true).name).toBe(0);
  });

  it("starts the date 2 字 right of the name when unsealed, or moves the name when the date is longer", () => {
    expect(signatureIndents("中共某某委员会", "2026年3月6日", false)).toEqual({ name: 2, date: 1 });
    expect(signatureIndents("某局", "2026年3月6日", false)).toEqual({ name: 8, date: 2 });
  });
});
