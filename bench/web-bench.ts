// `npm run bench -- web [--runs N] [--measures N] [--compare-with CHECKOUT]`: what a person waits for in the web UI.
// - Initial JavaScript: the gzip size of what every page loads before its own chunk (the entry, the app's boot chunk
//   and their static imports), and of every script the browser fetched in the visit (sign-in, 工作台, 台账); initial
//   CSS: index.html's stylesheets and the boot chunk's (antd's prebuilt stylesheet and app.css).
// - First rows of the bench ledger (5,000 measures by default): a real Chromium on a real server over loopback,
//   from navigation to the first measure row on screen; also how many table rows the page holds and how long the
//   仅看逾期 filter takes to redraw. Baseline in the same run: the ledger's JSON fetched by the same page.
// - With --compare-with, another checkout's built UI (its dist/web) on a second server with the same ledger,
//   runs alternating, so that a change of the ledger page is measured against the page before it.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createLedger } from "../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../src/app/deps.ts";
import type { LedgerInput } from "../src/shared/ledger-input.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../test/http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../test/support/ledger-builders.ts";
import { openBrowser, type BrowserSession } from "../test/web/browser.ts";
import { ensureWebBuild, initialScripts, WEB_BUILD } from "../test/web/web-build.ts";
import { check, summarise, type Timing } from "./timing.ts";

const DEPARTMENTS = [
  "办公室",
  "组织人事科",
  "财务科",
  "宣传科",
  "业务一科",
  "业务二科",
  "机关党委",
  "纪检组",
];
const STATES = ["in_progress", "in_progress", "closed", "draft", "submitted", "closed"] as const;
const ASPECTS = [
  "党的政治建设",
  "全面从严治党",
  "选人用人",
  "意识形态",
  "作风建设",
  "财务管理",
  "基层组织",
  "整改落实",
];

/** Problems of 20 measures each under 8 aspects, paragraph-long texts, deadlines spread over a year. */
export function benchWebLedger(measures: number): LedgerInput {
  const perProblem = 20;
  const problems = Math.ceil(measures / perProblem);
  return makeLedger({
    aspects: ASPECTS,
    problems: Array.from({ length: problems }, (_, p) =>
      makeProblem({
        aspect: ASPECTS[p % ASPECTS.length]!,
        title: `第${p + 1}项问题：落实${ASPECTS[p % ASPECTS.length]}要求不够到位，制度执行存在薄弱环节`,
        measures: Array.from({ length: Math.min(perProblem, measures - p * perProblem) }, (_, m) =>
          makeMeasure({
            text: `措施${p + 1}-${m + 1}：围绕${DEPARTMENTS[m % DEPARTMENTS.length]}职责，建立问题清单、任务清单、责任清单，逐项对账销号，形成长效机制并按月报送进展`,
            department: DEPARTMENTS[(p + m) % DEPARTMENTS.length]!,
            deadline: `2021-${String(1 + ((p + m) % 12)).padStart(2, "0")}-28`,
            state: STATES[(p * 7 + m) % STATES.length]!,
          }),
        ),
      }),
    ),
  });
}

function gzipKiB(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024;
}

/** The stylesheets every page waits for: index.html's, and the boot chunk's (loaded before the chunk runs). */
function initialStyles(root: string): string[] {
  const html = readFileSync(join(root, "index.html"), "utf8");
  const linked = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+\.css)"/g)].map(([, path]) =>
    join(root, path!),
  );
  const assets = join(root, "assets");
  const boot = readdirSync(assets)
    .filter((name) => /^boot-[\w-]+\.css$/.test(name))
    .map((name) => join(assets, name));
  return [...linked, ...boot];
}

interface Site {
  readonly name: string;
  readonly root: string;
  readonly app: TestApp;
  readonly browser: BrowserSession;
  readonly inspectionId: string;
  readonly scriptsFetched: Set<string>;
}

