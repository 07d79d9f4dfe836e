import { describe, expect, it } from "vitest";
import {
  noticeLayoutOptionsSchema,
  noticeSettingsFileSchema,
  normalizeDocNumber,
  resolveNoticeLayout,
} from "./notice-layout-options.ts";

describe("normalizeDocNumber", () => {
  it("puts the year in 六角括号 and drops 第 and leading zeros (GB/T 9704 cl. 7.2.5)", () => {
    expect(normalizeDocNumber("市文联党组〔2021〕3号")).toBe("市文联党组〔2021〕3号");
    expect(normalizeDocNumber("市文联党组[2021]第03号")).toBe("市文联党组〔2021〕3号");
    expect(normalizeDocNumber("锡委发（2021）12号")).toBe("锡委发〔2021〕12号");
    expect(normalizeDocNumber("锡委发【2021】7")).toBe("锡委发〔2021〕7号");
  });

  it("refuses what is not 代字〔年份〕序号", () => {
    expect(normalizeDocNumber("〔2021〕3号")).toBeNull();
    expect(normalizeDocNumber("市文联党组2021年3号")).toBeNull();
    expect(normalizeDocNumber("市文联党组〔2021〕三号")).toBeNull();
    const parsed = noticeLayoutOptionsSchema.safeParse({ docNumber: "三号文" });
    expect(parsed.success).toBe(false);
  });
});

describe("resolveNoticeLayout", () => {
  const file = noticeSettingsFileSchema.parse({
    default: { printedBy: "默认办公室", copyTo: ["市委巡察办"] },
    units: {
      "org-1": { issuer: "中共无锡市文学艺术界联合会党组", docNumber: "市文联党组〔2021〕1号" },
      某局: { issuer: "中共某局党组" },
    },
  });

  it("layers the defaults, the unit's own settings (by id, else name) and this document's options", () => {
    expect(
      resolveNoticeLayout(file, { id: "org-1", name: "市文联党组" }, { docNumber: "市文联党组〔2021〕3号" }),
    ).toEqual({
      printedBy: "默认办公室",
      copyTo: ["市委巡察办"],
      issuer: "中共无锡市文学艺术界联合会党组",
      docNumber: "市文联党组〔2021〕3号",
    });
    expect(resolveNoticeLayout(file, { id: "org-9", name: "某局" }).issuer).toBe("中共某局党组");
    expect(resolveNoticeLayout(undefined, { id: "x", name: "y" }, { addressee: "各党支部" })).toEqual({
      addressee: "各党支部",
    });
  });

  it("lets an explicitly given option win but ignores options left undefined", () => {
    const resolved = resolveNoticeLayout(file, { id: "org-1", name: "" }, { issuer: undefined });
    expect(resolved.issuer).toBe("中共无锡市文学艺术界联合会党组");
  });
});
