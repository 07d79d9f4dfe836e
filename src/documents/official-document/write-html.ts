// Serializes an OfficialDocument to one standalone HTML page whose print stylesheet approximates GB/T 9704.
// Every text is HTML-escaped and a CSP forbids scripts, so content can never run in the reader's browser.

import { printedTitleLines } from "./break-title.ts";
import { resolveLayoutSettings, type LayoutSettings, type LayoutSettingsInput } from "./layout-settings.ts";
import {
  attachmentLines,
  copyToLine,
  formatOfficialDate,
  noteLines,
  oneLine,
  printedOnText,
  showsColophon,
  showsRedHeader,
  titleLines,
  type Block,
  type OfficialDocument,
} from "./official-document.ts";
import { signatureIndents } from "./signature-indents.ts";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for element content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);

const text = (s: string): string => escapeHtml(oneLine(s));

// Open fallbacks after the configured names, so previews look right without the Windows/Founder fonts. The
// generic family closes each stack; the Latin font comes after every Chinese one (see styleSheet).
const FALLBACKS = {
  title: ["方正小标宋_GBK", "Source Han Serif SC", "Noto Serif CJK SC", "SimSun", "serif"],
  body: ["仿宋", "FangSong", "STFangsong", "FandolFang", "Noto Serif CJK SC", "serif"],
  heading1: ["SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "sans-serif"],
  heading2: ["楷体", "KaiTi", "STKaiti", "AR PL UKai CN", "LXGW WenKai", "serif"],
  pageNumber: ["SimSun", "Noto Serif CJK SC", "serif"],
} as const;

const GENERIC = new Set(["serif", "sans-serif"]);
const family = (names: readonly string[]): string =>
  [...new Set(names)].map((name) => (GENERIC.has(name) ? name : `"${name}"`)).join(", ");

function styleSheet({ fonts, linePitch, redColor }: LayoutSettings): string {
  const line = `${linePitch / 20}pt`;
  // Chinese faces first: characters both scripts have (“ ” ‘ ’ — … ·) must take the full-width CJK glyphs, as
  // w:hint="eastAsia" makes them in the .docx; a Latin font first would draw them narrow.
  const stack = (role: keyof typeof FALLBACKS, latin = true) => {
    const names = [fonts[role], ...FALLBACKS[role]];
    const chinese = names.filter((name) => !GENERIC.has(name));
    const generic = names.filter((name) => GENERIC.has(name));
    return family([...chinese, ...(latin ? [fonts.latin] : []), ...generic]);
  };
  return `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page :right { @bottom-right { content: "\\2014  " counter(page) " \\2014"; font: 14pt ${stack("pageNumber", false)}; padding-right: 1em; vertical-align: top; padding-top: 7mm; } }
@page :left { @bottom-left { content: "\\2014  " counter(page) " \\2014"; font: 14pt ${stack("pageNumber", false)}; padding-left: 1em; vertical-align: top; padding-top: 7mm; } }
html { background: #eee; }
body { margin: 0; }
.page { box-sizing: content-box; width: 156mm; min-height: 225mm; margin: 1em auto; padding: 37mm 26mm 35mm 28mm; background: #fff; color: #000;
  font: 16pt/${line} ${stack("body")}; text-align: justify; }
p, h1, h2, h3, h4, h5 { margin: 0; font-size: 16pt; line-height: ${line}; font-weight: normal; }
.indent, h2, h3, h4, h5 { text-indent: 2em; }
h1.title { font: 22pt/${line} ${stack("title")}; text-align: center; margin-bottom: ${line}; }
h2, .h1 { font-family: ${stack("heading1")}; }
h3, .h2 { font-family: ${stack("heading2")}; }
h4, h5, .h3, .h4 { font-family: ${stack("body")}; }
.lead { font-weight: bold; }
.red-header { text-align: center; color: #${redColor}; padding-top: 35mm; }
.issuer { font-family: ${stack("title")}; font-size: 26pt; line-height: 1.2; }
.doc-number { color: #000; margin-top: calc(2 * ${line}); }
.doc-number.signed { display: flex; justify-content: space-between; padding: 0 1em; }
.signer { font-family: ${stack("heading2")}; }
.red-rule { border: 0; border-top: 1px solid #${redColor}; margin: 4mm 0 calc(2 * ${line}); }
.attachments { margin-top: ${line}; }
.signature { margin-top: calc(var(--gap) * ${line}); text-align: right; break-inside: avoid; }
.colophon { margin-top: calc(2 * ${line}); font-size: 14pt; border-top: 1px solid #000; border-bottom: 1px solid #000; break-inside: avoid; }
.colophon p { font-size: 14pt; padding: 0 1em; }
.colophon .copy-to { border-bottom: 0.75px solid #000; padding-left: 4em; text-indent: -3em; }
.colophon .printed { display: flex; justify-content: space-between; }
@media print { html { background: none; } .page { margin: 0; padding: 0; width: auto; min-height: 0; } }
`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case "heading": {
      const head = text(`${block.number ?? ""}${block.text}`);
      const runIn = oneLine(block.runIn ?? "");
      if (runIn === "") return `<h${block.level + 1}>${head}</h${block.level + 1}>`;
      return `<p class="indent"><span class="h${block.level}">${head}</span>${text(runIn)}</p>`;
    }
    case "paragraph": {
      const lead = oneLine(block.lead ?? "");
      return `<p class="indent">${lead === "" ? "" : `<span class="lead">${text(lead)}</span>`}${text(block.text)}</p>`;
    }
    case "label":
      return `<p class="indent label">${text(block.text)}</p>`;
  }
}