async function openSite(name: string, root: string | undefined, measures: number): Promise<Site> {
  // As served in production: the tests' check of every answer against its schema (zod over the whole ledger) is off.
  const app = await openTestApp({ checkAnswers: false });
  const browser = await openBrowser(app, root === undefined ? {} : { webRoot: root });
  const created = await createLedger(app.deps, SYSTEM_ACTOR, benchWebLedger(measures));
  await signedInUser(app, "bench", { role: "unit_office", orgId: created.unitId });
  const scriptsFetched = new Set<string>();
  browser.page.on("response", (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith(".js")) scriptsFetched.add(path.slice(1));
  });
  await browser.page.addInitScript(PAINT_MARKS);
  await browser.page.goto(`${browser.origin}/`);
  await browser.signIn("bench", TEST_PASSWORD);
  await browser.page.getByRole("heading", { name: "工作台" }).waitFor({ timeout: 60_000 });
  return { name, root: root ?? WEB_BUILD, app, browser, inspectionId: created.inspectionId, scriptsFetched };
}

/**
 * Marks taken in the page, in epoch milliseconds: the first frame after the first measure row was put in the page,
 * and after the figure without 正在载入 (the whole ledger in). Playwright's waitFor polls an element at 0, 20, 50,
 * 100 and 100 ms, then every 500 ms, so a time read from it may be up to half a second late (seen: rows in the page
 * at 1,076 ms, Playwright's visible at 1,627). A string: the bench's TypeScript knows no DOM.
 */
