import { describe, expect, it } from "vitest";
import { escapeLike } from "./like-pattern.ts";

describe("escapeLike", () => {
  it("escapes LIKE's wildcards and its escape character, and leaves everything else as it is", () => {
    expect(escapeLike("100%")).toBe("100\\%");
    expect(escapeLike("a_b")).toBe("a\\_b");
    expect(escapeLike("C:\\temp")).toBe("C:\\\\temp");
    expect(escapeLike("\\%_")).toBe("\\\\\\%\\_");
    expect(escapeLike("市文联党组〔2021〕")).toBe("市文联党组〔2021〕");
  });
});
