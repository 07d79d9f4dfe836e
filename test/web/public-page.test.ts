// 公开信息 in Chromium against a real server: the unit office publishes the seed notice's public version from 报告与下载
// (twice), a signed-out visitor reaches /public from the sign-in page, opens the notice (its HTML in the page, the
// contact block) and downloads the .docx (opened back with mammoth); after the office withdraws one, it is gone from
// the public page and its address says so. Desktop and phone screenshots.

import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { planNoticeImport } from "../../src/app/import-notice.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { DESKTOP, openBrowser, PHONE, type BrowserSession } from "./browser.ts";

const SEED = readFileSync(new URL("../fixtures/notices/seed.txt", import.meta.url), "utf8");
const CONTACT = "监督电话：0510-81234567；电子邮箱：wlzg@example.cn；来信地址：无锡市文联办公室。";

describe("the public page in Chromium", { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let inspectionId: string;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t, {
      // A withdrawn notice's address: the page says it is gone.
      expectedRefusals: [{ status: 404, path: /^\/api\/v1\/public\/notices\/[^/]+$/ }],
    });
    page = browser.page;
    const { input } = planNoticeImport(parseNotice(SEED));
    const created = await createLedger(t.deps, SYSTEM_ACTOR, {
      ...input,
      narrative: { ...(input.narrative ?? {}), contact: CONTACT },
    });
    inspectionId = created.inspectionId;
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const reports = () => `/inspections/${encodeURIComponent(inspectionId)}/reports`;
  const published = () => page.getByTestId("public-notices").locator("tbody tr.ant-table-row");

  /** 发布公开版 through its dialog; with `choices`, by aspect, with a 成文日期 and a 发文字号 of this publication. */
  async function publishOnce(choices?: { issuedOn: string; docNumber: string }): Promise<void> {
    const before = await published().count();
    await page.getByRole("button", { name: "发布公开版" }).click();
    const dialog = page.getByRole("dialog", { name: "发布公开版" });
    if (choices !== undefined) {
      await dialog.getByText("按方面").click();
      await dialog.getByLabel("成文日期").fill(choices.issuedOn);
      await dialog.getByLabel("成文日期").press("Enter");
      await dialog.getByText("版头和版记（不填则按本单位设置）").click();
      await dialog.getByLabel("发文字号").fill(choices.docNumber);
    }
    await dialog
      .getByRole("button", { name: "发 布" })
      .or(dialog.getByRole("button", { name: "发布" }))
      .click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => published().count(), { timeout: 20_000 }).toBe(before + 1);
  }

  it("lets the unit office publish the seed notice's public version from 报告与下载", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await browser.openInApp(reports());
    await page.getByTestId("public-notices").getByText("尚未发布公开版").waitFor();
    await publishOnce();
    await publishOnce({ issuedOn: "2021-08-30", docNumber: "市文联党组〔2021〕9号" });
    expect(await published().first().innerText()).toContain("已发布");
    // The newest first, with the 成文日期 chosen in the dialog.
    expect(await published().first().innerText()).toContain("2021-08-30");
    await browser.shot("reports-public-notices");
    await browser.signOut();
  });

  let title = "";

  it("shows it to a signed-out visitor, in the page and as a .docx, with the contact block", async () => {
    await browser.shot("sign-in-public-link");
    await page.getByRole("link", { name: "公开信息" }).click();
    await page.getByRole("heading", { name: "各单位巡察整改情况公开" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/public");
    const unit = page.locator(".ant-card").filter({ hasText: "市文联党组" });
    await unit.waitFor();
    const links = unit.locator(".ant-list-item a");
    expect(await links.count()).toBe(2);
    title = await links.first().innerText();
    expect(title).toContain("关于巡察整改情况的通报");
    await browser.shot("public-list");

    await links.first().click();
    await page.getByRole("heading", { name: title }).waitFor();
    expect(await page.getByTestId("public-contact").innerText()).toContain(CONTACT);
    const frame = page.frameLocator("iframe.public-notice-frame");
    await frame.locator("h1").waitFor();
    expect((await frame.locator("h1").innerText()).replace(/\s/g, "")).toBe(title);
    expect(await frame.locator("body").innerText()).toContain("欢迎广大干部群众");
    await browser.shot("public-notice");

    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /下载 Word/ }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`${title}.docx`);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(await file.path()) })).value;
    expect(text.replace(/\s/g, "")).toContain(title);
    expect(text).toContain(CONTACT);
    // The newest one was published with its own 发文字号, by aspect (the seed's first aspect heads its text).
    expect(text).toContain("市文联党组〔2021〕9号");
    expect(text).toMatch(/（\d+个问题）/);

    await page.setViewportSize(PHONE);
    await page.reload();
    await frame.locator("h1").waitFor();
    await page.waitForTimeout(1000);
    await browser.shot("public-notice-phone");
    // Nothing wider than the phone: the page's own width is the viewport's.
    const width = await page.locator("html").evaluate((html: { scrollWidth: number }) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.goto(`${browser.origin}/public`);
    await page.locator(".ant-card").filter({ hasText: "市文联党组" }).waitFor();
    await browser.shot("public-list-phone");
    await page.setViewportSize(DESKTOP);
  });

  it("no longer shows a notice once the office withdraws it, and its address says it is gone", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await browser.openInApp(reports());
    await published().first().waitFor();
    const withdrawnId = await published().first().getAttribute("data-row-key");
    await published().first().getByRole("button", { name: "撤回" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByRole("button", { name: "撤 回" })
      .or(dialog.getByRole("button", { name: "撤回" }))
      .click();
    await dialog.getByText("不能为空").or(dialog.getByText("必须填写")).first().waitFor();
    await dialog.getByLabel("撤回理由").fill("成文日期有误，更正后重新发布");
    await dialog.getByRole("button", { name: /撤\s?回/ }).click();
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => published().first().innerText()).toContain("已撤回");
    await browser.signOut();

    await page.goto(`${browser.origin}/public`);
    const unit = page.locator(".ant-card").filter({ hasText: "市文联党组" });
    await unit.waitFor();
    expect(await unit.locator(".ant-list-item a").count()).toBe(1);
    await page.goto(`${browser.origin}/public/notices/${withdrawnId ?? ""}`);
    await page.getByText("该公开通报不存在或已撤回").waitFor();
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
