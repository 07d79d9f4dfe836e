import { describe, expect, it } from "vitest";
import { makeOfficialDocument } from "../../../test/support/make-official-document.ts";
import { escapeHtml, writeHtml } from "./write-html.ts";

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

describe("writeHtml", () => {
  it("writes a standalone zh-CN page with the title, numbered headings and body paragraphs", () => {
    const html = writeHtml(makeOfficialDocument());
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>中共无锡市文学艺术界联合会党组关于巡察整改情况的通报</title>");
    expect(html).toContain("<h2>一、整改工作组织情况</h2>");
    expect(html).toContain("<h3>（一）已整改完成的问题</h3>");
    expect(html).toContain("<h4>1、关于“学习前瞻性思考不多、谋划不深”问题的整改。</h4>");
    expect(html).toContain("<h5>（1）建立学习制度</h5>");
    expect(html).toContain(
      '<p class="indent"><span class="h2">（一）提高政治站位，强化组织领导。</span>市文联党组先后3次召开会议，专题学习巡察整改精神。</p>',
    );
    expect(html).toContain('<p class="indent"><span class="lead">一是</span>加强学习培训。');
    expect(html).toContain('<p class="indent label">整改结果及成效：</p>');
    expect(html).toContain(">2021年6月30日</p>");
    expect(html).toContain('<p class="indent note">（此件发至各党支部）</p>');
  });

  it("has a print stylesheet for A4 with the GB/T 9704 margins, 2em indents, exact lines and the configured fonts", () => {
    const html = writeHtml(makeOfficialDocument(), { fonts: { body: "仿宋" } });
    expect(html).toContain("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }");
    expect(html).toContain("text-indent: 2em");
    expect(html).toContain("16pt/28.95pt");
    expect(html).toMatch(/font: 16pt\/28\.95pt "仿宋", "FangSong"/);
    expect(html).toContain('"方正小标宋简体"');
    expect(html).toContain('"黑体"');
    expect(html).toContain('"楷体_GB2312"');
    expect(html).toContain("counter(page)");
  });

  it("puts every Chinese font before the Latin one, so curly quotes and dashes take the full-width CJK glyphs", () => {
    const html = writeHtml(makeOfficialDocument());
    const stacks = [...html.matchAll(/font(?:-family)?: (?:[\d.]+pt(?:\/[\d.]+pt)? )?([^;}]+)[;}]/g)].map(
      (m) => m[1] ?? "",
    );
    const withLatin = stacks.filter((stack) => stack.includes('"Times New Roman"'));
    expect(withLatin.length).toBeGreaterThanOrEqual(5);
    for (const stack of withLatin) {
      const names = stack.split(/,\s*/);
      const latinAt = names.indexOf('"Times New Roman"');
      const cjkAfterLatin = names
        .slice(latinAt + 1)
        .filter((name) => /[\u4e00-\u9fff]|CJK|Fandol|UKai|WenKai|Han/.test(name));
      expect(cjkAfterLatin, stack).toEqual([]);
      expect(latinAt, stack).toBeGreaterThan(0);
    }
  });

  it("breaks a long title at word boundaries", () => {
    const html = writeHtml(makeOfficialDocument());
    expect(html).toContain('<h1 class="title">中共无锡市文学艺术界联合会党组<br>关于巡察整改情况的通报</h1>');
  });

  it("shows the red header and 版记 when the model carries them, 签发人 beside the 字号", () => {
    const internal = writeHtml(makeOfficialDocument());
    expect(internal).toContain('<p class="issuer">中共无锡市文学艺术界联合会党组</p>');
    expect(internal).toContain('<p class="doc-number">市文联党组〔2021〕3号</p>');
    expect(internal).toContain('<p class="copy-to">抄送：市委巡察办，市委第八巡察组。</p>');
    expect(internal).toContain("<span>2021年6月30日印发</span>");
    const pub = writeHtml(
      makeOfficialDocument({ variant: "public", redHeader: undefined, colophon: undefined }),
    );
    expect(pub).not.toContain('class="red-header"');
    expect(pub).not.toContain("〔2021〕3号");
    expect(pub).not.toContain('<footer class="colophon">');
    const signed = writeHtml(
      makeOfficialDocument({
        redHeader: { issuer: "某某局", docNumber: "某局〔2021〕3号", signers: ["张三"] },
      }),
    );
    expect(signed).toContain('<span>签发人：<span class="signer">张三</span></span>');
  });

  it("escapes every text so that content cannot inject markup or scripts", () => {
    const html = writeHtml(
      makeOfficialDocument({
        title: XSS,
        addressee: XSS,
        blocks: [
          { type: "heading", level: 1, number: XSS, text: XSS, runIn: XSS },
          { type: "heading", level: 2, text: XSS },
          { type: "paragraph", lead: XSS, text: XSS },
          { type: "label", text: XSS },
        ],
        attachments: [XSS, XSS],
        signature: { org: XSS, date: "2021-06-30" },
        note: XSS,
        redHeader: { issuer: XSS, docNumber: XSS },
        colophon: { copyTo: [XSS], printedBy: XSS, printedOn: "2021-06-30" },
      }),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;",
    );
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
