// The browser tests' screenshot (browser.shot) on a page longer than the window: the whole page is in the picture, and
// taking it neither re-lays the page nor leaves the window another size. Chromium's own full-page capture narrows the
// window to 1×1 px for a moment, which flips a responsive page to its phone layout and back and can fold what is open.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { DESKTOP, openBrowser, SCREENSHOTS, type BrowserSession } from "./browser.ts";

/** Width and height of a PNG file, from its IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the browser tests' screenshot", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: Array.from({ length: 6 }, (_, p) =>
          makeProblem({
            title: `第${p + 1}项问题`,
            measures: Array.from({ length: 8 }, (_, m) => makeMeasure({ text: `措施${p + 1}-${m + 1}` })),
          }),
        ),
      }),
    );
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    await browser.page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await browser.page.getByRole("heading", { name: "工作台" }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("pictures the whole page at the window's width without flipping its layout", async () => {
    const { page } = browser;
    // antd's breakpoints (sm, md, lg, xl) as the page's media queries see them.
    await page.evaluate(`
      window.layoutChanges = [];
      for (const width of [576, 768, 992, 1200]) {
        const query = matchMedia("(min-width: " + width + "px)");
        query.addEventListener("change", (e) => window.layoutChanges.push(e.media + " " + e.matches));
      }`);
    const pageHeight = Number(await page.evaluate("document.documentElement.scrollHeight"));
    expect(pageHeight).toBeGreaterThan(DESKTOP.height);
    for (let i = 0; i < 3; i += 1) await browser.shot("browser-shot");
    expect(await page.evaluate("window.layoutChanges")).toEqual([]);
    expect(page.viewportSize()).toEqual(DESKTOP);
    expect(pngSize(join(SCREENSHOTS, "browser-shot.png"))).toEqual({
      width: DESKTOP.width,
      height: pageHeight,
    });
  });
});
