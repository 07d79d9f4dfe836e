// The text of a .docx as the notice parser reads it, one paragraph a line: paragraphs numbered by Word's
// automatic numbering get their number written out ("一、…", "（二）…"), and each table row becomes one line
// of cells separated by ｜ (the plain-text table the parser already reads), so the outline survives where
// mammoth's raw text loses it. Footnotes and endnotes are returned apart: they annotate, they do not structure.
// Pure: part texts in, lines out.

import { attributesOf, xmlEvents } from "./docx-xml.ts";
import {
  numberingCounter,
  readNumberingDefinitions,
  styleNumbering,
  type ParagraphNumbering,
} from "./docx-numbering.ts";

export interface DocxParts {
  readonly document: string;
  readonly numbering: string;
  readonly styles: string;
  readonly footnotes: string;
  readonly endnotes: string;
}

export interface DocxText {
  readonly text: string;
  /** Footnote and endnote texts, in order, without the separators Word keeps among them. */
  readonly notes: readonly string[];
  /** How many paragraphs carried a Word number, and how many table rows were written as ｜ lines. */
  readonly numbered: number;
  readonly tableRows: number;
}

interface Paragraph {
  text: string;
  numbering: ParagraphNumbering | null;
  numId: string | null;
  ilvl: number | null;
  styleId: string | null;
}

// Content Word keeps twice (mc:Fallback repeats mc:Choice for old readers) or never shows.
const SKIPPED = new Set(["mc:Fallback", "w:delText", "w:instrText", "w:pPrChange", "w:rPrChange", "w:del"]);

