import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { makeOfficialDocument } from "../../../test/support/make-official-document.ts";
import { readZip } from "../../../test/support/read-zip.ts";
import { blockText, type OfficialDocument } from "./official-document.ts";
import { writeDocx } from "./write-docx.ts";
import type { LayoutSettingsInput } from "./layout-settings.ts";

interface XmlParagraph {
  xml: string;
  text: string;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Top-level and table paragraphs of a part, with their visible text. */
function paragraphs(xml: string): XmlParagraph[] {
  return [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map(([p]) => ({
    xml: p,
    text: unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
  }));
}

function paragraphWith(xml: string, text: string): XmlParagraph {
  const found = paragraphs(xml).find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph with text ${text}`);
  return found;
}

/** The run of a paragraph whose text is `text`. */
function runWith(p: XmlParagraph, text: string): string {
  const run = [...p.xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)]
    .map(([r]) => r)
    .find((r) => r.includes(`>${text}</w:t>`));
  if (!run) throw new Error(`no run with text ${text}`);
  return run;
}

const eastAsia = (xml: string) => /w:eastAsia="([^"]+)"/.exec(xml)?.[1];

/** The footers (default, even) of the document's last section. */
function lastSectionFooters(document: string, part: (name: string) => string): string[] {
  const last = [...document.matchAll(/<w:sectPr(?:(?!<\/w:sectPr>).)*<\/w:sectPr>/gs)].at(-1)?.[0] ?? "";
  const rels = part("word/_rels/document.xml.rels");
  return [...last.matchAll(/<w:footerReference w:type="\w+" r:id="(\w+)"\/>/g)].map(([, id]) => {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return part(`word/${target}`);
  });
}

async function generate(doc: OfficialDocument = makeOfficialDocument(), settings?: LayoutSettingsInput) {
  const zip = await readZip(await writeDocx(doc, settings));
  const part = (name: string) => {
    const xml = zip.get(name);
    if (xml === undefined) throw new Error(`missing ${name}`);
    return xml;
  };
  return { zip, part, document: part("word/document.xml") };
}

describe("writeDocx page setup", () => {
  it("writes A4 with the GB/T 9704 margins, header and footer distances", async () => {
    const { document } = await generate();
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(document).toContain(
      '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1418" w:gutter="0"/>',
    );
  });

  it("uses Word's line-and-character grid when the word grid is chosen", async () => {
    const { document } = await generate(makeOfficialDocument(), { grid: "word" });
    expect(document).toContain('<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/>');
    expect(document).not.toContain('<w:spacing w:val="-5"/>');
  });

  it("uses a line grid and −0.25 pt tracking on 三号 runs by default (the portable grid)", async () => {
    const { document } = await generate();
    expect(document).toContain('<w:docGrid w:type="default" w:linePitch="579"/>');
    const body = paragraphWith(document, blockText(makeOfficialDocument().blocks[0]!));
    expect(body.xml).toContain('<w:spacing w:val="-5"/>');
    const title = paragraphWith(document, makeOfficialDocument().title);
    expect(title.xml).not.toContain('<w:spacing w:val="-5"/>'); // 二号, not 三号
  });

  it("takes the line pitch from the settings", async () => {
    const { document } = await generate(makeOfficialDocument(), { linePitch: 560 });
    expect(document).toContain('w:linePitch="560"');
    expect(document).toContain('w:line="560" w:lineRule="exact"');
    expect(document).not.toContain('w:line="579"');
  });

  it("makes the Normal style 三号 仿宋 with exact spacing, so the grid's charSpace has its base", async () => {
    const { part } = await generate();
    const styles = part("word/styles.xml");
    const normal =
      /<w:style w:type="paragraph" w:styleId="Normal" w:default="1">.*?<\/w:style>/s.exec(styles)?.[0] ?? "";
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(eastAsia(normal)).toBe("仿宋_GB2312");
    expect(normal).toContain('w:line="579" w:lineRule="exact"');
    expect(normal).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(styles.match(/w:styleId="Normal"/g)).toHaveLength(1);
  });
});

describe("writeDocx elements", () => {
  const doc = makeOfficialDocument();

  it("sets the title in 二号 方正小标宋简体, centred, not bold, off the character grid, then one empty line", async () => {
    const { document } = await generate();
    const all = paragraphs(document);
    const index = all.findIndex((p) => p.text === doc.title);
    const title = all[index]!;
    expect(eastAsia(title.xml)).toBe("方正小标宋简体");
    expect(title.xml).toContain('<w:sz w:val="44"/>');
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    expect(title.xml).toContain('<w:snapToGrid w:val="false"/>');
    expect(title.xml).not.toContain("<w:b/>");
    expect(all[index + 1]!.text).toBe("");
    expect(all[index + 2]!.text).toBe("各党支部：");
  });

  it("gives every heading level its font, the 2-字 indent, keep-with-next and an outline level", async () => {
    const { document } = await generate();
    const expected = [
      ["一、整改工作组织情况", "黑体", 0],
      ["（一）已整改完成的问题", "楷体_GB2312", 1],
      ["1、关于“学习前瞻性思考不多、谋划不深”问题的整改。", "仿宋_GB2312", 2],
      ["（1）建立学习制度", "仿宋_GB2312", 3],
    ] as const;
    for (const [text, font, level] of expected) {
      const p = paragraphWith(document, text);
      expect(eastAsia(p.xml), text).toBe(font);
      expect(p.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
      expect(p.xml).not.toContain("<w:keepNext/>"); // 22 lines on every full page first (keepHeadingsWithNext)
      expect(p.xml).toContain(`<w:outlineLvl w:val="${level}"/>`);
      expect(p.xml).toContain('w:line="579" w:lineRule="exact"');
    }
  });

  it("writes a run-in heading in the heading font and its continuation in the body font", async () => {
    const { document } = await generate();
    const p = paragraphWith(
      document,
      "（一）提高政治站位，强化组织领导。市文联党组先后3次召开会议，专题学习巡察整改精神。",
    );
    expect(eastAsia(runWith(p, "（一）提高政治站位，强化组织领导。"))).toBe("楷体_GB2312");
    expect(eastAsia(runWith(p, "市文联党组先后3次召开会议，专题学习巡察整改精神。"))).toBe("仿宋_GB2312");
    expect(p.xml).not.toContain("<w:keepNext/>");
  });

  it("justifies body paragraphs in 仿宋 with exact lines, a 2-字 indent and widow control off", async () => {
    const { document } = await generate();
    const p = paragraphWith(document, blockText(doc.blocks[0]!));
    expect(eastAsia(p.xml)).toBe("仿宋_GB2312");
    expect(p.xml).toContain('<w:jc w:val="both"/>');
    expect(p.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
    expect(p.xml).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
    expect(p.xml).toContain('<w:widowControl w:val="false"/>');
    expect(p.xml).toContain('w:hint="eastAsia"');
    expect(p.xml).toContain('w:ascii="Times New Roman"');
    expect(p.xml).toContain('<w:lang w:eastAsia="zh-CN"/>');
  });

  it("keeps headings and labels with the next paragraph only when asked", async () => {
    const { document } = await generate(doc, { keepHeadingsWithNext: true });
    expect(paragraphWith(document, "一、整改工作组织情况").xml).toContain("<w:keepNext/>");
    expect(paragraphWith(document, "整改结果及成效：").xml).toContain("<w:keepNext/>");
    const { document: plain } = await generate(doc);
    expect(paragraphWith(plain, "整改结果及成效：").xml).not.toContain("<w:keepNext/>");
  });

  it("writes a paragraph lead as its own bold run", async () => {
    const { document } = await generate();
    const p = paragraphWith(document, "一是加强学习培训。组织各文艺家协会优秀文艺骨干47人参加培训。");
    expect(runWith(p, "一是")).toContain("<w:b/>");
    expect(runWith(p, "加强学习培训。组织各文艺家协会优秀文艺骨干47人参加培训。")).not.toContain("<w:b/>");
    const plain = await generate(doc, { boldLeads: false });
    expect(
      paragraphWith(plain.document, "一是加强学习培训。组织各文艺家协会优秀文艺骨干47人参加培训。").xml,
    ).not.toContain("<w:b/>");
  });

  it("lists attachments after an empty line, later numbers aligned under the first", async () => {
    const { document } = await generate();
    const all = paragraphs(document);
    const first = all.findIndex((p) => p.text === "附件：1.巡察整改任务清单");
    expect(all[first - 1]!.text).toBe("");
    expect(all[first]!.xml).toContain('<w:ind w:left="1920" w:hanging="1280"/>'); // starts at 2 字, wraps at 6 字
    expect(all[first + 1]!.text).toBe("2.整改完成情况统计表");
    expect(all[first + 1]!.xml).toContain('<w:ind w:left="1920" w:hanging="320"/>'); // starts at 5 字
  });

  it("places a sealed signature: date 4 字 from the right, name centred over it, after the configured gap", async () => {
    const short = makeOfficialDocument({
      signature: { org: "中共某某委员会", date: "2026-03-06" },
      attachments: [],
    });
    const { document } = await generate(short, { blankLinesBeforeSignature: 2 });
    const all = paragraphs(document);
    const name = all.findIndex((p) => p.text === "中共某某委员会");
    // "2026年3月6日" is 6 字 wide, the name 7: 4 + (6 − 7) / 2 = 3.5 字 = 1120 twips.
    expect(all[name]!.xml).toContain('<w:ind w:right="1120"/>');
    expect(all[name]!.xml).toContain('<w:jc w:val="right"/>');
    expect(all[name + 1]!.text).toBe("2026年3月6日");
    expect(all[name + 1]!.xml).toContain('<w:ind w:right="1280"/>');
    expect(all[name - 1]!.text).toBe("");
    expect(all[name - 2]!.text).toBe("");
    expect(all[name - 3]!.text).toBe(blockText(short.blocks.at(-1)!));
    expect(all[name - 3]!.xml).toContain("<w:keepNext/>"); // the seal stays within one line of the text
    expect(all[name + 2]!.text).toBe("（此件发至各党支部）");
    expect(all[name + 2]!.xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it("places an unsealed signature 2 字 from the right after one empty line", async () => {
    const unsealed = makeOfficialDocument({
      signature: { org: "中共某某委员会", date: "2026-03-06", sealed: false },
      attachments: [],
    });
    const { document } = await generate(unsealed);
    const all = paragraphs(document);
    const name = all.findIndex((p) => p.text === "中共某某委员会");
    expect(all[name]!.xml).toContain('<w:ind w:right="640"/>');
    expect(all[name + 1]!.xml).toContain('<w:ind w:right="320"/>'); // date starts 2 字 right of the name's start
    expect(all[name - 1]!.text).toBe("");
    expect(all[name - 2]!.text).not.toBe("");
  });

  it("writes odd/even page-number footers '— PAGE —' in 四号 宋体 on the outer side", async () => {
    const { part, document } = await generate(makeOfficialDocument({ colophon: undefined }));
    expect(part("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const refs = new Map(
      [...document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [
        m[1] ?? "",
        m[2] ?? "",
      ]),
    );
    expect([...refs.keys()].sort()).toEqual(["default", "even"]);
    const rels = part("word/_rels/document.xml.rels");
    const footerOf = (id: string | undefined) => {
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return part(`word/${target}`);
    };
    const odd = footerOf(refs.get("default"));
    const even = footerOf(refs.get("even"));
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(footer).toContain(">— </w:t>");
      expect(footer).toContain("> —</w:t>");
      expect(eastAsia(footer)).toBe("宋体");
      expect(footer).toContain('w:ascii="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toContain('<w:ind w:right="280"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toContain('<w:ind w:left="280"/>');
  });

  it("escapes & < > in content and drops characters XML cannot carry", async () => {
    const doc = makeOfficialDocument({
      title: "关于A&B<script>整改的通报",
      blocks: [{ type: "paragraph", lead: "<b>", text: '资金\u0001 1<2 && 3>2 "引号"' }],
    });
    const { document } = await generate(doc);
    expect(document).toContain("关于A&amp;B&lt;script&gt;整改的通报");
    expect(document).toContain("&lt;b&gt;");
    expect(document).toContain("资金 1&lt;2 &amp;&amp; 3&gt;2");
    expect(document).not.toContain("<script>");
    expect(document).not.toContain("\u0001");
  });

  it("uses the configured font names", async () => {
    const { document } = await generate(makeOfficialDocument(), {
      fonts: { body: "仿宋", heading1: "方正黑体_GBK" },
    });
    expect(eastAsia(paragraphWith(document, blockText(makeOfficialDocument().blocks[0]!)).xml)).toBe("仿宋");
    expect(eastAsia(paragraphWith(document, "一、整改工作组织情况").xml)).toBe("方正黑体_GBK");
    expect(eastAsia(paragraphWith(document, makeOfficialDocument().title).xml)).toBe("方正小标宋简体");
  });
});

describe("writeDocx variants", () => {
  it("gives the internal variant a red 发文机关标志, the 发文字号 and a red separator", async () => {
    const { document } = await generate();
    const issuer = paragraphWith(document, "中共无锡市文学艺术界联合会党组");
    expect(issuer.xml).toContain('<w:color w:val="FF0000"/>');
    expect(eastAsia(issuer.xml)).toBe("方正小标宋简体");
    expect(issuer.xml).toContain('<w:jc w:val="center"/>');
    expect(issuer.xml).toContain('w:before="1984"');
    expect(paragraphWith(document, "市文联党组〔2021〕3号").xml).toContain('<w:jc w:val="center"/>');
    expect(document).toMatch(/<w:bottom w:val="single" w:color="FF0000" w:sz="8"/);
  });

  it("writes the 版记 as a table with thick outer and thin inner rules in the last section's footer", async () => {
    const { document: body, part } = await generate();
    expect(body).not.toContain("印发");
    const document = lastSectionFooters(body, part)[0]!;
    expect(document).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="8"\/>/);
    expect(document).toContain('<w:insideH w:val="single" w:color="000000" w:sz="6"/>');
    const copyTo = paragraphWith(document, "抄送：市委巡察办，市委第八巡察组。");
    expect(copyTo.xml).toContain('<w:ind w:left="1120" w:right="280" w:hanging="840"/>');
    expect(copyTo.xml).toContain('<w:sz w:val="28"/>');
    const printed = paragraphWith(document, "无锡市文学艺术界联合会办公室2021年6月30日印发");
    expect(printed.xml).toContain("<w:tab/>");
    expect(printed.xml).toContain('<w:tab w:val="right" w:pos="8564"/>');
    expect(document).toMatch(/<\/w:tbl><w:p>.*?<\/w:p><\/w:ftr>/s); // a footer ends with a paragraph
  });

  it("writes neither red header nor 版记 when the model carries none", async () => {
    const { document } = await generate(
      makeOfficialDocument({ variant: "public", redHeader: undefined, colophon: undefined }),
    );
    expect(document).not.toContain("FF0000");
    expect(document).not.toContain("市文联党组〔2021〕3号");
    expect(document).not.toContain("<w:tbl>");
    expect(document).not.toContain("印发");
    expect(paragraphs(document)[0]!.text).toBe(makeOfficialDocument().title);
  });
});

describe("writeDocx read back", () => {
  it("gives back every text in reading order through mammoth.extractRawText", async () => {
    const doc = makeOfficialDocument({ variant: "public", redHeader: undefined, colophon: undefined });
    const { value } = await mammoth.extractRawText({ buffer: await writeDocx(doc) });
    const lines = value.split("\n").filter((line) => line.trim() !== "");
    expect(lines).toEqual([
      doc.title, // mammoth joins the title's two lines (a w:br inside the paragraph)
      "各党支部：",
      ...doc.blocks.map(blockText),
      "附件：1.巡察整改任务清单",
      "2.整改完成情况统计表",
      "中共无锡市文学艺术界联合会党组",
      "2021年6月30日",
      "（此件发至各党支部）",
    ]);
  });

  it("keeps the internal furniture around the same body text", async () => {
    const doc = makeOfficialDocument();
    const { value } = await mammoth.extractRawText({ buffer: await writeDocx(doc) });
    const lines = value.split("\n").filter((line) => line.trim() !== "");
    expect(lines.slice(0, 3)).toEqual(["中共无锡市文学艺术界联合会党组", "市文联党组〔2021〕3号", doc.title]);
    expect(lines.slice(-2)).toEqual(["2021年6月30日", "（此件发至各党支部）"]); // the 版记 is in a footer
  });
});

describe("writeDocx title lines, 签发人 and the 版记 page", () => {
  it("breaks the title before 关于 with a line break inside the one title paragraph", async () => {
    const { document } = await generate();
    const title = paragraphWith(document, makeOfficialDocument().title);
    expect(title.xml).toMatch(
      />中共无锡市文学艺术界联合会党组<\/w:t><\/w:r><w:r>(?:(?!<\/w:r>).)*<w:br\/><w:t[^>]*>关于巡察整改情况的通报</s,
    );
  });

  it("puts 签发人 on the 发文字号 line, the names in 楷体, through a right tab stop", async () => {
    const doc = makeOfficialDocument({
      redHeader: { issuer: "某某局", docNumber: "某局〔2021〕3号", signers: ["张三", "李四"] },
    });
    const { document } = await generate(doc);
    const line = paragraphWith(document, "某局〔2021〕3号签发人：张三、李四");
    expect(line.xml).toContain('<w:tab w:val="right" w:pos="8524"/>');
    expect(eastAsia(runWith(line, "张三、李四"))).toBe("楷体_GB2312");
    expect(line.xml).not.toContain('<w:jc w:val="center"/>');
  });

  it("puts the 版记 on an even page of its own: a section whose footers are the 版记, without page numbers", async () => {
    const { document, part } = await generate();
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    const second = /<w:sectPr(?:(?!<\/w:sectPr>).)*<\/w:sectPr>\s*<\/w:body>/s.exec(document)?.[0] ?? "";
    expect(second).toContain('<w:type w:val="evenPage"/>');
    expect(second).toContain('w:footer="1984"'); // the footer's bottom edge on the 版心's bottom edge
    for (const footer of lastSectionFooters(document, part)) {
      expect(footer).not.toContain("PAGE");
      expect(footer).toContain("2021年6月30日印发");
    }
    const oddToo = await generate(
      makeOfficialDocument({ colophon: { ...makeOfficialDocument().colophon!, onEvenPage: false } }),
    );
    expect(oddToo.document).toContain('<w:type w:val="nextPage"/>');
  });
});
