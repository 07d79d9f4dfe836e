// 公开信息 in Chromium against a real server: the unit office submits the seed notice's public version for approval from
// 报告与下载; the unit's leader finds it on 工作台, reads the preview and returns it with a reason, then approves the next
// two submissions, each published as submitted. A signed-out visitor reaches /public from the sign-in page, opens the
// notice (its HTML in the page, the contact block) and downloads the .docx (opened back with mammoth); after the office
// withdraws one, it is gone from the public page and its address says so. With more units published, the visitor picks
// one unit, searches by words (the address carries both, a reload keeps them, Back undoes one) and meets the empty
// state. Desktop and phone screenshots.

import { readFileSync } from "node:fs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { planNoticeImport } from "../../src/app/import-notice.ts";
import { publishPublicNotice } from "../../src/app/publish-public-notice.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { parseNotice } from "../../src/documents/notice/parse-notice.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { addPublicNotices } from "../support/public-notice-rows.ts";
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
    await signedInUser(t, "leader", { role: "unit_leader", orgId: created.unitId });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const reports = () => `/inspections/${encodeURIComponent(inspectionId)}/reports`;
  const published = () => page.getByTestId("published-notices").locator("tbody tr.ant-table-row");

  const requests = () => page.getByTestId("public-notice-requests").locator("tbody tr.ant-table-row");

  /** 提交审批 through its dialog (as the office); with `choices`, by aspect, with a 成文日期 and a 发文字号. */
  async function submitOnce(choices?: { issuedOn: string; docNumber: string }): Promise<void> {
    await page.getByTestId("public-notices").getByRole("button", { name: "提交审批" }).click();
    const dialog = page.getByRole("dialog", { name: "提交审批" });
    if (choices !== undefined) {
      await dialog.getByText("按方面").click();
      await dialog.getByLabel("成文日期").fill(choices.issuedOn);
      await dialog.getByLabel("成文日期").press("Enter");
      await dialog.getByText("版头和版记（不填则按本单位设置）").click();
      await dialog.getByLabel("发文字号").fill(choices.docNumber);
    }
    await dialog.getByRole("button", { name: "提交审批" }).click();
    // A refusal stays in the dialog: say it rather than only that the dialog stayed.
    await dialog.waitFor({ state: "detached" }).catch(async (e: unknown) => {
      throw new Error(`提交审批 stayed open: ${await dialog.innerText()}`, { cause: e });
    });
    await expect.poll(() => requests().first().innerText(), { timeout: 20_000 }).toContain("待审批");
  }

  /** Signs the office in on 报告与下载. */
  async function asOffice(): Promise<void> {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await browser.openInApp(reports());
    await page.getByTestId("public-notices").getByRole("button", { name: "提交审批" }).waitFor();
  }

  /**
   * The leader signs in, follows 待审批的公开通报 from 工作台 to 报告与下载, reads the submitted version in the frame and
   * approves it or returns it with a reason; `shots` names the screenshots of the way.
   */
  async function decideAsLeader(decision: "approve" | { reason: string }, shots?: string): Promise<void> {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("leader", TEST_PASSWORD);
    const waiting = page.getByTestId("pending-notice-approvals");
    await waiting.waitFor();
    if (shots !== undefined) await browser.shot(`${shots}-dashboard`);
    await waiting.getByRole("link").first().click();
    const card = page.getByTestId("public-notice-approval");
    const frame = page.frameLocator("iframe.notice-preview-frame");
    await frame.locator("h1").waitFor();
    expect((await frame.locator("h1").innerText()).replace(/\s/g, "")).toContain("关于巡察整改情况的通报");
    if (shots !== undefined) {
      await page.waitForTimeout(500);
      await browser.shot(`${shots}-preview`);
      await page.setViewportSize(PHONE);
      await page.waitForTimeout(800);
      await browser.shot(`${shots}-preview-phone`);
      const width = await page.locator("html").evaluate((html: { scrollWidth: number }) => html.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.setViewportSize(DESKTOP);
    }
    if (decision === "approve") {
      await card.getByRole("button", { name: "批准发布" }).click();
      await page.locator(".ant-popconfirm").getByRole("button", { name: "批准发布" }).click();
      await card.getByText(/已批准发布/).waitFor({ timeout: 20_000 });
      await card.getByText("没有待审批的公开通报。").waitFor();
    } else {
      await card.getByRole("button", { name: /退\s?回/ }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByRole("button", { name: /退\s?回/ }).click();
      await dialog.getByText("不能为空").or(dialog.getByText("必须填写")).first().waitFor();
      await dialog.getByLabel("退回理由").fill(decision.reason);
      await dialog.getByRole("button", { name: /退\s?回/ }).click();
      await dialog.waitFor({ state: "detached" });
      await card.getByText("没有待审批的公开通报。").waitFor();
    }
    await browser.signOut();
  }

  it("lets the office submit the public version and the unit's leader return it, then approve two", async () => {
    await asOffice();
    await page.getByTestId("public-notices").getByText("尚未发布公开版").waitFor();
    // Only an administrator may publish without approval.
    expect(await page.getByRole("button", { name: /直接发布/ }).count()).toBe(0);
    await submitOnce();
    expect(await page.getByRole("button", { name: "提交审批" }).isDisabled()).toBe(true);
    await browser.shot("reports-public-notice-request");
    await browser.signOut();

    await decideAsLeader({ reason: "请核对成文日期" }, "approval");
    await asOffice();
    await expect.poll(() => requests().first().innerText()).toContain("请核对成文日期");
    expect(await requests().first().innerText()).toContain("已退回");
    await submitOnce();
    await browser.signOut();
    await decideAsLeader("approve");

    await asOffice();
    await submitOnce({ issuedOn: "2021-08-30", docNumber: "市文联党组〔2021〕9号" });
    await browser.signOut();
    await decideAsLeader("approve");

    await asOffice();
    await expect.poll(() => published().count(), { timeout: 20_000 }).toBe(2);
    expect(await published().first().innerText()).toContain("已发布");
    // The newest first, with the 成文日期 chosen in the dialog, and who approved it.
    expect(await published().first().innerText()).toContain("2021-08-30");
    expect(await published().first().innerText()).toContain("leader");
    expect(await requests().allInnerTexts()).toHaveLength(3);
    await browser.shot("reports-public-notices");
    await page.setViewportSize(PHONE);
    await page.getByTestId("public-notice-requests").scrollIntoViewIfNeeded();
    await browser.shot("reports-public-notices-phone");
    const width = await page.locator("html").evaluate((html: { scrollWidth: number }) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize(DESKTOP);
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
    const frame = page.frameLocator("iframe.notice-preview-frame");
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

  it("finds one unit's notices among several, and notices by words, at an address that can be shared", async () => {
    // The seed's unit published once more (so that this test needs nothing from the ones before), a second unit
    // through the generator, two more written straight to the store with titles of their own.
    await publishPublicNotice(t.deps, SYSTEM_CALLER, { inspectionId });
    const kx = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    const real = await publishPublicNotice(t.deps, SYSTEM_CALLER, { inspectionId: kx.inspectionId });
    await addPublicNotices(t.deps.store, real, [
      {
        unitName: "区卫健委党组",
        title: "关于100%完成巡察整改任务的通报",
        publishedAt: "2021-07-02T08:00:00.000Z",
      },
      {
        unitName: "区卫健委党组",
        title: "关于1000项整改措施进展的通报",
        publishedAt: "2021-07-03T08:00:00.000Z",
      },
      {
        unitName: "安镇街道党工委",
        title: "街道巡察整改进展情况通报",
        publishedAt: "2021-07-04T08:00:00.000Z",
      },
    ]);
    const cards = page.locator(".public-main .ant-card");
    const cardTitles = async () => (await cards.locator(".ant-card-head-title").allInnerTexts()).sort();

    await page.goto(`${browser.origin}/public`);
    await cards.filter({ hasText: "市科协党组" }).waitFor();
    expect(await cardTitles()).toEqual(["区卫健委党组", "安镇街道党工委", "市文联党组", "市科协党组"].sort());

    // The picker lists the units by pinyin with their counts; typing looks the name up.
    const picker = page.getByRole("combobox", { name: "按单位筛选" });
    await picker.click();
    const options = page.locator(".ant-select-item-option");
    await options.first().waitFor();
    expect((await options.allInnerTexts()).map((t) => t.split(/\s/)[0])).toEqual([
      "安镇街道党工委",
      "区卫健委党组",
      "市科协党组",
      "市文联党组",
    ]);
    await browser.shot("public-unit-picker");
    await picker.fill("科协");
    await expect.poll(() => options.count()).toBe(1);
    await options.filter({ hasText: "市科协党组" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("unit")).toBe(kx.unitId);
    await expect.poll(cardTitles).toEqual(["市科协党组"]);
    expect(await cards.locator(".ant-list-item a").innerText()).toContain("市科协党组");
    await browser.shot("public-filter-unit");
    // Opened again, the picker starts from every unit, not from the last words typed.
    await picker.click();
    await expect.poll(() => options.count()).toBe(4);
    await page.keyboard.press("Escape");

    // Words within the unit: none match, and the page says so.
    const search = page.getByRole("searchbox", { name: "搜索公开通报" }).or(page.getByLabel("搜索公开通报"));
    await search.fill("100%");
    await search.press("Enter");
    await page.getByText("没有找到符合条件的公开通报").waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("100%");
    await browser.shot("public-filter-empty");
    await page.getByRole("button", { name: "查看全部公开通报" }).click();
    await expect.poll(() => page.url()).toBe(`${browser.origin}/public`);
    await expect.poll(() => cards.count()).toBe(4);

    // "100%" is those characters (not 1000), over every unit; the address reloads to the same list.
    await search.fill("卫健委 100%");
    await search.press("Enter");
    await expect.poll(cardTitles).toEqual(["区卫健委党组"]);
    expect(await cards.locator(".ant-list-item a").allInnerTexts()).toEqual([
      "关于100%完成巡察整改任务的通报",
    ]);
    const shared = page.url();
    expect(new URL(shared).searchParams.get("q")).toBe("卫健委 100%");
    await page.reload();
    await expect
      .poll(() => cards.locator(".ant-list-item a").allInnerTexts())
      .toEqual(["关于100%完成巡察整改任务的通报"]);
    expect(await search.inputValue()).toBe("卫健委 100%");
    await browser.shot("public-filter-words");

    // The notice leads back to the list as it was found; Back undoes the search.
    await cards.locator(".ant-list-item a").click();
    await page.getByRole("link", { name: "‹ 返回公开信息" }).click();
    await expect.poll(() => page.url()).toBe(shared);
    await page.goto(`${browser.origin}/public?unit=${encodeURIComponent(kx.unitId)}`);
    await expect.poll(cardTitles).toEqual(["市科协党组"]);
    await search.fill("巡察");
    await search.press("Enter");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("巡察");
    await page.goBack();
    await expect.poll(() => search.inputValue()).toBe("");
    await expect.poll(cardTitles).toEqual(["市科协党组"]);

    // On a phone: the picker above the box, nothing wider than the screen.
    await page.setViewportSize(PHONE);
    await page.goto(
      `${browser.origin}/public?unit=${encodeURIComponent(kx.unitId)}&q=${encodeURIComponent("整改")}`,
    );
    await expect.poll(cardTitles).toEqual(["市科协党组"]);
    await page.waitForTimeout(500);
    await browser.shot("public-filter-phone");
    const width = await page.locator("html").evaluate((html: { scrollWidth: number }) => html.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole("combobox", { name: "按单位筛选" }).click();
    await page.locator(".ant-select-item-option").first().waitFor();
    await page.waitForTimeout(500);
    await browser.shot("public-unit-picker-phone");
    await page.keyboard.press("Escape");
    await page.setViewportSize(DESKTOP);

    // Beyond the first hundred names the picker says how many there are, and typing finds the others on the server.
    await addPublicNotices(
      t.deps.store,
      real,
      Array.from({ length: 100 }, (_, i) => ({
        unitName: `${String(i + 1).padStart(3, "0")}号社区党委`,
        title: "社区整改情况通报",
        publishedAt: "2021-07-05T08:00:00.000Z",
      })),
    );
    await page.goto(`${browser.origin}/public`);
    await picker.click();
    await page.getByText("共 104 个单位，输入名称查找其余的").waitFor();
    await picker.fill("市文联");
    await expect.poll(() => options.allInnerTexts()).toEqual([expect.stringContaining("市文联党组")]);
    await page.keyboard.press("Escape");
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
