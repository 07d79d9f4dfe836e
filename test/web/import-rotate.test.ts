// 导入 on a tablet turned across antd's md breakpoint (768 px), where the preview changes between the phone's cards and
// the desktop's table: the problem opened in one layout is open in the other and kept in view, and a dialog or a title
// being typed stays with what was typed. Seen before: the rows folded and an open dialog closed, losing the typing.
// At 820×1180 a tablet is md both ways (the table both ways); an iPad mini's 744×1133 crosses it.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { openBrowser, type BrowserSession } from "./browser.ts";
import { createImportUnit, previewSeedNotice, shotOfView as shotOf } from "./import-browser.ts";
const PORTRAIT = { width: 744, height: 1133 };
const LANDSCAPE = { width: 1133, height: 744 };

describe("the import preview on a tablet turned across md", { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    page = browser.page;
    const { unit } = await createImportUnit(t);
    await signedInUser(t, "office", { role: "unit_office", orgId: unit.id });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  // The screen only: a full-page capture narrows the window for a moment, itself a turn across md.
  const shotOfView = (name: string) => shotOf(page, name);
  const cards = () => page.locator(".import-cards > li");
  const tableRows = () => page.locator("tr.ant-table-row");
  /** Turns the tablet and waits for the layout of its width. */
  const turn = async (to: typeof PORTRAIT) => {
    await page.setViewportSize(to);
    if (to.width < 768) await cards().first().waitFor();
    else await tableRows().first().waitFor();
  };
  /** Whether `box` lies on the screen, below nothing and above the action bar. */
  const onScreen = async (what: ReturnType<typeof page.locator>) => {
    const box = await what.boundingBox();
    const bar = await page.locator(".import-actions").boundingBox();
    return box !== null && bar !== null && box.y >= 0 && box.y < bar.y;
  };

  it("keeps the open problem open, and a dialog and a title with what was typed, while the tablet turns", async () => {
    await page.setViewportSize(PORTRAIT);
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入" }).click();
    await page.getByText("市文联党组").first().waitFor();
    await previewSeedNotice(page);
    await page.getByText("问题与整改措施（11）").waitFor();
    expect(await cards().count()).toBe(11);

    // Portrait: the sixth problem's measures opened in its card, far down the page.
    const sixth = cards().nth(5);
    await page.getByRole("button", { name: "查看第6个问题的整改措施" }).click();
    await sixth.locator(".import-measure").first().waitFor();
    const measures = await sixth.locator(".import-measure").count();
    const firstMeasure = (await sixth.locator(".import-measure-text").first().innerText())
      .replace(/^1\.\s*/, "")
      .slice(0, 20);
    await sixth.scrollIntoViewIfNeeded();
    await shotOfView("import-turn-portrait-open");

    // Landscape: the table, with the sixth row open on screen.
    await turn(LANDSCAPE);
    const opened = page.locator("tr[data-row-key='6'] + tr.ant-table-expanded-row");
    await opened.waitFor();
    expect(await page.locator(".ant-table-expanded-row").count()).toBe(1);
    expect(await opened.locator("tbody tr.ant-table-row").count()).toBe(measures);
    expect(await opened.innerText()).toContain(firstMeasure);
    expect(await onScreen(page.locator("tr[data-row-key='6']"))).toBe(true);
    await shotOfView("import-turn-landscape-open");

    // A measure's dialog with something typed in it, through two turns.
    await opened.getByRole("button", { name: "修改第6个问题第1条措施" }).click();
    const dialog = page.getByRole("dialog", { name: "修改第6个问题第1条措施" });
    await dialog.getByLabel("责任人").fill("张三");
    await dialog.getByLabel("时限（YYYY-MM-DD，可空）").fill("2027-06-30");
    await turn(PORTRAIT);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel("责任人").inputValue()).toBe("张三");
    expect(await dialog.getByLabel("时限（YYYY-MM-DD，可空）").inputValue()).toBe("2027-06-30");
    await shotOfView("import-turn-portrait-dialog");
    await turn(LANDSCAPE);
    expect(await dialog.getByLabel("责任人").inputValue()).toBe("张三");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "detached" });
    await page
      .locator(".correction-log")
      .getByText("第6个问题第1条措施：时限改为“2027-06-30”，责任人改为“张三”")
      .waitFor();
    expect(await opened.innerText()).toContain("张三");

    // A title being typed in the table is still being typed on the card, and saved from there.
    const third = page.locator("tr[data-row-key='3']");
    await third.locator(".ant-typography-edit").click();
    await third.locator("textarea").fill("意识形态工作责任制落实不到位");
    await turn(PORTRAIT);
    const editing = cards().nth(2).locator("textarea");
    expect(await editing.inputValue()).toBe("意识形态工作责任制落实不到位");
    // The sixth card is still open.
    expect(await sixth.locator(".import-measure").count()).toBe(measures);
    expect(await sixth.innerText()).toContain("张三");
    await shotOfView("import-turn-portrait-title");
    await editing.press("Enter");
    await page
      .locator(".correction-log")
      .getByText(/第3个问题的标题由“.+”改为“意识形态工作责任制落实不到位”/)
      .waitFor();
    expect(await page.locator(".correction-log li").count()).toBe(2);

    // Closed in one layout, closed in the other.
    await page.getByRole("button", { name: "收起第6个问题的整改措施" }).click();
    await turn(LANDSCAPE);
    expect(await page.locator(".ant-table-expanded-row").count()).toBe(0);
    await shotOfView("import-turn-landscape-closed");
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
