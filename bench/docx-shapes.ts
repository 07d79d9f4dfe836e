// Word documents just inside NOTICE_FILE_LIMITS, in the shapes that cost mammoth the most per byte, for the docx
// benchmark: many tiny paragraphs, table rows, a realistic Word paragraph, and one long text. Deterministic.

import { NOTICE_FILE_LIMITS } from "../src/documents/notice/read-notice-file.ts";
import { buildZip } from "../test/support/zip-bomb.ts";

export type DocxShape = "paragraphs" | "table" | "word" | "text" | "all-limits";
export const DOCX_SHAPES: readonly DocxShape[] = ["paragraphs", "table", "word", "text", "all-limits"];

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const HAN =
  "巡察整改工作领导小组坚持问题导向目标导向结果导向全面落实主体责任建立问题清单任务清单责任清单逐项销号";

/** A tiny seeded PRNG (LCG), uniform in [0, 1). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1_664_525) + 1_013_904_223) >>> 0;
    return a / 4_294_967_296;
  };
}

/** One unit of each shape: its XML and how many elements and attributes + text runs it holds. */
function unit(shape: DocxShape, random: () => number): { xml: string; elements: number; nodes: number } {
  const word = (n: number) =>
    Array.from({ length: n }, () => HAN[Math.floor(random() * HAN.length)] as string).join("");
  switch (shape) {
    case "paragraphs": // 3 elements, 1 attribute + 1 text run
      return {
        xml: `<w:p w:rsidR="${Math.floor(random() * 2 ** 32).toString(16)}"><w:r><w:t>${word(1)}</w:t></w:r></w:p>`,
        elements: 3,
        nodes: 2,
      };
    case "table": // mammoth's slowest per element measured: table rows
      return {
        xml: `<w:tr w:rsidR="${Math.floor(random() * 2 ** 32).toString(16)}"><w:tc><w:p/></w:tc></w:tr>`,
        elements: 3,
        nodes: 1,
      };
    case "word": // a paragraph as Word writes it: properties, rsids, two runs
      return {
        xml:
          `<w:p w:rsidR="00A1${Math.floor(random() * 9999)}" w:rsidRDefault="00B2" w:rsidP="00C3"><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:pPr>` +
          `<w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>${word(30)}</w:t></w:r>` +
          `<w:r><w:rPr><w:b/><w:sz w:val="32"/></w:rPr><w:t>${word(20)}</w:t></w:r></w:p>`,
        elements: 20,
        nodes: 22,
      };
    case "text": // one long run of text per paragraph: bytes, not elements
      return { xml: `<w:p><w:r><w:t>${word(20_000)}</w:t></w:r></w:p>`, elements: 3, nodes: 1 };
    case "all-limits": {
      // Reaches the element, node and byte limits together: 3 elements, 5 attributes, 1 text run of ~500 bytes.
      const attributes = Array.from(
        { length: 5 },
        (_, i) => ` w:a${i}="${Math.floor(random() * 2 ** 32).toString(36)}"`,
      ).join("");
      return { xml: `<w:p${attributes}><w:r><w:t>${word(160)}</w:t></w:r></w:p>`, elements: 3, nodes: 6 };
    }
  }
}

/** A .docx of `shape` just inside every markup limit (elements, nodes, bytes) and the file limits. */
export function docxAtLimits(shape: DocxShape): {
  bytes: Buffer;
  elements: number;
  nodes: number;
  xmlBytes: number;
} {
  const random = seeded(5);
  const limits = NOTICE_FILE_LIMITS;
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
  const [open, close] = shape === "table" ? ["<w:tbl>", "</w:tbl>"] : ["", ""];
  const tail = `${close}</w:body></w:document>`;
  const parts = [head, open];
  let elements = shape === "table" ? 3 : 2;
  let nodes = 1; // the xmlns attribute
  let bytes = Buffer.byteLength(head + open + tail);
  for (;;) {
    const u = unit(shape, random);
    const size = Buffer.byteLength(u.xml);
    // A small margin for [Content_Types].xml and the XML declaration, which count too.
    if (
      elements + u.elements > limits.maxMarkupElements - 20 ||
      nodes + u.nodes > limits.maxMarkupNodes - 20 ||
      bytes + size > limits.maxMarkupBytes - 1024
    )
      break;
    parts.push(u.xml);
    elements += u.elements;
    nodes += u.nodes;
    bytes += size;
  }
  parts.push(tail);
  const xml = Buffer.from(parts.join(""));
  return {
    bytes: buildZip([
      {
        name: "[Content_Types].xml",
        data: Buffer.from(
          `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
        ),
      },
      { name: "word/document.xml", data: xml },
    ]),
    elements,
    nodes,
    xmlBytes: xml.length,
  };
}
