import { describe, expect, it } from "vitest";
import { isName, personName } from "./person-names.ts";

describe("personName", () => {
  it.each([
    ["张伟", "张伟"],
    ["副镇长张伟", "张伟"],
    ["李强镇长", "李强"],
    ["王建国（党委书记）", "王建国"],
    ["分管副局长张三", "张三"],
    ["阿依古丽", "阿依古丽"],
  ])("reads %s as the name %s", (cell, name) => {
    expect(personName(cell).name).toBe(name);
  });

  it.each(["站长", "办公室主任", "分管副镇长", "主要负责人", "市场科科长"])(
    "takes the post %s for no name",
    (cell) => {
      expect(personName(cell)).toMatchObject({ name: null, post: cell });
    },
  );
});

describe("isName", () => {
  it("takes no place, office or post for a person", () => {
    expect(["江北区", "城东镇", "办公室", "镇长", "分管"].filter(isName)).toEqual([]);
    expect(["王丽", "孙小明", "欧阳明辉"].every(isName)).toBe(true);
  });
});
