import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ROLE_LABELS } from "../domain/account.ts";
import { REVIEWER_ROLES } from "../domain/review-chain.ts";
import { calendarDateSchema, labelledEnum, parseInput } from "./validation.ts";

describe("parseInput messages", () => {
  it("says list and text limits in plain Chinese, without English type names", () => {
    const schema = z.object({ problems: z.array(z.string()).max(3), title: z.string().max(5) });
    let error: unknown;
    try {
      parseInput(schema, { problems: ["a", "b", "c", "d"], title: "六个字的标题" }, "导入内容");
    } catch (e) {
      error = e;
    }
    const fields = (error as { fields: { path: string; message: string }[] }).fields;
    expect(fields).toEqual([
      expect.objectContaining({ path: "problems", message: "最多3项，超出上限" }),
      expect.objectContaining({ path: "title", message: "不能超过5个字符" }),
    ]);
    expect(JSON.stringify(fields)).not.toMatch(/array|string/);
  });

  it("names each allowed code with its Chinese label", () => {
    const schema = z.object({ levels: z.array(labelledEnum(REVIEWER_ROLES, ROLE_LABELS, "审核层级")) });
    const error = (() => {
      try {
        parseInput(schema, { levels: ["boss"] });
      } catch (e) {
        return e as { fields: { path: string; message: string }[] };
      }
    })();
    expect(error?.fields).toEqual([
      expect.objectContaining({
        path: "levels.0",
        message:
          "审核层级应为以下之一：unit_office（单位整改办）、unit_leader（单位领导）、oversight（巡察办）、inspection_team（巡察组）",
      }),
    ]);
  });

  it("says once that a text is no date, and that a well-formed day does not exist", () => {
    const messages = (value: string) =>
      calendarDateSchema.safeParse(value).error?.issues.map((i) => i.message);
    expect(messages("明年")).toEqual(["日期格式应为 YYYY-MM-DD"]);
    expect(messages("2021-02-30")).toEqual(["不是有效的日期"]);
    expect(messages("2021-02-28")).toBeUndefined();
  });
});
