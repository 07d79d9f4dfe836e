import { describe, expect, it } from "vitest";
import {
  attachmentLines,
  blockText,
  copyToLine,
  formatOfficialDate,
  oneLine,
  printedOnText,
  showsColophon,
  showsRedHeader,
  titleLines,
} from "./official-document.ts";
import { makeOfficialDocument } from "../../../test/support/make-official-document.ts";

describe("official document helpers", () => {
  it("writes dates with Arabic numerals, full year and no zero padding", () => {
    expect(formatOfficialDate("2021-03-04")).toBe("2021年3月4日");
    expect(formatOfficialDate("2026-12-31")).toBe("2026年12月31日");
    expect(() => formatOfficialDate("2021-02-29")).toThrow(RangeError);
    expect(printedOnText("2021-06-30")).toBe("2021年6月30日印发");
  });

  it("reads a block as it appears on the page", () => {
    expect(blockText({ type: "heading", level: 1, number: "一、", text: "整改工作组织情况" })).toBe(
      "一、整改工作组织情况",
    );
    expect(
      blockText({
        type: "heading",
        level: 2,
        number: "（一）",
        text: "压实责任。",
        runIn: "党组先后3次召开会议。",
      }),
    ).toBe("（一）压实责任。党组先后3次召开会议。");
    expect(blockText({ type: "paragraph", lead: "一是", text: "加强学习。" })).toBe("一是加强学习。");
    expect(blockText({ type: "label", text: "整改结果及成效：" })).toBe("整改结果及成效：");
  });

  it("drops line breaks inside block texts but keeps requested title lines", () => {
    expect(oneLine("第一行\n 第二行\r\n第三行")).toBe("第一行第二行第三行");
    expect(titleLines("中共某某委员会关于\n巡察整改情况的通报\n")).toEqual([
      "中共某某委员会关于",
      "巡察整改情况的通报",
    ]);
  });

  it("numbers several attachments and leaves a single one unnumbered", () => {
    expect(attachmentLines(["整改台账"])).toEqual(["附件：整改台账"]);
    expect(attachmentLines(["整改台账", "制度清单"])).toEqual(["附件：1.整改台账", "2.制度清单"]);
    expect(attachmentLines([])).toEqual([]);
  });

  it("writes the 抄送 line with full-width commas and a full stop", () => {
    expect(copyToLine(["市委巡察办", "市纪委监委"])).toBe("抄送：市委巡察办，市纪委监委。");
  });

  it("shows the red header and 版记 whenever the model carries them, in both versions", () => {
    expect(showsRedHeader(makeOfficialDocument())).toBeDefined();
    expect(showsColophon(makeOfficialDocument({ variant: "public" }))).toBeDefined();
    expect(showsRedHeader(makeOfficialDocument({ redHeader: undefined }))).toBeUndefined();
    expect(showsColophon(makeOfficialDocument({ colophon: undefined }))).toBeUndefined();
  });
});
