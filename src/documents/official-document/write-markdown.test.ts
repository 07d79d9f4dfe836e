import { describe, expect, it } from "vitest";
import { makeOfficialDocument } from "../../../test/support/make-official-document.ts";
import { blockText } from "./official-document.ts";
import { escapeMarkdown, writeMarkdown } from "./write-markdown.ts";

describe("writeMarkdown", () => {
  it("writes the notice with its numbering on heading lines and the signature after a blank line", () => {
    const md = writeMarkdown(makeOfficialDocument());
    expect(md).toBe(
      [
        "# 中共无锡市文学艺术界联合会党组关于巡察整改情况的通报",
        "各党支部：",
        "根据市委统一部署，2020年11月12日至2021年1月12日，市委第八巡察组对市文联党组进行了巡察。现将巡察整改情况予以公布。",
        "## 一、整改工作组织情况",
        "（一）提高政治站位，强化组织领导。市文联党组先后3次召开会议，专题学习巡察整改精神。",
        "## 二、整改落实情况",
        "### （一）已整改完成的问题",
        "针对巡察反馈意见指出的问题，真改实改，截至目前，共计8个问题已整改。",
        "#### 1、关于“学习前瞻性思考不多、谋划不深”问题的整改。",
        "整改结果及成效：",
        "一是加强学习培训。组织各文艺家协会优秀文艺骨干47人参加培训。",
        "##### （1）建立学习制度",
        "整改情况：已制定《党组理论学习中心组学习制度》。",
        "## 三、下一步全面推进整改计划",
        "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0510-12345678。",
        "附件：1.巡察整改任务清单",
        "2.整改完成情况统计表",
        "中共无锡市文学艺术界联合会党组  \n2021年6月30日",
        "（此件发至各党支部）",
      ].join("\n\n") + "\n",
    );
  });

  it("leaves out the red header and the 版记", () => {
    const md = writeMarkdown(makeOfficialDocument());
    expect(md).not.toContain("〔2021〕3号");
    expect(md).not.toContain("抄送");
    expect(md).not.toContain("印发");
  });

  it("gives a line reader every text of the model unchanged once heading marks and blank lines are dropped", () => {
    const doc = makeOfficialDocument({ variant: "public" });
    const lines = writeMarkdown(doc)
      .split("\n")
      .map((line) => line.replace(/^#{1,6} /, "").trim())
      .filter((line) => line !== "");
    expect(lines).toEqual([
      doc.title,
      "各党支部：",
      ...doc.blocks.map(blockText),
      "附件：1.巡察整改任务清单",
      "2.整改完成情况统计表",
      "中共无锡市文学艺术界联合会党组",
      "2021年6月30日",
      "（此件发至各党支部）",
    ]);
  });

  it("escapes only what Markdown would interpret", () => {
    expect(escapeMarkdown("关于“学习”问题的整改（一）1.、《条例》——2021年5·10思廉月")).toBe(
      "关于“学习”问题的整改（一）1.、《条例》——2021年5·10思廉月",
    );
    expect(escapeMarkdown("字体仿宋_GB2312")).toBe("字体仿宋_GB2312");
    expect(escapeMarkdown("# 不是标题")).toBe("\\# 不是标题");
    expect(escapeMarkdown("1. 不是列表")).toBe("1\\. 不是列表");
    expect(escapeMarkdown("- 不是列表")).toBe("\\- 不是列表");
    expect(escapeMarkdown("> 不是引用")).toBe("\\> 不是引用");
    expect(escapeMarkdown("---")).toBe("\\---");
    expect(escapeMarkdown("a*b* `c` [链接](http://x) _强调_")).toBe(
      "a\\*b\\* \\`c\\` \\[链接](http://x) \\_强调\\_",
    );
    expect(escapeMarkdown("<script>alert(1)</script> &amp; 1<2")).toBe(
      "\\<script>alert(1)\\</script> \\&amp; 1<2",
    );
    expect(escapeMarkdown("路径\\*")).toBe("路径\\\\\\*");
  });

  it("keeps a title with a requested line break on one heading line", () => {
    expect(writeMarkdown(makeOfficialDocument({ title: "中共某某委员会关于\n巡察整改情况的通报" }))).toMatch(
      /^# 中共某某委员会关于巡察整改情况的通报\n/,
    );
  });
});
