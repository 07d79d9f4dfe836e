import { z } from "zod";
import { describe, expect, it } from "vitest";
import { parseInput } from "./validation.ts";

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
});
