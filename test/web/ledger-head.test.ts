// A ledger larger than a screen in Chromium: its head is drawn first (the whole answer held back by the test), the
// filters wait for the whole ledger, then everything works as before; an address with filters asks once.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "playwright-core";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { openBrowser, type BrowserSession } from "./browser.ts";

const ASPECTS = ["党的政治建设", "全面从严治党", "作风建设"];

/** 15 problems of 10 measures under three aspects: 150 measures, one in ten overdue. */
const bigLedger = makeLedger({
  aspects: ASPECTS,
  problems: Array.from({ length: 15 }, (_, p) =>
    makeProblem({
      title: `第${p + 1}项问题`,
      aspect: ASPECTS[p % 3]!,
      measures: Array.from({ length: 10 }, (_, m) =>
        makeMeasure({ text: `措施${p + 1}-${m + 1}`, deadline: m === 0 ? "2021-05-31" : "2021-12-31" }),
      ),
    }),
  ),
});

describe("the ledger's head first, in Chromium", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let ledgerPath: string;
  const asked: string[] = [];

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    page = browser.page;
    const created = await createLedger(t.deps, SYSTEM_ACTOR, bigLedger);
    ledgerPath = `/inspections/${encodeURIComponent(created.inspectionId)}`;
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.endsWith("/ledger")) asked.push(url.search);
    });
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("draws the first screen from the head while the whole ledger is on its way, then the whole", async () => {
    // The whole answer waits until the test has looked at the head.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      if (new URL(route.request().url()).search === "") await held;
      await route.continue();
    };
    await page.route("**/api/v1/inspections/*/ledger*", hold);
    asked.length = 0;
    await page.goto(`${browser.origin}${ledgerPath}`);
    const main = page.locator("main");
    await main.getByText("已显示前 60 项，正在载入其余 90 项措施…").waitFor();
    await main.getByText("措施1-1", { exact: true }).waitFor();
    // The aspect line counts the aspect's measures in the whole ledger, not the head's.
    await main.getByText("50 项措施").first().waitFor();
    expect(await page.getByLabel("仅看逾期").isDisabled()).toBe(true);
    expect(await page.getByLabel("搜索问题或措施").isDisabled()).toBe(true);
    await browser.shot("ledger-head");
    release();
    await main.getByText("显示 150 项措施").waitFor();
    expect(await page.getByLabel("仅看逾期").isDisabled()).toBe(false);
    expect(asked).toEqual(["?firstMeasures=60", ""]);
    await page.getByLabel("仅看逾期").check();
    await main.getByText("显示 15 项措施").waitFor();
    await page.unroute("**/api/v1/inspections/*/ledger*", hold);
  });

  it("asks once for the whole ledger when the address filters it", async () => {
    asked.length = 0;
    await page.goto(`${browser.origin}${ledgerPath}?overdue=1`);
    await page.locator("main").getByText("显示 15 项措施").waitFor();
    expect(asked).toEqual([""]);
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
