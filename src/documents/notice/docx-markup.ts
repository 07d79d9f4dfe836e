// How much a .docx asks of mammoth, counted while the archive guard inflates it: mammoth holds every XML element,
// attribute and text run of the parts it parses as objects (~1.5 KB per element), so these counts bound its memory
// and time. Images, fonts and other binaries are never parsed and not counted. Never parses XML itself.

import { DomainError } from "../../domain/domain-error.ts";

export interface DocxMarkupLimits {
  /** The counted parts together may inflate to at most this many bytes. */
  readonly maxMarkupBytes: number;
  /** …hold at most this many XML elements (start tags)… */
  readonly maxMarkupElements: number;
  /** …and at most this many attributes and text runs together. */
  readonly maxMarkupNodes: number;
}

interface PartTally {
  bytes: number;
  elements: number;
  nodes: number;
  /** Text of a relationships part, kept to find the parts mammoth reads; null once it grew too large. */
  rels?: Buffer[] | null;
}

export interface DocxMarkupCounter {
  /**
   * For guardArchive's `observe`: counts one entry's inflated bytes. Throws (DomainError document_too_complex)
   * as soon as the parts that surely count pass a limit, so a huge document.xml is not inflated to its end.
   */
  readonly observe: (entryName: string) => (chunk: Buffer) => void;
  /** Refuses a zip without a main document, or one past the limits. Call after every entry was observed. */
  readonly check: () => void;
}

const LT = 0x3c;
const GT = 0x3e;
const EQ = 0x3d;
const NOT_A_START_TAG = new Set([0x2f, 0x21, 0x3f]); // </ <! <?
const MAX_RELS_BYTES = 1024 * 1024;

// Binary parts mammoth never parses (unless a relationship makes one the document or its styles, numbering,
// notes or comments: those are counted whatever their name).
const BINARY_PART =
  /\.(?:png|jpe?g|jpe|jfif|gif|bmp|dib|tiff?|emf|wmf|emz|wmz|wdp|hdp|jxr|webp|ico|svg|heic|avif|pict?|bin|odttf|ttf|otf|fntdata|woff2?|eot|mp3|mp4|m4a|m4v|wav|wma|wmv|avi|mov|mpe?g|ogg|flac|xls[xmb]?|doc[xm]?|ppt[xm]?|vsdx?|pdf|ole)$/i;
// Relationship types whose targets mammoth parses (transitional and strict namespaces).
const PARSED_TYPE = /\/(officeDocument|styles|numbering|footnotes|endnotes|comments)$/;
const RELS_PART = /^(?:(.*)\/)?_rels\/[^/]*\.rels$/;

/** Counts for `file` (named in messages) against `limits`. */
export function docxMarkupCounter(limits: DocxMarkupLimits, file: string): DocxMarkupCounter {
  const parts = new Map<string, PartTally>();
  const sure: PartTally = { bytes: 0, elements: 0, nodes: 0 }; // parts counted whatever the relationships say
  const checkTotals = (totals: PartTally): void => {
    const excess = [
      [totals.elements, limits.maxMarkupElements, "XML 元素"],
      [totals.nodes, limits.maxMarkupNodes, "XML 属性和文字段"],
    ] as const;
    for (const [count, max, what] of excess) {
      if (count > max) throw tooComplex(file, `${what}超过 ${fmt(max)} 个`);
    }
    if (totals.bytes > limits.maxMarkupBytes)
      throw tooComplex(file, `正文部件解压后超过 ${mib(limits.maxMarkupBytes)} MB`);
  };
  return {
    observe(entryName) {
      const tally = parts.get(entryName) ?? { bytes: 0, elements: 0, nodes: 0 };
      if (RELS_PART.test(entryName)) tally.rels ??= [];
      parts.set(entryName, tally);
      const surelyCounted = !BINARY_PART.test(entryName);
      let afterLt = false;
      let afterGt = false;
      return (chunk) => {
        const before = { elements: tally.elements, nodes: tally.nodes };
        tally.bytes += chunk.length;
        if (tally.rels) {
          if (tally.bytes > MAX_RELS_BYTES) tally.rels = null;
          else tally.rels.push(chunk);
        }
        let { elements, nodes } = tally;
        for (let i = 0; i < chunk.length; i++) {
          const b = chunk[i] as number;
          if (afterLt && !NOT_A_START_TAG.has(b)) elements += 1;
          else if (afterGt && b !== LT) nodes += 1; // a text run starts
          if (b === EQ) nodes += 1; // an attribute (or an "=" in text: counted too, to be safe)
          afterLt = b === LT;
          afterGt = b === GT;
        }
        tally.elements = elements;
        tally.nodes = nodes;
        if (surelyCounted) {
          sure.bytes += chunk.length;
          sure.elements += elements - before.elements;
          sure.nodes += nodes - before.nodes;
          checkTotals(sure);
        }
      };
    },
    check() {
      const { parsed, mainDocuments, resolved } = partsMammothReads(parts);
      if (!mainDocuments.some((name) => parts.has(name))) {
        throw new DomainError(
          "not_word_document",
          `${file} 不是 Word 文档（压缩包中没有正文 word/document.xml），请用 Word/WPS 另存为 .docx 后再导入`,
        );
      }
      // A relationship that names no entry we saw may name one mammoth's zip reader spells differently: count all.
      const counted = [...parts].filter(([name]) => !resolved || !BINARY_PART.test(name) || parsed.has(name));
      const sum = (key: "bytes" | "elements" | "nodes"): number =>
        counted.reduce((n, [, tally]) => n + tally[key], 0);
      checkTotals({ bytes: sum("bytes"), elements: sum("elements"), nodes: sum("nodes") });
    },
  };
}

