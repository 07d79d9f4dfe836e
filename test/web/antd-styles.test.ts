// antd's styles in Chromium: the components draw from the prebuilt stylesheet (antd/dist/antd.css, zero runtime), so
// the page generates no style rules while it renders — antd only writes the theme's tokens as CSS variables — and the
// theme (primary #b71c1c, radius 4) still shows on buttons, the menu's selection and focused inputs.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { openBrowser, type BrowserSession } from "./browser.ts";

const PRIMARY = "rgb(183, 28, 28)";

/**
 * The rules of the page's <style> elements that declare anything but custom properties, as "selector { … }": antd's
 * css-in-js inserts a component's whole rule set this way when it generates styles at runtime; in zero-runtime mode
 * it inserts only `--ant-…` variables. A string: the test's TypeScript knows no DOM.
 */
const GENERATED_RULES = `(() => {
  const found = [];
  const walk = (rules) => {
    for (const rule of rules) {
      if (rule.cssRules) walk(rule.cssRules);
      if (rule.style && [...rule.style].some((property) => !property.startsWith("--"))) found.push(rule.cssText.slice(0, 160));
    }
  };
  // Not the open dialog's scroll lock (html body { overflow-y: hidden }), which rc-component inserts either way.
  for (const style of document.querySelectorAll('style:not([rc-util-key^="rc-util-locker-"])')) walk(style.sheet.cssRules);
  return found;
})()`;

/** The value of a custom property as declared in the page's <style> elements (the theme's tokens), or null. */
const declared = (name: string) => `(() => {
  for (const style of document.querySelectorAll("style")) {
    const at = style.textContent.indexOf(${JSON.stringify(`${name}:`)});
    if (at >= 0) return style.textContent.slice(at + ${name.length + 1}).split(/[;}]/)[0].trim();
  }
  return null;
})()`;

describe("antd's styles in Chromium", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    const { unitId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
    await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const generatedRules = () => browser.page.evaluate<string[]>(GENERATED_RULES);
  /** A computed style of the first element matching `selector` (or of its `pseudo` element, "::before"). */
  const css = (selector: string, property: string, pseudo?: string) =>
    browser.page
      .locator(selector)
      .first()
      .evaluate(
        (element, [name, of]) =>
          (
            globalThis as unknown as {
              getComputedStyle(e: unknown, pseudo?: string): { getPropertyValue(p: string): string };
            }
          )
            .getComputedStyle(element, of)
            .getPropertyValue(name!),
        [property, pseudo],
      );

  it("keeps the theme on the sign-in page: the red primary button, radius 4, a red border on the focused input", async () => {
    const { page } = browser;
    await page.goto(`${browser.origin}/`);
    await page.getByLabel("登录名").waitFor();
    expect(await page.evaluate(declared("--ant-color-primary"))).toBe("#b71c1c");
    expect(await css(".ant-btn-primary", "background-color")).toBe(PRIMARY);
    expect(await css(".ant-btn-primary", "border-top-left-radius")).toBe("4px");
    expect(await css("input.ant-input", "border-top-left-radius")).toBe("4px");
    await page.getByLabel("登录名").focus();
    await expect.poll(() => css("input.ant-input:focus", "border-top-color")).toBe(PRIMARY);
    expect(await generatedRules()).toEqual([]);
  });

  it("draws the app's pages from the prebuilt stylesheet: no style rule is generated in the page", async () => {
    const { page } = browser;
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    // The menu's selection in the theme's red.
    expect(await css(".ant-menu-item-selected", "color")).toBe(PRIMARY);
    // By the app's links (no reload), so that whatever any of these pages inserted is still in the document at the end.
    await page.getByRole("link", { name: "市文联党组" }).first().click();
    await page.locator("main a.measure-text").first().waitFor();
    await page.locator("main .ant-select").first().click();
    await page.locator(".ant-select-dropdown").waitFor();
    await page.keyboard.press("Escape");
    await page.locator("main a.measure-text").first().click();
    await page.getByTestId("measure-state").waitFor();
    await page.getByRole("link", { name: "‹ 返回台账" }).click();
    await page.getByRole("link", { name: "报告与下载" }).click();
    await page.getByTestId("public-notices").getByRole("button", { name: "提交审批" }).click();
    const dialog = page.getByRole("dialog", { name: "提交审批" });
    await dialog.getByLabel("成文日期").click();
    await page.locator(".ant-picker-dropdown").waitFor();
    // Today's date ringed in the theme's red.
    expect(
      await css(
        ".ant-picker-dropdown .ant-picker-cell-today .ant-picker-cell-inner",
        "border-top-color",
        "::before",
      ),
    ).toBe(PRIMARY);
    expect(await generatedRules()).toEqual([]);
    expect(browser.problems).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
