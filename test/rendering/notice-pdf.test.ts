// Rendering tests with a real renderer: notices generated from the ledger are converted to PDF by LibreOffice
// headless (src/runtime/libreoffice-pdf.ts, the fontconfig file in assets/) and measured with `pdftotext -bbox`.
// Needs soffice and poppler-utils (.ci/run installs them). First pages are kept as PNGs under .tmp/rendering/.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { generateNotice, type NoticeDeps } from "../../src/app/generate-notice.ts";
import { importNotice } from "../../src/app/import-notice.ts";
import { readConfig } from "../../src/config.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { libreOfficePdf } from "../../src/runtime/libreoffice-pdf.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { Store } from "../../src/storage/store.ts";
import { largeLedger } from "../support/large-ledger.ts";
import {
  MM,
  inkBands,
  pdfFonts,
  pdfLayout,
  savePagePictures,
  type PdfLine,
  type PdfPage,
} from "../support/pdf-layout.ts";
import { testDeps } from "../support/test-stores.ts";

const SEED = readFileSync(new URL("../../assets/example-notice.txt", import.meta.url), "utf8");
const ARTIFACTS = new URL("../../.tmp/rendering/", import.meta.url).pathname;

// GB/T 9704 geometry in points: A4, 版心 28 mm from the left, 37 mm from the top, 156 × 225 mm.
const A4 = { width: 210 * MM, height: 297 * MM };
const BLOCK = { left: 28 * MM, right: 184 * MM, top: 37 * MM, bottom: 262 * MM };
const TOLERANCE = 1 * MM;
const PITCH = 579 / 20;
const SIHAO = 14; // one 字 of the 四号 page number

const OFFICIAL = {
  issuer: "中共无锡市文学艺术界联合会党组",
  docNumber: "市文联党组〔2021〕3号",
  addressee: "各党支部",
  copyTo: ["市委巡察办", "市委第八巡察组"],
  printedBy: "无锡市文学艺术界联合会办公室",
  contactPerson: "张三",
  contactPhone: "0510-12345678",
};

const isBody = (line: PdfLine) =>
  line.yMax - line.yMin > 19 && line.yMax - line.yMin < 23 && line.yMax < BLOCK.bottom + TOLERANCE;
const isFooter = (line: PdfLine) => line.yMin > BLOCK.bottom + TOLERANCE;
// Every character CJK or full-width: such a full line holds exactly 28 (digits and Latin letters are narrower
// and LibreOffice spaces them out, so mixed lines are not counted).
const ALL_CJK = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$/u;

interface Rendered {
  readonly name: string;
  readonly pdf: Uint8Array;
  readonly pages: PdfPage[];
}

// A generous limit: in CI this file runs beside other test files on 2 cores.
const pdf = libreOfficePdf({ binary: readConfig({}, process.env).soffice, timeoutMs: 180_000 });
const rendered: Rendered[] = [];
let store: Store;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zhenggai-rendering-"));
  store = await openStore({ kind: "sqlite", file: join(dir, "test.db") });
  const deps: NoticeDeps = { ...testDeps(store), pdf };
  const seed = (await importNotice(deps, SYSTEM_ACTOR, parseNotice(SEED))).created!.inspectionId;
  const large = (await createLedger(deps, SYSTEM_ACTOR, largeLedger())).inspectionId;
  const cases = [
    ["seed-internal", seed, "internal"],
    ["seed-public", seed, "public"],
    ["large-internal", large, "internal"],
  ] as const;
  // One after the other: the converter runs one LibreOffice at a time anyway.
  for (const [name, inspectionId, version] of cases) {
    const { content } = await generateNotice(deps, SYSTEM_ACTOR, SCOPE_ALL, {
      inspectionId,
      version,
      format: "pdf",
      issuedOn: "2021-06-30",
      official: OFFICIAL,
    });
    savePagePictures(content, ARTIFACTS, name);
    rendered.push({ name, pdf: content, pages: pdfLayout(content) });
  }
}, 600_000);

