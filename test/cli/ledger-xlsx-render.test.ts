// The exported ledger as it prints: the seed ledger goes through the CLI to .xlsx, LibreOffice renders it to
// PDF, and the text boxes poppler finds must not overprint one another (rows tall enough for their wrapped
// text), every page must carry the 填报 line and 第N页 共M页. PNGs of the first pages are kept in
// .tmp/render/ for people to look at. Needs soffice and pdftotext: fails, never skips, without them.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.ts";
import { main } from "../../src/cli/main.ts";

const SEED = join(import.meta.dirname, "../../assets/example-notice.txt");
const ARTIFACTS = join(import.meta.dirname, "../../.tmp/render/ledger-xlsx");

function requireTool(command: string, versionFlag: string, packageName: string): void {
  const probe = spawnSync(command, [versionFlag], { encoding: "utf8", timeout: 60_000 });
  if (probe.error !== undefined) {
    throw new Error(
      `渲染测试需要 ${command}（Debian 软件包 ${packageName}），未找到：${probe.error.message}。` +
        "请安装：apt-get install libreoffice-calc-nogui poppler-utils fonts-noto-cjk",
    );
  }
}

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const io: CliIo = { out: () => undefined, err: (t) => err.push(t), env: { ZHENGGAI_EXAMPLE_DATA: "0" } };
  return { code: await main(argv, io), err: err.join("") };
}

interface Box {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** The word boxes of `pdftotext -bbox` output, with their page numbers. */
function boxesOf(html: string): Box[] {
  const boxes: Box[] = [];
  html.split("<page ").forEach((page, i) => {
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      boxes.push({
        page: i,
        text: m[5] ?? "",
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      });
    }
  });
  return boxes;
}

/** Pairs of boxes on one page that share more than a sliver (0.5 pt each way): overprinted text. */
function overlaps(boxes: readonly Box[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (w > 0.5 && h > 0.5)
        found.push(`第${a.page}页：“${a.text.slice(0, 12)}”与“${b.text.slice(0, 12)}”重叠`);
    }
  }
  return found;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("the exported ledger rendered by LibreOffice", () => {
  it("prints the seed ledger with no overprinted rows, the 填报 line and 第N页 共M页 on every page", async () => {
    requireTool("soffice", "--version", "libreoffice-calc-nogui");
    requireTool("pdftotext", "-v", "poppler-utils");
    const dir = mkdtempSync(join(tmpdir(), "zhenggai-ledger-render-"));
    dirs.push(dir);
    const data = join(dir, "data");
    expect(await run(["import", "notice", SEED, "--data", data])).toMatchObject({ code: 0 });
    const xlsx = join(dir, "台账.xlsx");
    expect(await run(["export", "ledger", "--all", "--out", xlsx, "--data", data])).toMatchObject({
      code: 0,
      err: "",
    });

    // A profile of its own, so that a desktop LibreOffice or another test's converter cannot interfere.
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        xlsx,
      ],
      { timeout: 120_000, stdio: "ignore" },
    );
    const pdf = join(dir, "台账.pdf");
    execFileSync("pdftotext", ["-bbox", pdf, join(dir, "boxes.html")], { timeout: 60_000 });
    const boxes = boxesOf(readFileSync(join(dir, "boxes.html"), "utf8"));
    const pages = Math.max(...boxes.map((b) => b.page));

    mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "4", pdf, join(ARTIFACTS, "page")], {
      timeout: 60_000,
    });

    expect(pages).toBeGreaterThan(1);
    expect(boxes.some((b) => b.text.includes("加强学习培训"))).toBe(true);
    expect(overlaps(boxes)).toEqual([]);
    for (let page = 1; page <= pages; page++) {
      const text = boxes
        .filter((b) => b.page === page)
        .map((b) => b.text)
        .join("");
      expect(text, `第${page}页`).toContain("填报单位：市文联党组");
      expect(text, `第${page}页`).toContain("审核人：");
      expect(text, `第${page}页`).toContain(`第${page}页共${pages}页`);
    }
  }, 180_000);
});