function attachmentsHtml(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const lines = attachmentLines(names).map((line, i) => {
    // Later numbers align under the first one: 2 字 indent + "附件：" (3 字).
    const attributes = i === 0 ? ' class="indent"' : ' style="padding-left: 5em"';
    return `<p${attributes}>${text(line)}</p>`;
  });
  return [`<div class="attachments">`, ...lines, `</div>`];
}

function signatureHtml(doc: OfficialDocument, gap: number): string[] {
  const signature = doc.signature;
  if (!signature) return [];
  const org = oneLine(signature.org);
  const date = formatOfficialDate(signature.date);
  const { name, date: dateGap } = signatureIndents(org, date, signature.sealed !== false);
  return [
    `<div class="signature" style="--gap: ${gap}">`,
    `<p style="padding-right: ${name}em">${text(org)}</p>`,
    `<p style="padding-right: ${dateGap}em">${escapeHtml(date)}</p>`,
    `</div>`,
  ];
}

/** A standalone `lang="zh-CN"` page: screen shows an A4 sheet, print uses @page margins and odd/even page numbers. */
export function writeHtml(doc: OfficialDocument, settings?: LayoutSettingsInput): string {
  const resolved = resolveLayoutSettings(settings);
  const title = titleLines(doc.title);
  const body: string[] = [];
  const redHeader = showsRedHeader(doc);
  if (redHeader) {
    body.push(`<header class="red-header">`, `<p class="issuer">${text(redHeader.issuer)}</p>`);
    const signers = (redHeader.signers ?? []).map(oneLine).filter((n) => n !== "");
    if (signers.length > 0) {
      body.push(
        `<p class="doc-number signed"><span>${text(redHeader.docNumber ?? "")}</span><span>签发人：<span class="signer">${signers.map(text).join("、")}</span></span></p>`,
      );
    } else if (redHeader.docNumber) body.push(`<p class="doc-number">${text(redHeader.docNumber)}</p>`);
    body.push(`<hr class="red-rule">`, `</header>`);
  }
  body.push(`<h1 class="title">${printedTitleLines(doc.title).map(text).join("<br>")}</h1>`);
  if (doc.addressee !== undefined && doc.addressee.trim() !== "")
    body.push(`<p class="addressee">${text(doc.addressee)}</p>`);
  body.push(...doc.blocks.map(blockHtml), ...attachmentsHtml(doc.attachments ?? []));
  const sealed = doc.signature?.sealed !== false;
  body.push(...signatureHtml(doc, sealed ? resolved.blankLinesBeforeSignature : 1));
  for (const note of noteLines(doc)) body.push(`<p class="indent note">${text(note)}</p>`);
  const colophon = showsColophon(doc);
  if (colophon) {
    body.push(`<footer class="colophon">`);
    if (colophon.copyTo && colophon.copyTo.length > 0)
      body.push(`<p class="copy-to">${text(copyToLine(colophon.copyTo))}</p>`);
    body.push(
      `<p class="printed"><span>${text(colophon.printedBy)}</span><span>${escapeHtml(printedOnText(colophon.printedOn))}</span></p>`,
      `</footer>`,
    );
  }
  return [
    `<!doctype html>`,
    `<html lang="zh-CN">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title.join(""))}</title>`,
    `<style>${styleSheet(resolved)}</style>`,
    `</head>`,
    `<body>`,
    `<main class="page">`,
    ...body,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
