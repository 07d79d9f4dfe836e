// 提醒 in Chromium against a real server: the scheduler's warning job (a real tick on the test app's clock) gives a
// department reporter unread warnings; the header's bell says how many; the reporter reads the inbox at phone size,
// pages on, follows a warning to its measure, shows only the unread ones (a line read there stays until refreshed),
// marks all read and sets a daily digest that a reload keeps. The administrator adds a group robot whose secret never
// comes back to the page, and retries a delivery the robot's vendor refused; the bell asks for its count once a
// minute while someone is at a visible tab, never on its own.

import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { createScheduler, type Scheduler } from "../../src/scheduler/scheduler.ts";
import { parseRoute } from "../../src/web/routes.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { recordingChannel, type RecordingChannel } from "../support/notification-fakes.ts";
import { DESKTOP, openBrowser, PHONE, type BrowserSession } from "./browser.ts";

const ROBOT_SECRET = "SEC-feishu-never-shown-42";
const ROBOT_TOKEN = "b1c2d3e4f5a6b7c8d9e0";

describe("提醒 and the notification administration in Chromium", { timeout: 120_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let reporterId: string;
  let unitId: string;
  let dingtalk: RecordingChannel;
  let scheduler: Scheduler;

  beforeAll(async () => {
    t = await openTestApp();
    browser = await openBrowser(t);
    page = browser.page;
    // The test clock stands at 2021-06-30 16:00 in Shanghai: 22 open measures of 办公室 due in the next weeks (green to
    // red) and the default ledger's overdue one.
    const due = ["2021-07-01", "2021-07-05", "2021-07-09", "2021-07-14", "2021-07-20"];
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          ...makeLedger().problems,
          makeProblem({
            title: "意识形态工作责任制落实不到位",
            measures: Array.from({ length: 22 }, (_, i) =>
              makeMeasure({ text: `第${i + 1}项：健全意识形态工作台账`, deadline: due[i % due.length]! }),
            ),
          }),
        ],
      }),
    );
    unitId = created.unitId;
    const office = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "办公室")!;
    await signedInUser(t, "reporter", { role: "department_reporter", orgId: office.id });
    await signedInUser(t, "admin", { role: "admin", orgId: null });
    reporterId = (await t.deps.store.users.findByLogin("reporter"))!.id;
    await t.deps.store.notificationTargets.put({
      id: "ntg_unit_dingtalk",
      orgId: unitId,
      kind: "dingtalk",
      url: "https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789",
      secret: "SEC-dingtalk",
      updatedAt: t.deps.clock.now(),
      updatedBy: "system",
    });
    // The unit's DingTalk robot refuses the overdue measure's post for good (its keyword check); the others go.
    dingtalk = recordingChannel("dingtalk");
    dingtalk.answer = (message) =>
      message.subject.includes("已逾期")
        ? {
            ok: false,
            retryable: false,
            error: "钉钉机器人 https://oapi.dingtalk.com 答复 310000：关键词不匹配",
          }
        : { ok: true };
    scheduler = createScheduler(
      { ...t.deps, notificationChannels: { dingtalk }, random: () => 0.5 },
      {
        holder: "test-node",
        warningAt: { hour: 8, minute: 30 },
        digestAt: { hour: 17, minute: 30 },
        log: () => undefined,
      },
    );
    const report = await scheduler.tick();
    expect(report.deliveries?.dead).toBe(1);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("links every warning to its measure's page", async () => {
    const items = await t.deps.store.notifications.listForRecipient(reporterId, {
      unreadOnly: false,
      limit: 100,
    });
    expect(items.length).toBe(23);
    for (const n of items) {
      expect(parseRoute(new URL(n.link!, "http://x").pathname)).toEqual({ page: "measure", id: n.measureId });
    }
  });

  it("shows the unread count on the bell; the reporter reads 提醒 on a phone, pages on and follows a warning", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("reporter", TEST_PASSWORD);
    const bell = page.getByRole("link", { name: "提醒，23条未读" });
    await bell.waitFor();
    await page.setViewportSize(PHONE);
    // By keyboard: the bell is a link like any other.
    await bell.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "提醒" }).waitFor();
    const lines = page.getByRole("article");
    await page.getByText("我的提醒（23条未读）").waitFor();
    expect(await lines.count()).toBe(20);
    await page.getByRole("button", { name: "加载更多" }).click();
    await page.getByRole("button", { name: "加载更多" }).waitFor({ state: "detached" });
    expect(await lines.count()).toBe(23);
    // Newest first, every line unread, with its subject, text, time and a way to the measure.
    const first = lines.first();
    expect(await first.getAttribute("aria-label")).toMatch(/^未读：【/);
    expect(await first.locator("time").innerText()).toBe("2021-06-30 16:00");
    expect(await first.innerText()).toContain("您作为责任部门填报人收到此提醒");
    await browser.shot("notifications-phone");
    // Usable on the phone: nothing wider than the screen.
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);

    const overdue = lines.filter({ hasText: "已逾期" }).first();
    await overdue.getByRole("link", { name: "查看整改措施" }).click();
    await page.getByRole("heading", { name: /^措施\d+：完善财务报销制度并组织专题培训$/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/measures\//);
    // Following it read it.
    await page.getByRole("link", { name: "提醒，22条未读" }).waitFor();
    expect(await t.deps.store.notifications.countUnread(reporterId)).toBe(22);
  });

  it("shows only the unread ones on 只看未读, paged; a line marked read stays until the list is refreshed", async () => {
    await page.getByRole("link", { name: "提醒，22条未读" }).click();
    const lines = page.getByRole("article");
    await page.getByText("我的提醒（22条未读）").waitFor();
    expect(await lines.count()).toBe(20);
    await page.getByText("只看未读").click();
    // The followed warning (read) is not among them; the rest come a page at a time.
    await expect.poll(() => lines.count()).toBe(20);
    expect(await lines.filter({ hasText: "已逾期" }).count()).toBe(0);
    await page.getByRole("button", { name: "加载更多" }).click();
    await page.getByRole("button", { name: "加载更多" }).waitFor({ state: "detached" });
    expect(await lines.count()).toBe(22);
    const labels = async () =>
      Promise.all((await lines.all()).map(async (line) => (await line.getAttribute("aria-label")) ?? ""));
    expect((await labels()).every((label) => label.startsWith("未读："))).toBe(true);

    // Marked read here, the line stays (as read) with a way to refresh; the bell follows at once.
    const second = lines.nth(1);
    const subject = ((await second.getAttribute("aria-label")) ?? "").replace(/^未读：/, "");
    await second.getByRole("button", { name: /^标为已读：/ }).click();
    await page.getByRole("link", { name: "提醒，21条未读" }).waitFor();
    await expect.poll(() => lines.nth(1).getAttribute("aria-label")).toBe(`已读：${subject}`);
    expect(await lines.count()).toBe(22);
    await page.getByText("已读的提醒刷新后不再显示").waitFor();
    await browser.shot("notifications-unread-phone");
    await page.setViewportSize(DESKTOP);
    await browser.shot("notifications-unread");
    await page
      .getByRole("button", { name: "刷 新" })
      .or(page.getByRole("button", { name: "刷新" }))
      .click();
    await expect.poll(() => lines.count()).toBe(20);
    expect((await labels()).every((label) => label.startsWith("未读："))).toBe(true);
    await page.getByRole("button", { name: "加载更多" }).click();
    await page.getByRole("button", { name: "加载更多" }).waitFor({ state: "detached" });
    expect(await lines.count()).toBe(21);
    expect(await page.getByText("已读的提醒刷新后不再显示").count()).toBe(0);
    await page.getByText("全部", { exact: true }).click();
    await expect.poll(() => lines.count()).toBe(20);
    await page.getByRole("button", { name: "加载更多" }).waitFor();
    await page.setViewportSize(PHONE);
  });

  it("marks one and then all read, and the bell's count goes", async () => {
    const lines = page.getByRole("article");
    await page.getByText("我的提醒（21条未读）").waitFor();
    const unread = lines.filter({ has: page.getByRole("button", { name: /^标为已读：/ }) }).first();
    await unread.getByRole("button", { name: /^标为已读：/ }).click();
    await page.getByRole("link", { name: "提醒，20条未读" }).waitFor();
    await page.setViewportSize(DESKTOP);
    await browser.shot("notifications");
    await page.getByRole("button", { name: "全部标为已读" }).click();
    await page.getByText("已将 20 条提醒标为已读").waitFor();
    await page.getByRole("link", { name: "提醒，0条未读" }).waitFor();
    expect(await lines.filter({ hasText: "未读" }).count()).toBe(0);
    expect(await t.deps.store.notifications.countUnread(reporterId)).toBe(0);
    // With nothing unread, 只看未读 says so.
    await page.getByText("只看未读").click();
    await page.getByText("没有未读的提醒。").waitFor();
    await page.getByText("全部", { exact: true }).click();
    await expect.poll(() => lines.count()).toBe(20);
  });

  it("sets a daily digest by email with the schema's messages under the fields, kept after a reload", async () => {
    const card = page.locator(".ant-card").filter({ hasText: "提醒设置" });
    await card.getByText("尚未设置，按默认：逐条即时、不发邮件").waitFor();
    await card.getByRole("radio", { name: "每日汇总一次" }).check();
    await card.getByRole("switch", { name: "接收邮件提醒" }).click();
    await card.getByRole("button", { name: "保存设置" }).click();
    await card.getByText("接收邮件时须填写邮箱地址").waitFor();
    await card.getByLabel("邮箱地址").fill("reporter@example");
    await card.getByRole("button", { name: "保存设置" }).click();
    await card.getByText("邮箱地址格式不正确，如 zhangsan@example.org").waitFor();
    await card.getByLabel("邮箱地址").fill("reporter@example.org");
    await card.getByRole("button", { name: "保存设置" }).click();
    await card.getByRole("status").filter({ hasText: "已保存" }).waitFor();
    expect((await t.deps.store.notificationPreferences.getMany([reporterId]))[0]).toMatchObject({
      mode: "daily_digest",
      emailEnabled: true,
      email: "reporter@example.org",
    });

    await page.reload();
    const again = page.locator(".ant-card").filter({ hasText: "提醒设置" });
    await again.getByText(/^上次保存 /).waitFor();
    expect(await again.getByRole("radio", { name: "每日汇总一次" }).isChecked()).toBe(true);
    expect(await again.getByRole("switch", { name: "接收邮件提醒" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    expect(await again.getByLabel("邮箱地址").inputValue()).toBe("reporter@example.org");
    await browser.signOut();
  });

  it("lets the administrator add a robot whose secret never comes back, and retry a refused delivery", async () => {
    await browser.signIn("admin", TEST_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "管理" }).click();
    await page.getByRole("tab", { name: "通知" }).click();
    const failed = page.locator(".ant-card").filter({ hasText: "发送失败的通知" });
    const deadRow = failed.getByRole("row").filter({ hasText: "已放弃" });
    await deadRow.waitFor();
    expect(await deadRow.innerText()).toContain("310000：关键词不匹配");
    expect(await deadRow.innerText()).toContain("市文联党组 钉钉群机器人");

    await page.getByRole("button", { name: "添加机器人" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("单位").click();
    await dialog.getByLabel("单位").fill("市文联");
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: "市文联党组" })
      .first()
      .click();
    await dialog.getByLabel("机器人类型").click();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
      .filter({ hasText: "飞书群机器人" })
      .click();
    await dialog.getByLabel("机器人地址").fill("ftp://open.feishu.cn/hook");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.getByText("机器人地址应以 https:// 或 http:// 开头").waitFor();
    await dialog.getByLabel("机器人地址").fill(`https://open.feishu.cn/open-apis/bot/v2/hook/${ROBOT_TOKEN}`);
    await dialog.getByLabel("签名密钥").fill(ROBOT_SECRET);
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "hidden" });
    const robots = page.locator(".ant-card").filter({ hasText: "群机器人与 Webhook" });
    const row = robots.getByRole("row").filter({ hasText: "飞书群机器人" });
    await row.waitFor();
    expect(await row.innerText()).toContain("已设置");
    const stored = (await t.deps.store.notificationTargets.list()).find((x) => x.kind === "feishu");
    expect(stored?.secret).toBe(ROBOT_SECRET);

    // Opened again for a change, the form holds neither the secret nor the hook's token.
    await row.getByRole("button", { name: "修改 市文联党组 的飞书群机器人" }).click();
    await dialog.getByText("已设置（不显示）；不填则保留原密钥").waitFor();
    expect(await dialog.getByLabel("签名密钥").inputValue()).toBe("");
    const html = await page.content();
    expect(html).not.toContain(ROBOT_SECRET);
    expect(html).not.toContain(ROBOT_TOKEN);
    await dialog.getByRole("button", { name: "取消" }).click();
    await dialog.waitFor({ state: "hidden" });
    await browser.shot("admin-notifications");

    // The robot's keyword set right, the administrator retries: due at once, sent by the scheduler's next round.
    await deadRow.getByRole("button", { name: /^重试：/ }).click();
    await page.getByText("已重新排入发送队列，将在下一轮发送").waitFor();
    const retried = failed.getByRole("row").filter({ hasText: "失败待重试" });
    await retried.getByText("2021-06-30 16:00").waitFor();
    dingtalk.answer = () => ({ ok: true });
    expect((await scheduler.tick()).deliveries?.sent).toBe(1);
    await failed.getByRole("button", { name: "刷新" }).click();
    await failed.getByText("没有发送失败的通知").waitFor();
    expect(dingtalk.sent.filter((s) => s.message.subject.includes("已逾期"))).toHaveLength(1);

    await row.getByRole("button", { name: "删除 市文联党组 的飞书群机器人" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "删除" }).click();
    await row.waitFor({ state: "detached" });
    expect((await t.deps.store.notificationTargets.list()).map((x) => x.kind)).toEqual(["dingtalk"]);
  });

  it("asks for the bell's count once a minute while the person is at a visible tab, never on its own", async () => {
    await browser.signOut();
    // Time still flows after install; runFor moves it a minute at once.
    await page.clock.install();
    await page.reload();
    await browser.signIn("reporter", TEST_PASSWORD);
    await page.getByRole("link", { name: "提醒，0条未读" }).waitFor();
    const asked: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === "/api/v1/notifications") asked.push(request.url());
    };
    page.on("request", onRequest);
    // Answers as slow as on a loaded machine: the next minute's tick must still ask, not share the last ask.
    const slowAnswers = async (route: Route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    };
    const bellAsks = (url: URL) => url.pathname === "/api/v1/notifications";
    await page.route(bellAsks, slowAnswers);
    const setVisibility = (state: "hidden" | "visible") =>
      page.evaluate(
        `Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "${state}" });
         document.dispatchEvent(new Event("visibilitychange"));`,
      );
    // Each expected ask is waited for until the bell shows its answer: a new unread line before each one changes the
    // count, so the answer was taken in (and the ask under way finished) before the next step. Otherwise, on a loaded
    // machine, the next minute could come while the last ask is still being answered, and share it.
    let told = 0;
    const askAnswered = async (asks: number) => {
      await expect.poll(() => asked.length).toBe(asks);
      await page.getByRole("link", { name: `提醒，${told}条未读` }).waitFor();
    };
    const tellReporter = async () => {
      told += 1;
      await t.deps.store.notifications.insertOnce({
        id: `ntf_bell_${told}`,
        recipientId: reporterId,
        kind: "warning",
        subject: `第${told}条新提醒`,
        text: "铃铛计数测试",
        link: null,
        inspectionId: null,
        measureId: null,
        level: null,
        dedupeKey: `bell-test:${told}`,
        viaDigest: false,
        digestDay: null,
        createdAt: t.deps.clock.now(),
        readAt: null,
      });
    };
    // The person at work (a key now and then): one ask a minute, none within the first.
    await page.clock.runFor(30_000);
    await page.keyboard.press("Shift");
    await page.waitForTimeout(300);
    expect(asked).toHaveLength(0);
    for (let minute = 1; minute <= 3; minute += 1) {
      await tellReporter();
      await page.clock.runFor(60_000);
      await askAnswered(minute);
      await page.keyboard.press("Shift");
    }
    await tellReporter();
    await page.clock.runFor(60_000);
    await askAnswered(4);
    // Nobody at the browser for five minutes: no ask keeps the session alive past its idle timeout.
    await tellReporter();
    for (let minute = 1; minute <= 5; minute += 1) await page.clock.runFor(60_000);
    await page.waitForTimeout(500);
    expect(asked).toHaveLength(4);
    // Back at the keyboard: one ask at once, not one per missed minute.
    await page.keyboard.press("Shift");
    await askAnswered(5);
    // A hidden tab asks nothing, whatever happens in it.
    await setVisibility("hidden");
    await tellReporter();
    for (let minute = 1; minute <= 5; minute += 1) {
      await page.keyboard.press("Shift");
      await page.clock.runFor(60_000);
    }
    await page.waitForTimeout(500);
    expect(asked).toHaveLength(5);
    // Shown again after five minutes: one ask at once.
    await setVisibility("visible");
    await askAnswered(6);
    await page.waitForTimeout(500);
    expect(asked).toHaveLength(6);
    page.off("request", onRequest);
    await page.unroute(bellAsks, slowAnswers);
  });

  it("raised no console error or warning and asked no other host", () => {
    expect(browser.problems).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
