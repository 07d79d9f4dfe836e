// Word's own structure in a .docx (automatic numbering, tables, notes), read back as the parser's lines. Documents
// are built with the `docx` package and read by readNoticeFile as an import would; the rarer parts (numbering from
// a style, startOverride, tracked deletions) are given as WordprocessingML to docxText directly.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OUTLINE_LEVELS } from "../../../test/notice-corpus/docx-notices.ts";
import { docxText } from "./docx-text.ts";
import { parseNotice } from "./parse-notice.ts";
import { readNoticeFile } from "./read-notice-file.ts";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "docx-text-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(doc: Document, name: string) {
  const path = join(dir, `${name}.docx`);
  await writeFile(path, await Packer.toBuffer(doc));
  return readNoticeFile(path);
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

describe("reading a .docx as the notice parser's lines", () => {
  it("writes out the numbers of Word's automatic numbering, deeper levels restarting under each item", async () => {
    const h = (text: string, level: number): Paragraph =>
      new Paragraph({ children: [new TextRun(text)], numbering: { reference: "outline", level } });
    const doc = new Document({
      numbering: { config: [{ reference: "outline", levels: OUTLINE_LEVELS }] },
      sections: [
        {
          children: [
            h("整改落实情况", 0),
            h("关于党的建设方面", 1),
            h("台账不全。", 2),
            h("细项", 3),
            h("制度缺失。", 2),
            h("关于作风建设方面", 1),
            h("接待超标。", 2),
            h("下一步打算", 0),
          ],
        },
      ],
    });
    expect(lines((await read(doc, "numbered")).text)).toEqual([
      "一、整改落实情况",
      "（一）关于党的建设方面",
      "1.台账不全。",
      "①细项",
      "2.制度缺失。",
      "（二）关于作风建设方面",
      "1.接待超标。",
      "二、下一步打算",
    ]);
  });

  it("writes each table row as one line of cells separated by ｜, a cell's paragraphs joined by ；", async () => {
    const cell = (...texts: string[]): TableCell =>
      new TableCell({ children: texts.map((t) => new Paragraph(t)) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("二、反馈问题整改情况"),
            new Table({
              rows: [
                new TableRow({ children: [cell("序号"), cell("问题"), cell("整改措施"), cell("状态")] }),
                new TableRow({
                  children: [cell("1"), cell("台账不全"), cell("补齐台账。", "建立制度。"), cell("已完成")],
                }),
              ],
            }),
            new Paragraph("特此报告。"),
          ],
        },
      ],
    });
    expect(lines((await read(doc, "table")).text)).toEqual([
      "二、反馈问题整改情况",
      "序号｜问题｜整改措施｜状态",
      "1｜台账不全｜补齐台账。；建立制度。｜已完成",
      "特此报告。",
    ]);
  });

  it("keeps the columns of a row whose cell spans the table (an aspect row), so the rows below stay a table", async () => {
    const c = (text: string, columnSpan?: number): TableCell =>
      new TableCell({ children: [new Paragraph(text)], ...(columnSpan ? { columnSpan } : {}) });
    const row = (...cells: TableCell[]): TableRow => new TableRow({ children: cells });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph("中共某区司法局党组关于区委巡察反馈意见整改情况的通报"),
            new Paragraph(
              "2024年3月4日至4月12日，区委第二巡察组对区司法局党组进行了巡察，5月20日反馈了巡察意见。",
            ),
            new Table({
              rows: [
                row(c("序号"), c("反馈问题"), c("整改措施"), c("完成情况")),
                row(c("一、党的建设方面", 4)),
                row(c("1"), c("党组会议记录不规范"), c("规范会议记录。"), c("已完成")),
                row(c("二、业务工作方面", 4)),
                row(c("2"), c("社区矫正对象监管不严"), c("建立电子监管平台。"), c("正在推进")),
              ],
            }),
          ],
        },
      ],
    });
    const draft = parseNotice((await read(doc, "merged")).text);
    expect(draft.problems.map((p) => [p.title, p.status, p.aspect])).toEqual([
      ["党组会议记录不规范", "completed", "党的建设"],
      ["社区矫正对象监管不严", "in_progress", "业务工作"],
    ]);
  });

  it("keeps footnotes out of the text and names them in a warning", async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph("含立行立改问题2个。")] } },
      sections: [
        {
          children: [
            new Paragraph({
              children: [new TextRun("共指出问题4个"), new FootnoteReferenceRun(1), new TextRun("。")],
            }),
          ],
        },
      ],
    });
    const file = await read(doc, "notes");
    expect(lines(file.text)).toEqual(["共指出问题4个。"]);
    expect(file.warnings.map((w) => w.code)).toEqual(["docx_notes"]);
    expect(file.warnings[0]?.message).toContain("含立行立改问题2个。");
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const part = (body: string): string =>
  `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const para = (text: string, pPr = ""): string =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/><w:pStyle w:val="Heading1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
  <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`;