const PAINT_MARKS = `
  window.__zgBench = {};
  const painted = (name) => requestAnimationFrame(() => setTimeout(() => {
    window.__zgBench[name] = performance.timeOrigin + performance.now();
  }));
  new MutationObserver((_, observer) => {
    const marks = window.__zgBench;
    if (marks.row === undefined && document.querySelector("main a.measure-text")) {
      marks.row = "pending";
      painted("row");
    }
    const figure = document.querySelector("[role=search]")?.textContent ?? "";
    if (marks.whole === undefined && /显示 \\d+ 项措施/.test(figure) && !figure.includes("正在载入")) {
      marks.whole = "pending";
      painted("whole");
    }
    if (typeof marks.row === "number" && typeof marks.whole === "number") observer.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

interface Visit {
  /** From the navigation's start to the first frame painted with a measure row (marked in the page). */
  readonly firstRowsMs: number;
  /** The same, as Playwright's polling saw the row visible (the figure this bench reported before 2026-12-04 18:30). */
  readonly firstRowsPolledMs: number;
  /** Until the whole ledger is in and the filters work (the same as first rows when the page asks only once). */
  readonly wholeMs: number;
  readonly tableRows: number;
  readonly filterMs: number;
  readonly jsonMs: number;
}

async function visit(site: Site): Promise<Visit> {
  const { page, origin } = site.browser;
  await page.goto("about:blank");
  const started = performance.now();
  const startedAt = Date.now();
  await page.goto(`${origin}/inspections/${encodeURIComponent(site.inspectionId)}`, { waitUntil: "commit" });
  // Both the page before the virtual table and the one after draw each measure as this link.
  await page.locator("main a.measure-text").first().waitFor({ state: "visible", timeout: 120_000 });
  const firstRowsPolledMs = performance.now() - started;
  const tableRows = await page.locator("main tr.ant-table-row, main .ant-table-row").count();
  const overdue = page.getByLabel("仅看逾期");
  // A head drawn first says 已显示前 N 项，正在载入其余…; the figure alone means the whole ledger is in.
  const all = await page.getByText(/显示 \d+ 项措施/).innerText();
  await page.waitForFunction(
    "typeof window.__zgBench?.row === 'number' && typeof window.__zgBench?.whole === 'number'",
  );
  const marks = await page.evaluate<{ row: number; whole: number }>("window.__zgBench");
  const firstRowsMs = marks.row - startedAt;
  const wholeMs = marks.whole - startedAt;
  const shows = (text: string, yes: boolean) =>
    page.waitForFunction(`${yes ? "" : "!"}document.body.innerText.includes(${JSON.stringify(text)})`);
  const filterStarted = performance.now();
  await overdue.check();
  await shows(all, false);
  await overdue.uncheck();
  await shows(all, true);
  const filterMs = performance.now() - filterStarted;
  // The data alone, fetched by the same page: what no rendering can beat.
  const jsonStarted = performance.now();
  const length = await page.evaluate(
    `fetch("/api/v1/inspections/${encodeURIComponent(site.inspectionId)}/ledger").then((r) => r.text()).then((t) => t.length)`,
  );
  const jsonMs = performance.now() - jsonStarted;
  check(typeof length === "number" && length > 100_000, "the ledger JSON was fetched");
  return { firstRowsMs, firstRowsPolledMs, wholeMs, tableRows, filterMs, jsonMs };
}

const ms = (t: Timing) =>
  `${t.medianMs.toFixed(0)} ms (min ${t.minMs.toFixed(0)}, max ${t.maxMs.toFixed(0)})`;

export async function runWebBench(args: readonly string[]): Promise<number> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const runs = Number(option("--runs") ?? 7);
  const measures = Number(option("--measures") ?? 5_000);
  const compareWith = option("--compare-with");
  await ensureWebBuild();
  const sites = [await openSite("this checkout", undefined, measures)];
  if (compareWith !== undefined)
    sites.push(await openSite(compareWith, join(compareWith, "dist/web"), measures));
  try {
    const visits = new Map<Site, Visit[]>(sites.map((s) => [s, []]));
    // One visit each first (cold: the scripts are fetched), then alternating warm visits.
    for (let i = 0; i <= runs; i++) for (const site of sites) visits.get(site)!.push(await visit(site));
    console.log(
      `web bench: ${measures} measures, ${runs} warm visits per UI (+1 cold), Chromium on loopback`,
    );
    for (const site of sites) {
      const [cold, ...warm] = visits.get(site)!;
      const first = summarise(warm.map((v) => v.firstRowsMs));
      const json = summarise(warm.map((v) => v.jsonMs));
      console.log(`\n${site.name} (${site.root})`);
      console.log(
        `  initial JS (entry, boot chunk and their imports): ${gzipKiB(initialScripts(site.root)).toFixed(1)} KiB gzip`,
      );
      console.log(
        `  initial CSS (index.html's and the boot chunk's): ${gzipKiB(initialStyles(site.root)).toFixed(1)} KiB gzip`,
      );
      console.log(
        `  JS fetched in the visit (sign-in, 工作台, 台账): ${gzipKiB([...site.scriptsFetched].map((p) => join(site.root, p))).toFixed(1)} KiB gzip (${site.scriptsFetched.size} files)`,
      );
      console.log(`  first rows, cold: ${cold!.firstRowsMs.toFixed(0)} ms`);
      console.log(`  first rows, warm (painted, marked in the page): ${ms(first)}`);
      console.log(
        `  first rows, warm, as Playwright's polling saw them: ${ms(summarise(warm.map((v) => v.firstRowsPolledMs)))}`,
      );
      console.log(`  whole ledger in (filters usable), warm: ${ms(summarise(warm.map((v) => v.wholeMs)))}`);
      console.log(
        `  ledger JSON fetched by the page (baseline): ${ms(json)}; first rows ÷ JSON ${(first.medianMs / json.medianMs).toFixed(2)}×`,
      );
      console.log(`  table rows in the page: ${warm[0]!.tableRows}`);
      console.log(`  仅看逾期 on and off: ${ms(summarise(warm.map((v) => v.filterMs)))}`);
    }
    return 0;
  } finally {
    for (const site of sites) {
      await site.browser.close();
      await site.app.close();
    }
  }
}
