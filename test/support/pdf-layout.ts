// Reads a PDF's text layout with poppler (`pdftotext -bbox`): pages, and on each page the text lines with their
// boxes in points, so that rendering tests assert on geometry (lines per page, characters per line, margins).

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PdfLine {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  /** Lines top to bottom; words whose tops lie within 3 pt are one line. */
  readonly lines: readonly PdfLine[];
}

/** 1 mm in points. */
export const MM = 72 / 25.4;

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export function pdfLayout(pdf: Uint8Array): PdfPage[] {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pdftotext-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
    const pages: PdfPage[] = [];
    for (const [, w, h, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">(.*?)<\/page>/gs)) {
      const words = [
        ...(body ?? "").matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map(([, x0, y0, x1, y1, text]) => ({
        xMin: Number(x0),
        yMin: Number(y0),
        xMax: Number(x1),
        yMax: Number(y1),
        text: unescape(text ?? ""),
      }));
      const rows: (typeof words)[] = [];
      for (const word of [...words].sort((a, b) => a.yMin - b.yMin)) {
        const row = rows.find((r) => Math.abs((r[0]?.yMin ?? -99) - word.yMin) < 3);
        if (row) row.push(word);
        else rows.push([word]);
      }
      const lines = rows.map((row) => {
        const sorted = [...row].sort((a, b) => a.xMin - b.xMin);
        return {
          text: sorted.map((w) => w.text).join(""),
          xMin: Math.min(...sorted.map((w) => w.xMin)),
          xMax: Math.max(...sorted.map((w) => w.xMax)),
          yMin: Math.min(...sorted.map((w) => w.yMin)),
          yMax: Math.max(...sorted.map((w) => w.yMax)),
        };
      });
      pages.push({ width: Number(w), height: Number(h), lines });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes PNGs of the first pages (50 dpi) under `folder` for people to look at; test artifacts, not committed. */
export function savePagePictures(pdf: Uint8Array, folder: string, name: string, pages = 3): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", String(pages), file, join(folder, name)]);
}

/** The fonts of a PDF (`pdffonts`): name and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pdffonts-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const table = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2);
    return table
      .filter((row) => row.trim() !== "")
      .map((row) => {
        // name, type (may contain spaces), encoding, then emb sub uni "yes"/"no" columns and the object id.
        const m = /^(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row);
        return { name: m?.[1] ?? row, embedded: m?.[2] === "yes" };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
