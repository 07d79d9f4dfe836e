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

/** A horizontal band of a page where some pixel has the wanted colour, from its top to its bottom row, in mm. */
export interface InkBand {
  readonly top: number;
  readonly bottom: number;
}

export type InkColour = "red" | "dark";

const INK: Record<InkColour, (r: number, g: number, b: number) => boolean> = {
  red: (r, g, b) => r > 180 && g < 90 && b < 90,
  dark: (r, g, b) => r < 100 && g < 100 && b < 100,
};

/**
 * The bands of rows holding ink of one colour on a page, top to bottom, in mm from the page's top edge: what a
 * reader sees printed, where `pdftotext -bbox` gives only the font's boxes (the red 发文机关标志's glyphs, the red rule).
 * Rendered with `pdftoppm` at 200 dpi (0.13 mm per row).
 */
export function inkBands(pdf: Uint8Array, page: number, colour: InkColour): InkBand[] {
  const dpi = 200;
  const dir = mkdtempSync(join(tmpdir(), "zhenggai-pdftoppm-"));
  try {
    const file = join(dir, "in.pdf");
    writeFileSync(file, pdf);
    const ppm = execFileSync("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), file], {
      maxBuffer: 256 << 20,
    });
    // Binary PPM (P6): "P6\n<width> <height>\n<max>\n" then RGB bytes.
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString("latin1"));
    if (!header) throw new Error("pdftoppm did not write a P6 picture");
    const [text, w, h] = header;
    const width = Number(w);
    const height = Number(h);
    const pixels = ppm.subarray(text.length);
    const inked = INK[colour];
    const bands: InkBand[] = [];
    const mm = (row: number) => (row * 25.4) / dpi;
    let start = -1;
    for (let y = 0; y <= height; y++) {
      let hit = false;
      for (let x = 0; y < height && x < width && !hit; x++) {
        const at = (y * width + x) * 3;
        hit = inked(pixels[at]!, pixels[at + 1]!, pixels[at + 2]!);
      }
      if (hit && start < 0) start = y;
      if (!hit && start >= 0) {
        bands.push({ top: mm(start), bottom: mm(y - 1) });
        start = -1;
      }
    }
    return bands;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