const fmt = (n: number): string => n.toLocaleString("en-US");
const mib = (n: number): string => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, "");

const tooComplex = (file: string, detail: string): DomainError =>
  new DomainError(
    "document_too_complex",
    `${file} 的正文内容过多（${detail}），超出可安全读取的范围，未导入；请把通报另存为 .txt（纯文本）后再导入，或分成几个文件`,
  );

/**
 * The parts named by relationships of the kinds mammoth parses (resolved the way mammoth does, and with
 * `.`/`..` segments resolved too), and the candidates for the main document in mammoth's order. `resolved`
 * is false when a relationships part was too large to read or a target names no entry.
 */
function partsMammothReads(parts: ReadonlyMap<string, PartTally>): {
  parsed: Set<string>;
  mainDocuments: string[];
  resolved: boolean;
} {
  const parsed = new Set<string>();
  const mainDocuments: string[] = [];
  let resolved = true;
  for (const [name, tally] of parts) {
    const base = RELS_PART.exec(name);
    if (!base || tally.rels === undefined) continue;
    if (tally.rels === null) {
      resolved = false;
      continue;
    }
    const xml = Buffer.concat(tally.rels).toString("utf8");
    for (const { type, target } of relationships(xml)) {
      const kind = PARSED_TYPE.exec(type)?.[1];
      if (kind === undefined) continue;
      const candidates = targetNames(base[1] ?? "", target);
      const found = candidates.filter((c) => parts.has(c));
      if (found.length === 0) resolved = false;
      for (const c of found) parsed.add(c);
      if (kind === "officeDocument" && name === "_rels/.rels") mainDocuments.push(...found);
    }
  }
  mainDocuments.push("word/document.xml");
  return { parsed, mainDocuments, resolved };
}

const RELATIONSHIP = /<(?:[\w.-]+:)?Relationship\b((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function relationships(xml: string): { type: string; target: string }[] {
  const found: { type: string; target: string }[] = [];
  for (const m of xml.matchAll(RELATIONSHIP)) {
    const attributes = new Map<string, string>();
    for (const a of (m[1] ?? "").matchAll(ATTRIBUTE))
      attributes.set((a[1] as string).replace(/^[\w.-]+:/, ""), decodeXml(a[2] ?? a[3] ?? ""));
    const type = attributes.get("Type");
    const target = attributes.get("Target");
    if (type !== undefined && target !== undefined) found.push({ type, target });
  }
  return found;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

const decodeXml = (s: string): string =>
  s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? Number(dec) : undefined;
    if (code !== undefined) return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED[name ?? ""] ?? whole;
  });

/** mammoth's join (base/target, a leading "/" makes the target absolute, then the "/" is dropped) and its normal form. */
function targetNames(base: string, target: string): string[] {
  const joined = (target.startsWith("/") || base === "" ? target : `${base}/${target}`).replace(/^\//, "");
  const segments: string[] = [];
  for (const s of joined.split("/")) {
    if (s === "..") segments.pop();
    else if (s !== "." && s !== "") segments.push(s);
  }
  return [...new Set([joined, segments.join("/")])];
}
