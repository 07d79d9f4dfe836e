// The web UI in a real browser (Debian's Chromium through playwright-core) against a real server over a test
// database: the unit office signs in, reads the dashboard and the ledger, submits a measure for review; the unit
// leader signs in and approves it. No console error or warning, no request to any other host; screenshots of every
// page at 1366×768 and of the measure page at 390×844 go to test/web/screenshots (git-ignored) to be looked at.

import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SHEET_NAMES } from "../../src/documents/xlsx/ledger-columns.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { DESKTOP, openBrowser, PHONE, type BrowserSession } from "./browser.ts";

describe("the web UI in Chromium", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let origin: string;
  let page: BrowserSession["page"];
  let measureId: string;
  let inspectionId: string;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    ({ origin, page } = browser);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            title: "四风问题依然存在",
            measures: [
              makeMeasure({ state: "closed" }),
              makeMeasure({ state: "closed", text: "开展志愿服务" }),
            ],
          }),
          makeProblem({
            title: "执行财务管理制度不够严格",
            aspect: "党的建设",
            measures: [
              makeMeasure({
                text: "开展财务专项检查，建立问题清单",
                department: "办公室",
                deadline: "2021-05-31",
              }),
              makeMeasure({ text: "修订完善公务接待管理办法", department: "财务科", deadline: "2021-12-31" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    measureId = measures.find((m) => m.text.startsWith("开展财务专项检查"))!.id;
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    await signedInUser(t, "leader", { role: "unit_leader", orgId: created.unitId });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const shot = (name: string) => browser.shot(name);
  const signIn = (login: string, password: string) => browser.signIn(login, password);

  it("shows the server's Chinese message for a wrong password, then signs in to the dashboard", async () => {
    await page.goto(`${origin}/`);
    await shot("sign-in");
    await signIn("office", "not-the-password");
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("登录名或密码不正确");
    await page.getByLabel("密码").fill("");
    await signIn("office", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    expect(await page.getByTestId("user-name").innerText()).toBe("office");
    expect(await page.locator(".frame-roles").innerText()).toContain("单位整改办");
    // The overview: 2 problems, 1 completed → 50.00 %; 1 measure of the 4 overdue (2021-05-31 < 2021-06-30).
    await page.getByText("问题整改完成率").waitFor();
    const stats = await page.locator(".stat-grid").innerText();
    expect(stats).toContain("50.00");
    // The ledger's overdue figure, named as such (待审核 included), and 按期完成率 beside 完成率 of measures.
    expect(stats.replace(/\s+/g, "")).toContain("逾期未销号措施（含待审核）1项");
    await page.getByText("措施按期完成率").waitFor();
    // 报送情况: nothing was reported for May 2021 (due 7 June), so the unit's department is listed, leading to its ledger.
    const reporting = page
      .locator(".ant-card")
      .filter({ hasText: "报送情况（最近一个已过截止日的报送期间）" });
    await reporting.getByText("2021年5月，2021-06-07截止").first().waitFor();
    expect(await reporting.getByRole("link").first().getAttribute("href")).toMatch(
      /\/inspections\/.+\?department=/,
    );
    expect((await page.locator(".stat-grid").innerText()).replace(/\s+/g, "")).toContain("经批准延期0项另计");
    await page.locator(".chart canvas").first().waitFor();
    await page.getByRole("link", { name: "市文联党组" }).waitFor();
    // 督办预警: the measure due 2021-05-31 is 30 days overdue on 2021-06-30; the one due in December is not warned.
    const watch = page.locator(".ant-card").filter({ hasText: "督办预警" });
    await watch.getByRole("tab", { name: "逾期（1）" }).waitFor();
    await watch.getByText("逾期30天").waitFor();
    await watch.getByRole("link", { name: "开展财务专项检查，建立问题清单" }).waitFor();
    // 销号趋势: the measures the ledger was created with closed are not closures made here.
    await page.getByText("近12周没有销号的措施").waitFor();
    await shot("dashboard");
  });

  it("opens the ledger with its aspects, problems, measures and filters", async () => {
    await page.getByRole("link", { name: "市文联党组" }).click();
    await page.getByRole("heading", { name: "市文联党组 整改台账" }).waitFor();
    expect(page.url()).toBe(`${origin}/inspections/${encodeURIComponent(inspectionId)}`);
    const body = page.locator("main");
    for (const text of [
      "全面从严治党",
      "党的建设",
      "四风问题依然存在",
      "执行财务管理制度不够严格",
      "开展志愿服务",
    ]) {
      await body.getByText(text, { exact: false }).first().waitFor();
    }
    // The people the ledger names: 责任人 shown by default, and a filter by person.
    await page.locator(".ant-table-thead").getByText("责任人").waitFor();
    await body.getByText("张三").first().waitFor();
    await page.getByLabel("按责任人筛选").waitFor();
    await shot("ledger");
    await page.getByLabel("仅看逾期").check();
    await page.getByText("显示 1 项措施").waitFor();
    expect(await body.getByText("开展志愿服务").count()).toBe(0);
    await shot("ledger-overdue");
    // The export writes exactly what the filter shows: the overdue measure's problem alone.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "导出筛选结果" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("市文联党组整改台账（筛选）-2021-06-30.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const listed = JSON.stringify(workbook.getWorksheet(SHEET_NAMES.problems)!.getSheetValues());
    expect(listed).toContain("执行财务管理制度不够严格");
    expect(listed).not.toContain("四风问题依然存在");
    await page.getByLabel("仅看逾期").uncheck();
    await page.getByText("显示 4 项措施").waitFor();
  });

  it("remembers the columns chosen for the ledger in this browser", async () => {
    const header = page.locator(".ant-table-thead");
    await header.getByText("类型").waitFor();
    await page.getByRole("button", { name: "列设置" }).click();
    await page.getByRole("checkbox", { name: "类型" }).uncheck();
    await page.getByRole("checkbox", { name: "销号时间" }).check();
    await header.getByText("销号时间").waitFor();
    expect(await header.getByText("类型").count()).toBe(0);
    await page.reload();
    await header.getByText("销号时间").waitFor();
    expect(await header.getByText("类型").count()).toBe(0);
    await shot("ledger-columns");
    await page.getByRole("button", { name: "列设置" }).click();
    await page.getByRole("checkbox", { name: "类型" }).check();
    await page.getByRole("checkbox", { name: "销号时间" }).uncheck();
    await header.getByText("类型").waitFor();
    await page.keyboard.press("Escape");
  });

  it("shows the inspection's 督办 beside the ledger: its warning board, and its 督办设置 read-only to the unit", async () => {
    await page.getByRole("button", { name: "督办预警与设置" }).click();
    const drawer = page.getByRole("dialog", { name: "督办" });
    // The board first: on 2021-06-30 one measure is 30 days overdue; 2 of 4 measures closed (imported, undated).
    await drawer.getByText("已逾期（1项）").waitFor();
    await drawer.getByText("逾期30天").waitFor();
    await drawer.getByText("按期完成率").waitFor();
    await shot("ledger-warning-board");
    // The inspection office sets how the unit is chased: the unit office reads it (admin-page.test.ts edits it).
    await drawer.getByRole("tab", { name: "督办设置" }).click();
    await drawer.getByText("尚未设置，按默认").waitFor();
    expect(await drawer.getByLabel("绿色预警").isDisabled()).toBe(true);
    expect(await drawer.getByRole("button", { name: "保存督办设置" }).count()).toBe(0);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
  });

  it("leads from the dashboard's figures to the ledger filtered by them", async () => {
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByRole("link", { name: "工作台" }).click();
    await page.getByRole("link", { name: "查看已销号措施（2项）" }).waitFor();
    await page.setViewportSize(PHONE);
    await shot("dashboard-phone");
    await page.setViewportSize(DESKTOP);
    await page.getByRole("link", { name: "查看已销号措施（2项）" }).click();
    await page.getByText("显示 2 项措施").waitFor();
    expect(page.url()).toContain("?state=closed");
    expect(await page.locator("main").getByText("开展财务专项检查").count()).toBe(0);
    await nav.getByRole("link", { name: "工作台" }).click();
    await page.getByRole("link", { name: "查看逾期措施（1项）" }).click();
    await page.getByText("显示 1 项措施").waitFor();
    expect(await page.getByLabel("仅看逾期").isChecked()).toBe(true);
    await shot("ledger-from-dashboard-overdue");
  });

  it("reports progress with a PDF at phone size and downloads it from the timeline", async () => {
    await page.getByRole("link", { name: "开展财务专项检查，建立问题清单" }).click();
    await page.getByRole("heading", { name: /措施1：开展财务专项检查/ }).waitFor();
    await page.setViewportSize(PHONE);
    await page.getByRole("button", { name: "报送进展" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("报送期间").fill("2021-06");
    await dialog.getByLabel("进展情况").fill("已完成财务专项检查，形成问题清单12条");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "检查报告.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    });
    await dialog.getByText("检查报告.pdf").waitFor();
    await shot("progress-dialog-phone");
    await dialog.getByRole("button", { name: "报送" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("已完成财务专项检查，形成问题清单12条").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "检查报告.pdf" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("检查报告.pdf");
    await shot("measure-progress-phone");
    await page.setViewportSize(DESKTOP);
  });

  it("submits a measure for review as the unit office", async () => {
    expect(await page.getByTestId("measure-state").innerText()).toBe("推进中");
    expect(await page.getByRole("button", { name: "审核通过" }).count()).toBe(0);
    await shot("measure-in-progress");
    await page.getByRole("button", { name: "提交审核" }).click();
    await page.getByTestId("measure-state").getByText("待审核").waitFor();
    await page.getByRole("cell", { name: "提交审核", exact: true }).waitFor();
    expect(await page.getByRole("button", { name: "提交审核" }).count()).toBe(0);
    await page.setViewportSize(PHONE);
    await shot("measure-submitted-phone");
    await page.setViewportSize(DESKTOP);
  });

  it("signs out, signs in as the unit leader and approves the measure", async () => {
    await browser.signOut();
    await signIn("leader", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    // Past its deadline and with the reviewer: listed as overdue, tagged 待审核 (the ladder does not warn it).
    await page.locator(".ant-card").filter({ hasText: "督办预警" }).getByText("待审核").waitFor();
    // Opened by its address, as from a link in a message: the server answers the page, the app the measure.
    await page.goto(`${origin}/measures/${encodeURIComponent(measureId)}`);
    await page.getByRole("heading", { name: /措施1：开展财务专项检查/ }).waitFor();
    await page.getByRole("button", { name: "退回" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "确定" }).click();
    await page.getByText("请填写退回理由").waitFor();
    await shot("measure-return-reason-required");
    await page.getByRole("dialog").getByRole("button", { name: "取消" }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    t.clock.advanceMinutes(5);
    await page.getByRole("button", { name: "审核通过" }).click();
    await page.getByTestId("measure-state").getByText("已销号").waitFor();
    const stored = (await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId)).find(
      (m) => m.id === measureId,
    );
    expect(stored?.state).toBe("closed");
    await shot("measure-closed");
    await page.setViewportSize(PHONE);
    await shot("measure-closed-phone");
    await page.setViewportSize(DESKTOP);
    // The closure joins this week's bar of 销号趋势 (the week of Monday 28 June 2021).
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click();
    await page.getByRole("img", { name: /6\/28起1项/ }).waitFor();
    await shot("dashboard-after-closure");
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