const STYLES = `<w:styles ${W}><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
  <w:style w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style></w:styles>`;
const parts = (body: string) => ({
  document: part(body),
  numbering: NUMBERING,
  styles: STYLES,
  footnotes: "",
  endnotes: "",
});

describe("docxText on WordprocessingML", () => {
  // A lower level's %1 keeps the upper level's format, as Word shows it (一.1) unless the level asks isLgl.
  it("numbers paragraphs through their style (and the style it is based on), and not when numId is 0", () => {
    const body = [
      para("整改情况", '<w:pStyle w:val="Heading1"/>'),
      para("台账不全", '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr>'),
      para("下一步", '<w:pStyle w:val="MyHeading"/>'),
      para("不编号", '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    ].join("");
    expect(lines(docxText(parts(body)).text)).toEqual([
      "一、整改情况",
      "一.1 台账不全",
      "二、下一步",
      "不编号",
    ]);
  });

  it("writes a bullet drawn from a symbol font as ●, never as its private-use glyph", () => {
    const numbering = NUMBERING.replace(
      "</w:numbering>",
      '<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num></w:numbering>',
    );
    const body = para("台账不全", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr>');
    expect(lines(docxText({ ...parts(body), numbering }).text)).toEqual(["●台账不全"]);
  });

  it("restarts a level where a num says startOverride, the first time it is used", () => {
    const body = [
      para("甲", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'),
      para("乙", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
      para("丙", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
    ].join("");
    expect(lines(docxText(parts(body)).text)).toEqual(["一、甲", "五、乙", "六、丙"]);
  });

  it("leaves out deleted text, field codes and the fallback copy of alternate content", () => {
    const body =
      '<w:p><w:r><w:t xml:space="preserve">已整改</w:t></w:r><w:del><w:r><w:delText>未</w:delText></w:r></w:del>' +
      "<w:r><w:instrText> PAGE </w:instrText></w:r>" +
      "<mc:AlternateContent><mc:Choice><w:r><w:t>。</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>。</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>";
    expect(lines(docxText(parts(body)).text)).toEqual(["已整改。"]);
  });

  it("never throws, whatever the parts hold (broken tags, stray end tags, unknown numbering)", () => {
    const piece = fc.constantFrom(
      "<w:p>",
      "</w:p>",
      "<w:r>",
      "</w:r>",
      "<w:t>",
      "</w:t>",
      "<w:tbl>",
      "</w:tbl>",
      "<w:tr>",
      "</w:tr>",
      "<w:tc>",
      "</w:tc>",
      '<w:numPr><w:numId w:val="3"/><w:ilvl w:val="9"/></w:numPr>',
      '<w:numId w:val="x"/>',
      "<w:del>",
      "</w:del>",
      "<mc:Fallback>",
      "</mc:Fallback>",
      '<w:pStyle w:val="MyHeading"/>',
      "整改",
      "&amp;",
      "<",
      ">",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.string(), (pieces, junk) => {
        const out = docxText({ ...parts(pieces.join("")), styles: STYLES + junk });
        expect(typeof out.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});