afterAll(async () => {
  await pdf.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Pages whose body runs on to the next page: they must be full. Left out: page 1 (the 版头), and the page before
 * the last text page, from which the signature's keep-with-next may carry the last paragraph over so that the
 * signature never stands alone (cl. 7.3.5.5).
 */
function fullPages(pages: readonly PdfPage[]): PdfPage[] {
  const withBody = pages.map((p) => p.lines.some(isBody));
  const lastText = withBody.lastIndexOf(true);
  return pages.filter((_, i) => i > 0 && i < lastText - 1);
}

describe.each(["seed-internal", "seed-public", "large-internal"])("the %s notice as PDF", (name) => {
  const pages = () => rendered.find((r) => r.name === name)!.pages;

  it("embeds every font it uses", () => {
    const fonts = pdfFonts(rendered.find((r) => r.name === name)!.pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font.embedded, font.name).toBe(true);
  });

  it("is A4 on every page", () => {
    for (const page of pages()) {
      expect(Math.abs(page.width - A4.width)).toBeLessThan(TOLERANCE);
      expect(Math.abs(page.height - A4.height)).toBeLessThan(TOLERANCE);
    }
  });

  it("has 22 text lines on every full page, inside the 版心 within 1 mm", () => {
    const full = fullPages(pages());
    expect(full.length).toBeGreaterThanOrEqual(name === "large-internal" ? 20 : 10);
    for (const page of full) {
      const body = page.lines.filter(isBody);
      expect(body.length, body.map((l) => l.text).join("\n")).toBe(22);
      expect(body[0]!.yMin).toBeGreaterThan(BLOCK.top - TOLERANCE);
      expect(body[0]!.yMin).toBeLessThan(BLOCK.top + PITCH - 19);
      expect(body[21]!.yMax).toBeLessThan(BLOCK.bottom + TOLERANCE);
      for (let i = 1; i < body.length; i++) {
        expect(Math.abs(body[i]!.yMin - body[i - 1]!.yMin - PITCH)).toBeLessThan(1.5);
      }
    }
  });

  it("sets 28 characters on every full body line, flush with both margins within 1 mm", () => {
    let counted = 0;
    for (const page of fullPages(pages())) {
      const body = page.lines.filter(isBody);
      for (const [i, line] of body.entries()) {
        // Before a digit or Latin word that did not fit, LibreOffice justifies 27 characters over the line.
        if (/^[0-9A-Za-z]/.test(body[i + 1]?.text ?? "")) continue;
        const startsAtMargin = Math.abs(line.xMin - BLOCK.left) < TOLERANCE;
        const reachesMargin = line.xMax > BLOCK.right - TOLERANCE;
        if (!startsAtMargin || !reachesMargin || !ALL_CJK.test(line.text)) continue;
        // A closing mark may hang in the margin (LibreOffice's and Word's 标点溢出): it is not one of the 28.
        const hanging = line.xMax > BLOCK.right + TOLERANCE ? 1 : 0;
        expect([...line.text].length - hanging, line.text).toBe(28);
        if (hanging === 0) expect(Math.abs(line.xMax - BLOCK.right)).toBeLessThan(TOLERANCE);
        counted += 1;
      }
    }
    expect(counted).toBeGreaterThan(100);
  });

  it("numbers pages '— N —', odd on the right and even on the left one 字 in, up to the 版记 page", () => {
    const all = pages();
    const last = all.length;
    for (const [i, page] of all.entries()) {
      const footer = page.lines.filter(isFooter);
      const n = i + 1;
      const isColophonOrBlank = !page.lines.some(isBody) || n === last;
      if (isColophonOrBlank) {
        expect(footer, `page ${n}`).toEqual([]);
        continue;
      }
      expect(footer.map((l) => l.text)).toEqual([`—${n}—`]);
      const number = footer[0]!;
      if (n % 2 === 1) expect(Math.abs(number.xMax - (BLOCK.right - SIHAO))).toBeLessThan(TOLERANCE);
      else expect(Math.abs(number.xMin - (BLOCK.left + SIHAO))).toBeLessThan(TOLERANCE);
    }
  });

  it("closes the last, even page with the 版记 at the bottom of the 版心; blank pages before it are unnumbered", () => {
    const all = pages();
    expect(all.length % 2).toBe(0);
    const lastPage = all[all.length - 1]!;
    const printed = lastPage.lines.at(-1)!;
    expect(printed.text).toBe("无锡市文学艺术界联合会办公室2021年6月30日印发");
    expect(Math.abs(printed.yMax - BLOCK.bottom)).toBeLessThan(1.5 * TOLERANCE);
    expect(Math.abs(printed.xMin - (BLOCK.left + SIHAO))).toBeLessThan(TOLERANCE);
    expect(Math.abs(printed.xMax - (BLOCK.right - SIHAO))).toBeLessThan(TOLERANCE);
    expect(lastPage.lines.at(-2)!.text).toBe("抄送：市委巡察办，市委第八巡察组。");
    // Between the last text page and the 版记 page only empty pages.
    const lastText = all.findLastIndex((p) => p.lines.some(isBody));
    for (const page of all.slice(lastText + 1, -1)) expect(page.lines).toEqual([]);
  });

  it("prints the 发文机关标志 35 mm below the 版心 top and the red rule 4 mm below the 发文字号 (cl. 7.2.4, 7.2.7)", () => {
    const pdf = rendered.find((r) => r.name === name)!.pdf;
    const [issuer, rule] = inkBands(pdf, 1, "red");
    // Ink starts a little below the character's frame: the glyph top, not the em box, is what a ruler finds.
    expect(Math.abs(issuer!.top - (37 + 35))).toBeLessThan(1.5);
    const docNumber = inkBands(pdf, 1, "dark").find(
      (band) => band.top > issuer!.bottom && band.bottom < rule!.top,
    )!;
    expect(Math.abs(rule!.top - docNumber.bottom - 4)).toBeLessThan(0.5);
  });

  it("opens with the red-head 版头 and the title broken before 关于", () => {
    const first = pages()[0]!.lines.map((l) => l.text);
    expect(first.slice(0, 4)).toEqual([
      "中共无锡市文学艺术界联合会党组",
      "市文联党组〔2021〕3号",
      "中共无锡市文学艺术界联合会党组",
      "关于巡察整改情况的通报",
    ]);
  });
});
