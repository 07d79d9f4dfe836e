// 报告与下载 in Chromium against a real server: the unit office opens it from the ledger, downloads the workbook, sees
// what the public version withholds and why, is told under the field what is wrong with a 发文字号, generates the
// public notice as .docx with its 版头 (opened back and read) and the internal one as Markdown, and reads the server's
// own words when PDF cannot be made here; the unit leader may download the workbook but not generate notices; a viewer
// is not offered the page, nor shown it by its address.

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { readZip } from "../support/read-zip.ts";
import { openBrowser, type BrowserSession } from "./browser.ts";

describe("the reports page in Chromium", { timeout: 90_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let inspectionId: string;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t, {
      expectedRefusals: [
        // PDF needs LibreOffice, which the test server is not given: the page shows the server's message.
        { status: 503, path: /^\/api\/v1\/inspections\/[^/]+\/notice$/ },
      ],
    });
    page = browser.page;
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({ title: "四风问题依然存在", measures: [makeMeasure({ state: "closed" })] }),
          makeProblem({
            title: "个别干部违规兼职取酬",
            disclosure: "withheld",
            withholdingReason: "personal_privacy",
          }),
          makeProblem({ title: "执行财务管理制度不够严格", aspect: "党的建设" }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    await signedInUser(t, "leader", { role: "unit_leader", orgId: created.unitId });
    await signedInUser(t, "viewer", { role: "viewer", orgId: created.unitId });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The card titled exactly so (the notice's and the monthly bulletin's offer the same formats). */
  const card = (title: string) =>
    page
      .locator(".ant-card")
      .filter({ has: page.locator(".ant-card-head-title", { hasText: new RegExp(`^${title}$`) }) });
  /** Clicks a choice of a button-style radio group (its input is hidden; the user clicks its label). */
  const choose = (label: string, within = "整改情况通报") =>
    card(within).locator("label.ant-radio-button-wrapper", { hasText: label }).click();

  async function download(button: string): Promise<{ name: string; content: Buffer }> {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    return { name: file.suggestedFilename(), content: readFileSync(await file.path()) };
  }

  it("opens from the ledger and downloads the ledger workbook", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("link", { name: "市文联党组" }).click();
    await page.getByRole("link", { name: "报告与下载" }).click();
    await page.getByRole("heading", { name: "市文联党组 报告与下载" }).waitFor();
    expect(page.url()).toBe(`${browser.origin}/inspections/${encodeURIComponent(inspectionId)}/reports`);
    const workbook = await download("下载台账（.xlsx）");
    expect(workbook.name).toBe("市文联党组整改台账-2021-06-30.xlsx");
    const sheets = (await readZip(workbook.content)).get("xl/workbook.xml") ?? "";
    expect(sheets).toContain("问题清单");
    await browser.shot("reports");
  });

  it("lists what the public version withholds and puts a bad 发文字号's message under the field", async () => {
    await choose("公开版");
    const withheld = page.getByTestId("withheld");
    await withheld.getByText("个别干部违规兼职取酬").waitFor();
    expect(await withheld.innerText()).toContain("涉及个人隐私");
    await page.getByLabel("发文字号").fill("2021年第3号");
    await page.getByRole("button", { name: "生成并下载" }).click();
    await page.getByText("发文字号应为“机关代字〔年份〕序号号”").waitFor();
    await browser.shot("reports-public-invalid");
  });

  it("generates the public notice as .docx with its 版头 and the internal one as Markdown", async () => {
    await page.getByLabel("发文字号").fill("市文联党组[2021]第03号");
    await page.getByLabel("签发人").fill("杨建");
    await page.getByLabel("签发人").press("Enter");
    const docx = await download("生成并下载");
    expect(docx.name).toBe("市文联党组整改情况通报（公开版）.docx");
    const xml = (await readZip(docx.content)).get("word/document.xml") ?? "";
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("市文联党组〔2021〕3号");
    expect(text).toContain("四风问题依然存在");
    expect(text).not.toContain("个别干部违规兼职取酬");

    await choose("内部版");
    await choose("Markdown");
    const markdown = await download("生成并下载");
    expect(markdown.name).toBe("市文联党组整改情况通报（内部版）.md");
    expect(markdown.content.toString("utf8")).toContain("个别干部违规兼职取酬");
  });

  it("shows the server's Chinese words when PDF cannot be made", async () => {
    await choose("PDF");
    await page.getByRole("button", { name: "生成并下载" }).click();
    await page
      .getByRole("alert")
      .getByText("本服务未配置 PDF 转换（LibreOffice），请改为生成 .docx")
      .waitFor();
    // The 发文字号 corrected before is no longer marked.
    expect(await page.getByText("发文字号应为").count()).toBe(0);
    await browser.shot("reports-pdf-refused");
  });

  it("downloads the last month's progress bulletin as a workbook", async () => {
    await choose("Excel", "月度整改进展通报");
    const bulletin = await download("生成月度通报");
    expect(bulletin.name).toBe("市文联党组整改进展通报-2021-05.xlsx");
    const sheets = (await readZip(bulletin.content)).get("xl/workbook.xml") ?? "";
    for (const name of ["整改进展", "未按期报送", "逾期未完成"]) expect(sheets).toContain(name);
    await browser.shot("reports-bulletin");
  });

  it("lets the unit leader download the workbook but offers no notice", async () => {
    await browser.signOut();
    await browser.signIn("leader", TEST_PASSWORD);
    await page.getByRole("link", { name: "市文联党组" }).click();
    await page.getByRole("link", { name: "报告与下载" }).click();
    await page.getByRole("button", { name: "下载台账（.xlsx）" }).waitFor();
    expect(await page.getByRole("button", { name: "生成并下载" }).count()).toBe(0);
  });

  it("does not offer the page to a viewer, nor show it by its address", async () => {
    await browser.signOut();
    await browser.signIn("viewer", TEST_PASSWORD);
    await page.getByRole("link", { name: "市文联党组" }).click();
    await page.getByRole("heading", { name: "市文联党组 整改台账" }).waitFor();
    expect(await page.getByRole("link", { name: "报告与下载" }).count()).toBe(0);
    await browser.openInApp(`/inspections/${encodeURIComponent(inspectionId)}/reports`);
    await page.getByText("您没有权限导出台账").waitFor();
    expect(await page.getByRole("button", { name: "下载台账（.xlsx）" }).count()).toBe(0);
    await browser.shot("reports-viewer-refused");
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
