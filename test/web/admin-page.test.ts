// 管理 in Chromium against a real server: the administrator adds a department to the org tree, creates an account
// (the shared schema's message under a bad login, the server's refusal of a weak password in the dialog), grants it
// a role over the department and revokes it, disables it, and sets an inspection's review chain to two levels; a
// unit office is not offered the page and is refused it by its address.

import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { openBrowser, type BrowserSession } from "./browser.ts";

describe("the administration page in Chromium", { timeout: 90_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let inspectionId: string;

  beforeAll(async () => {
    t = await openTestApp();
    // The weak password is refused by the server (400) and said in the dialog.
    browser = await openBrowser(t, {
      expectedRefusals: [
        { status: 400, path: "/api/v1/users" },
        // The holiday notice with a wrong weekday, refused on purpose.
        { status: 400, path: "/api/v1/calendar/overrides/import" },
      ],
    });
    page = browser.page;
    const created = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
    inspectionId = created.inspectionId;
    await signedInUser(t, "admin", { role: "admin", orgId: null });
    await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Chooses `option` in the select labelled `label` (typing `search` first, for long lists). */
  async function pick(label: string, option: string, search?: string) {
    const select = page.getByLabel(label, { exact: true });
    await select.click();
    if (search !== undefined) await select.fill(search);
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: option })
      .first()
      .click();
  }

  it("adds a department to the org tree, with the schema's message for a missing name", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("admin", TEST_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "管理" }).click();
    await page.getByRole("heading", { name: "管理" }).waitFor();
    const tree = page.getByRole("tree", { name: "组织机构树" });
    await tree.getByText("市文联党组").waitFor();
    await page.getByRole("button", { name: "新建", exact: true }).click();
    await page.getByText("必须填写").first().waitFor();
    await page.getByLabel("名称").fill("宣传科");
    await pick("类型", "部门");
    await pick("上级", "市文联党组", "市文联");
    await page.getByRole("button", { name: "新建", exact: true }).click();
    await tree.getByText("宣传科").waitFor();
    expect((await t.deps.store.orgs.list({ kind: "all" })).some((o) => o.name === "宣传科")).toBe(true);
    await browser.shot("admin-orgs");
  });

  it("creates an account, grants it a role over the department, revokes it and disables the account", async () => {
    await page.getByRole("tab", { name: "账号与授权" }).click();
    await page.getByRole("button", { name: "新建账号" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("登录名").fill("张三");
    await dialog.getByLabel("姓名").fill("张三");
    await pick("所属单位", "宣传科", "宣传科");
    await dialog.getByLabel("初始密码").fill("123");
    await dialog.getByRole("button", { name: "新建" }).click();
    await dialog.getByText("登录名应为 2–32 位字母、数字或 . _ -，以字母或数字开头").waitFor();
    await dialog.getByLabel("登录名").fill("zhangsan");
    await dialog.getByRole("button", { name: "新建" }).click();
    await dialog.getByRole("alert").waitFor();
    await browser.shot("admin-user-weak-password");
    expect(await dialog.getByRole("alert").innerText()).toMatch(/密码/);
    await dialog.getByLabel("初始密码").fill(TEST_PASSWORD);
    await dialog.getByRole("button", { name: "新建" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = page.getByRole("row").filter({ hasText: "zhangsan" });
    await row.waitFor();
    expect(await row.innerText()).toContain("宣传科");

    await row.getByRole("button", { name: "授权" }).click();
    await pick("角色", "责任部门填报人");
    await page.getByRole("dialog").getByRole("button", { name: "授权" }).click();
    await row.getByText("责任部门填报人·宣传科").waitFor();
    const user = await t.deps.store.users.findByLogin("zhangsan");
    expect((await t.deps.store.grants.listByUser(user!.id)).map((g) => g.role)).toEqual([
      "department_reporter",
    ]);
    await browser.shot("admin-users");

    await row.getByLabel("撤销责任部门填报人授权").click();
    await page.getByRole("button", { name: "撤销", exact: true }).click();
    await row.getByText("责任部门填报人·宣传科").waitFor({ state: "detached" });

    await row.getByRole("button", { name: "修改" }).click();
    await page.getByRole("dialog").getByRole("switch").click();
    await page.getByRole("dialog").getByRole("button", { name: "保存" }).click();
    await row.getByText("已停用").waitFor();
    expect((await t.deps.store.users.findByLogin("zhangsan"))?.disabled).toBe(true);
  });

  it("sets an inspection's review chain to the unit leader, then the inspection office", async () => {
    await page.getByRole("tab", { name: "审核层级" }).click();
    await pick("巡察", "市文联党组");
    await page.getByText("尚未设置，按默认由单位领导一级审核销号。").waitFor();
    await pick("审核层级（按选择的先后排序）", "巡察办");
    // A multiple select stays open for more choices.
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "保存审核层级" }).click();
    await page.getByText("第2级：巡察办").waitFor();
    expect(await page.getByText("尚未设置").count()).toBe(0);
    const answer = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${encodeURIComponent(inspectionId)}/review-chain`,
      headers: { cookie: (await signedInUser(t, "checker", { role: "admin", orgId: null })).cookie },
    });
    expect(answer.json()).toEqual({ levels: ["unit_leader", "oversight"], isDefault: false });
    await browser.shot("admin-review-chain");
    // Saved again and again in quick succession: the newest three confirmations show, not a column of them.
    const save = page.getByRole("button", { name: "保存审核层级" });
    for (let i = 0; i < 5; i += 1) {
      await save.click();
      await page.locator(".ant-btn-loading").waitFor({ state: "detached" });
    }
    // Not counting one on its way out (it carries the motion's leave class).
    const saved = page
      .locator('.ant-message-notice:not([class*="-leave"])')
      .filter({ hasText: "审核层级已保存" });
    await saved.first().waitFor();
    expect(await saved.count()).toBeLessThanOrEqual(3);
  });

  it("enters a day of next year's holiday notice in 工作日历, refuses a wrong date in Chinese, and deletes the day", async () => {
    await page.getByRole("tab", { name: "工作日历" }).click();
    await page.getByText("还没有录入调整，按软件自带的放假安排计算").waitFor();
    const panel = page.locator(".ant-card").filter({ hasText: "录入或修改一天" });
    await panel.getByLabel("日期").fill("2031-02-30");
    await panel.getByLabel("类型", { exact: true }).click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: "放假" })
      .click();
    await panel.getByLabel("名称或说明").fill("春节");
    await panel.getByRole("button", { name: "保存" }).click();
    await panel.getByText("不是有效的日期").waitFor();
    await panel.getByLabel("日期").fill("2031-01-27");
    await panel.getByRole("button", { name: "保存" }).click();
    await page.getByRole("cell", { name: "2031-01-27", exact: true }).waitFor();
    // Entering a day of 2031 makes the year known to the calendar.
    await page.locator(".ant-tag").filter({ hasText: "2031" }).waitFor();
    const stored = await t.deps.store.calendarOverrides.list();
    expect(stored.map((o) => [o.day, o.kind, o.name])).toEqual([["2031-01-27", "holiday", "春节"]]);
    await browser.shot("admin-calendar");
    await page.getByRole("button", { name: "删除 2031-01-27 的调整" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "删除" }).click();
    await page.getByText("还没有录入调整，按软件自带的放假安排计算").waitFor();
    expect(await t.deps.store.calendarOverrides.list()).toEqual([]);
  });

  it("imports a year's holiday notice in 工作日历: names a wrong line, previews the days, then stores them all", async () => {
    const card = page.locator(".ant-card").filter({ hasText: "导入一年的放假安排" });
    const notice = (saturday: string) =>
      [
        "国务院办公厅关于2031年部分节假日安排的通知",
        "一、元旦：1月1日（周三）放假1天，不调休。",
        `二、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）、5月10日（${saturday}）上班。`,
      ].join("\n");
    await card.getByLabel("通知全文或日期表格").fill(notice("周日"));
    await card.getByRole("button", { name: "预览" }).click();
    await card.getByText("第3行").waitFor();
    expect(await card.getByRole("button", { name: "导入" }).isDisabled()).toBe(true);
    await card.getByLabel("通知全文或日期表格").fill(notice("周六"));
    await card.getByRole("button", { name: "预览" }).click();
    const preview = page.getByTestId("calendar-import-preview");
    await preview.getByText("2031年共 8 天").waitFor();
    expect(await t.deps.store.calendarOverrides.list()).toEqual([]);
    await browser.shot("admin-calendar-import-preview");
    await card.getByRole("button", { name: "导入" }).click();
    await card.getByText("已录入2031年放假安排：新录入 8 天").waitFor();
    await page.getByRole("cell", { name: "2031-05-10", exact: true }).waitFor();
    const stored = await t.deps.store.calendarOverrides.list();
    expect(stored.map((o) => `${o.day} ${o.kind}`)).toEqual([
      "2031-01-01 holiday",
      "2031-04-27 working",
      "2031-05-01 holiday",
      "2031-05-02 holiday",
      "2031-05-03 holiday",
      "2031-05-04 holiday",
      "2031-05-05 holiday",
      "2031-05-10 working",
    ]);
    for (const o of stored) await t.deps.store.calendarOverrides.delete(o.day);
  });

  it("sets an inspection's 督办设置 beside its ledger, and the ledger's warnings follow the new bands", async () => {
    await browser.openInApp(`/inspections/${encodeURIComponent(inspectionId)}`);
    await page.getByRole("button", { name: "督办预警与设置" }).click();
    const drawer = page.getByRole("dialog", { name: "督办" });
    await drawer.getByRole("tab", { name: "督办设置" }).click();
    await drawer.getByText("尚未设置，按默认").waitFor();
    // Out of order (yellow above green): said before any request, in the domain's words; nothing stored.
    await drawer.getByLabel("黄色预警").fill("300");
    await drawer.getByRole("button", { name: "保存督办设置" }).click();
    await drawer.getByText("绿色预警天数 ≥ 黄色预警天数 ≥ 红色预警天数").waitFor();
    expect(await t.deps.store.deadlineProfiles.get(inspectionId)).toBeUndefined();
    await drawer.getByLabel("黄色预警").fill("10");
    await drawer.getByLabel("绿色预警").fill("40");
    await browser.shot("admin-deadline-profile");
    await drawer.getByRole("button", { name: "保存督办设置" }).click();
    // Saved, the ledger is read again (its warnings follow the new bands) and the drawer has closed.
    await drawer.waitFor({ state: "hidden" });
    await page.getByRole("heading", { name: "市文联党组 整改台账" }).waitFor();
    const profile = await t.deps.store.deadlineProfiles.get(inspectionId);
    expect(profile?.thresholds).toMatchObject({ green: 40, yellow: 10, red: 0 });
    await page.getByRole("button", { name: "督办预警与设置" }).click();
    await drawer.getByRole("tab", { name: "督办设置" }).click();
    expect(await drawer.getByLabel("绿色预警").inputValue()).toBe("40");
    // From the board, the administrator sends the unit a 督办通知 over its overdue measure; the .docx downloads.
    await drawer.getByRole("tab", { name: "预警" }).click();
    await drawer.getByLabel("发文字号").fill("市巡办〔2021〕7号");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      drawer.getByRole("button", { name: "下发督办通知（.docx）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("市文联党组督办通知.docx");
    const { value: text } = await mammoth.extractRawText({ path: await download.path() });
    expect(text).toContain("市巡办〔2021〕7号");
    expect(text).toContain("督办通知");
    expect(text).toContain("已逾期30天");
    await drawer.getByText("已下发并下载：市文联党组督办通知.docx").waitFor();
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
  });

  it("does not offer 管理 to a unit office, and refuses the page by its address", async () => {
    await browser.signOut();
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByRole("link", { name: "导入" }).waitFor();
    expect(await nav.getByRole("link", { name: "管理" }).count()).toBe(0);
    await browser.openInApp("/admin");
    await page.getByText("您没有权限管理账号与组织机构").waitFor();
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