/** The body of a .docx as lines (see the module header). */
export function docxText(parts: DocxParts): DocxText {
  const defs = readNumberingDefinitions(parts.numbering, parts.styles);
  const numberOf = numberingCounter(defs);
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  // Tables nest: each open table holds its rows, each row its cells, each cell its paragraphs' texts.
  const tables: { rows: string[][]; cell: string[] | null; span: number }[] = [];
  let numbered = 0;
  let tableRows = 0;
  let skip = 0;
  let inRun = 0;
  let inNumPr = false;
  let openText = false;

  const emit = (text: string): void => {
    const table = tables[tables.length - 1];
    if (table?.cell) table.cell.push(text);
    else if (text.trim() !== "" || table === undefined) lines.push(text);
  };

  for (const e of xmlEvents(parts.document)) {
    if (e.type === "open" && SKIPPED.has(e.name) && !e.selfClosing) {
      skip += 1;
      continue;
    }
    if (e.type === "close" && SKIPPED.has(e.name)) {
      skip = Math.max(0, skip - 1);
      continue;
    }
    if (skip > 0) continue;
    const p = paragraphs[paragraphs.length - 1];
    if (e.type === "text") {
      if (p && inRun > 0 && openText) p.text += e.text;
      continue;
    }
    if (e.type === "open") {
      const a = (): Map<string, string> => attributesOf(e.attributes);
      switch (e.name) {
        case "w:p":
          paragraphs.push({ text: "", numbering: null, numId: null, ilvl: null, styleId: null });
          if (e.selfClosing) emit(finish(paragraphs.pop() as Paragraph));
          break;
        case "w:r":
          if (!e.selfClosing) inRun += 1;
          break;
        case "w:t":
          openText = !e.selfClosing;
          break;
        case "w:tab":
          if (p && inRun > 0) p.text += "\t";
          break;
        case "w:br":
        case "w:cr":
          if (p && inRun > 0) p.text += "\n";
          break;
        case "w:pStyle":
          if (p) p.styleId = a().get("w:val") ?? null;
          break;
        case "w:numPr":
          inNumPr = !e.selfClosing;
          break;
        case "w:numId":
          if (p && inNumPr) p.numId = a().get("w:val") ?? null;
          break;
        case "w:ilvl":
          if (p && inNumPr) p.ilvl = Number.parseInt(a().get("w:val") ?? "0", 10) || 0;
          break;
        case "w:tbl":
          tables.push({ rows: [], cell: null, span: 1 });
          break;
        case "w:tr":
          tables[tables.length - 1]?.rows.push([]);
          break;
        case "w:tc": {
          const t = tables[tables.length - 1];
          if (t) {
            t.cell = [];
            t.span = 1;
          }
          break;
        }
        case "w:gridSpan": {
          // A cell merged across columns: the columns after it stay in their places.
          const t = tables[tables.length - 1];
          if (t?.cell) t.span = Math.min(63, Math.max(1, Number.parseInt(a().get("w:val") ?? "1", 10) || 1));
          break;
        }
        default:
          break;
      }
      continue;
    }
    switch (e.name) {
      case "w:t":
        openText = false;
        break;
      case "w:r":
        inRun = Math.max(0, inRun - 1);
        break;
      case "w:numPr":
        inNumPr = false;
        break;
      case "w:p": {
        const done = paragraphs.pop();
        if (done) emit(finish(done));
        break;
      }
      case "w:tc": {
        const t = tables[tables.length - 1];
        const row = t?.rows[t.rows.length - 1];
        if (t?.cell && row) {
          row.push(
            t.cell
              .map((s) => s.trim())
              .filter((s) => s !== "")
              .join("；"),
          );
          for (let i = 1; i < t.span; i += 1) row.push("");
        }
        if (t) t.cell = null;
        break;
      }
      case "w:tr": {
        const t = tables[tables.length - 1];
        const row = t?.rows[t.rows.length - 1];
        if (t && row) {
          const cells = row.map((c) => c.replace(/[｜|\t\n]+/g, " "));
          t.rows.pop();
          tableRows += 1;
          // A nested table's row is written into the cell that holds it.
          tables.pop();
          // An empty first or last cell gets its own outer bar, which the table reader strips, so it still counts.
          const line = `${cells[0] === "" ? "｜" : ""}${cells.join("｜")}${cells.at(-1) === "" ? "｜" : ""}`;
          emit(cells.length > 1 ? line : (cells[0] ?? ""));
          tables.push(t);
        }
        break;
      }
      case "w:tbl":
        tables.pop();
        break;
      default:
        break;
    }
  }

  function finish(p: Paragraph): string {
    const own = p.numId !== null ? { numId: p.numId, ilvl: p.ilvl } : null;
    const numbering = own ?? (p.styleId === null ? null : styleNumbering(defs, p.styleId));
    // numId 0 switches numbering off for a paragraph whose style would number it.
    if (numbering === null || numbering.numId === "0" || p.text.trim() === "") return p.text;
    const number = numberOf(numbering, p.styleId);
    if (number === "") return p.text;
    numbered += 1;
    // Word puts a tab (or a space) after the number; the parser reads "一、整改…" and "1. 整改…" alike.
    return /[A-Za-z0-9０-９]$/.test(number) ? `${number} ${p.text}` : `${number}${p.text}`;
  }

  return {
    // Each paragraph ends its line, as in mammoth's raw text.
    text: lines.map((l) => `${l}\n`).join(""),
    notes: [...readNotes(parts.footnotes, "w:footnote"), ...readNotes(parts.endnotes, "w:endnote")],
    numbered,
    tableRows,
  };
}

/** The texts of the notes in a footnotes/endnotes part, skipping Word's separator notes. */
function readNotes(xml: string, tag: string): string[] {
  const notes: string[] = [];
  let current: string | null = null;
  let inText = false;
  for (const e of xmlEvents(xml)) {
    if (e.type === "open" && e.name === tag) {
      const type = attributesOf(e.attributes).get("w:type");
      current = type === undefined || type === "normal" ? "" : null;
    } else if (e.type === "close" && e.name === tag) {
      if (current !== null && current.trim() !== "") notes.push(current.trim());
      current = null;
    } else if (e.type === "open" && e.name === "w:t") inText = !e.selfClosing;
    else if (e.type === "close" && e.name === "w:t") inText = false;
    else if (e.type === "close" && e.name === "w:p" && current !== null && current !== "") current += " ";
    else if (e.type === "text" && inText && current !== null) current += e.text;
  }
  return notes;
}
