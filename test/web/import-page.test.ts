// 导入 in Chromium against a real server: the unit office uploads a workbook with a bad row (the row's error is shown
// with its sheet, row and column, confirming is not offered), leaves the bad column out by mapping it (the workbook is
// read again and may be confirmed) and discards it, then uploads the seed notice, reads the preview (11 problems and
// their statuses), corrects it (a status, a measure, a split undone by a merge), confirms it and finds the corrected
// status in the ledger; on a phone the preview is cards that do not scroll sideways, with the confirmation always on
// screen, and a correction is undone (the merge between two status changes, then the last); a unit leader, who may
// not import, is not offered the page and is refused it by its address.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrg } from "../../src/app/create-org.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "../http/http-test-app.ts";
import { writeForeignLedger } from "../support/xlsx-files.ts";
import { DESKTOP, openBrowser, PHONE, type BrowserSession } from "./browser.ts";
import { createImportUnit, previewSeedNotice, shotOfView } from "./import-browser.ts";

/** Picks an option of an antd Select by its label; a long list (drawn only in part) is searched first. */
async function chooseOption(select: Locator, label: string, search = false): Promise<void> {
  await select.click();
  if (search) await select.page().keyboard.type(label);
  const open = select.page().locator(".ant-select-dropdown:visible");
  const option = open.locator(`.ant-select-item-option[title="${label}"]`);
  await option.click();
  // A single select closes once it has taken the choice. On a loaded machine a click that lands while the list is
  // still opening can be dropped (the list stays open, nothing chosen): choose again rather than wait for nothing.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await open.waitFor({ state: "detached", timeout: 5_000 });
      return;
    } catch {
      if ((await option.count()) > 0) await option.click();
    }
  }
}

describe("the import page in Chromium", { timeout: 90_000 }, () => {
  let t: TestApp;
  let browser: BrowserSession;
  let page: BrowserSession["page"];
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zhenggai-web-import-"));
    t = await openTestApp();
    // The refusal to undo a split a later correction was made on, shown on the page.
    browser = await openBrowser(t, {
      expectedRefusals: [{ status: 409, path: /^\/api\/v1\/imports\/[^/]+\/corrections\/2$/ }],
    });
    page = browser.page;
    const { oversight: office, unit } = await createImportUnit(t);
    await signedInUser(t, "office", { role: "unit_office", orgId: unit.id });
    const second = await createOrg(t.deps, SYSTEM_CALLER, {
      name: "市文联党组（二）",
      kind: "unit",
      parentId: office.id,
    });
    await signedInUser(t, "office2", { role: "unit_office", orgId: second.id });
    await signedInUser(t, "leader", { role: "unit_leader", orgId: unit.id });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("offers 导入 to the unit office and shows a workbook's bad row with its sheet, row and column", async () => {
    await page.goto(`${browser.origin}/`);
    await browser.signIn("office", TEST_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入" }).click();
    await page.getByRole("heading", { name: "导入台账" }).waitFor();
    // One unit in the office's scope: chosen already.
    await page.getByText("市文联党组").first().waitFor();
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.getByText("请选择要导入的文件").waitFor();
    await browser.shot("import-empty");
    // On a phone the side navigation folds away and its links run across the top.
    await page.setViewportSize(PHONE);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入" }).waitFor();
    // The side navigation folds with a transition: the picture is taken once it is gone.
    await expect
      .poll(async () => (await page.locator(".frame-sider").boundingBox())?.width)
      .toBeLessThanOrEqual(1);
    await browser.shot("import-empty-phone");
    await page.setViewportSize(DESKTOP);

    const workbook = join(dir, "台账.xlsx");
    await writeForeignLedger(workbook, [
      ["市文联党组巡察整改台账"],
      ["序号", "存在问题", "整改措施", "责任领导", "责任部门", "完成时限", "状态"],
      [1, "四风问题依然存在", "完善公务接待制度", "杨建", "办公室", "2021年5月底", "已完成"],
      [2, "党建工作质量不高", "落实三会一课", "李四", "机关党委", "下个月吧", "推进中"],
    ]);
    await page.locator("input[type=file]").setInputFiles(workbook);
    await page.getByText("台账.xlsx").waitFor();
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.getByText("存在有误的行，不能确认导入").waitFor();
    await browser.shot("import-workbook-errors");
    const errors = page.locator(".ant-card").filter({ hasText: "有误的行（1）" });
    const row = await errors.locator("tbody tr").first().innerText();
    expect(row).toContain("台账.xlsx");
    expect(row).toContain("整改台账");
    expect(row).toMatch(/\b4\b/);
    expect(row).toContain("下个月吧");
    expect(await page.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(true);
    // On a phone the bad row and the columns are lists that do not scroll sideways.
    await page.setViewportSize(PHONE);
    const line = await errors.locator(".import-errors li").first().innerText();
    expect(line).toBe("台账.xlsx · 整改台账 · 第4行 · F列：" + line.split("：").slice(1).join("："));
    expect(line).toContain("下个月吧");
    await page.getByRole("combobox", { name: "整改台账 F列“完成时限”读作" }).waitFor();
    expect(
      await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth"),
    ).toBeLessThanOrEqual(0);
    await browser.shot("import-workbook-errors-phone");
    await errors.scrollIntoViewIfNeeded();
    await shotOfView(page, "import-workbook-errors-phone-view");
    await page.setViewportSize(DESKTOP);

    // The bad cell is in 完成时限: leaving that column out reads the workbook again without the error.
    await chooseOption(page.getByRole("combobox", { name: "整改台账 F列“完成时限”读作" }), "不导入", true);
    await page.getByText("存在有误的行，不能确认导入").waitFor({ state: "detached" });
    expect(await page.getByRole("button", { name: "确认导入" }).isDisabled()).toBe(false);
    expect(await page.locator(".correction-log").innerText()).toContain("把列“完成时限”读作“不导入”");
    await browser.shot("import-workbook-mapped");
    await page.getByRole("button", { name: "放弃" }).click();
    await page.getByRole("button", { name: "上传并预览" }).waitFor();
    const user = await t.deps.store.users.findByLogin("office");
    expect(await t.deps.store.pendingImports.countOpen(user!.id, t.deps.clock.now())).toBe(0);
  });

  it("previews the seed notice with its 11 problems and confirms it into a ledger", async () => {
    await previewSeedNotice(page);
    expect(await page.getByTestId("import-counts").innerText()).toContain("问题 11 个");
    const problems = page.locator(".ant-card").filter({ hasText: /问题与整改措施（\d+）/ });
    await page.getByText("问题与整改措施（11）").waitFor();
    expect(await problems.locator("tbody tr.ant-table-row").count()).toBe(11);
    expect(await problems.innerText()).toContain("已整改完成");
    expect(await problems.innerText()).toContain("正在推进");
    await browser.shot("import-preview");
    await problems
      .getByRole("button", { name: /展开行/ })
      .first()
      .click();
    await problems.locator(".ant-table-expanded-row").first().waitFor();
    await problems.locator(".ant-table-expanded-row").first().scrollIntoViewIfNeeded();
    await shotOfView(page, "import-preview-measures");
    // The confirmation stays on screen while the preview scrolls, on a desktop too.
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight / 3)");
    const box = await page.getByRole("button", { name: "确认导入" }).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(DESKTOP.height);
    await shotOfView(page, "import-preview-desktop-scrolled");

    // One status corrected: the first problem is not finished after all.
    const counts = page.getByTestId("import-counts");
    await chooseOption(page.getByRole("combobox", { name: "第1个问题的整改状态" }), "正在推进");
    await page
      .locator(".correction-log")
      .getByText(/第1个问题“.+”的整改状态由“已整改完成”改为“正在推进”/)
      .waitFor();
    expect(await page.locator(".ant-descriptions").innerText()).toContain("正在推进 4");
    expect(await counts.innerText()).toContain("问题 11 个");

    // A title edited in place: an empty one is refused with the API's words, a new one is taken.
    const third = problems.locator("tr[data-row-key='3']");
    await third.locator(".ant-typography-edit").click();
    await third.locator("textarea").fill("");
    await third.locator("textarea").press("Enter");
    await page.getByText("问题标题不能为空").waitFor();
    await third.locator(".ant-typography-edit").click();
    await third.locator("textarea").fill("意识形态工作责任制落实不到位");
    await third.locator("textarea").press("Enter");
    await page
      .locator(".correction-log")
      .getByText(/第3个问题的标题由“.+”改为“意识形态工作责任制落实不到位”/)
      .waitFor();

    // A measure's responsibility: the form refuses a deadline that is no date with the API's own message.
    await page.getByRole("button", { name: "修改第1个问题第1条措施" }).click();
    const dialog = page.getByRole("dialog", { name: "修改第1个问题第1条措施" });
    await dialog.getByLabel("时限（YYYY-MM-DD，可空）").fill("明年");
    await dialog.getByLabel("责任人").fill("张三");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.getByText("日期格式应为 YYYY-MM-DD").waitFor();
    await shotOfView(page, "import-measure-dialog");
    await dialog.getByLabel("时限（YYYY-MM-DD，可空）").fill("2027-06-30");
    await dialog.getByRole("button", { name: "保存" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await problems.locator(".ant-table-expanded-row").first().innerText()).toContain("张三");

    // Split the first measure off the second problem into a problem of its own, then merge it back.
    await page.getByRole("button", { name: "拆分第2个问题" }).click();
    const split = page.getByRole("dialog", { name: "拆分第2个问题" });
    await split.getByRole("button", { name: "拆分" }).click();
    await split.getByText("请选择要拆出的措施").waitFor();
    await split.getByRole("checkbox").first().check();
    await split.getByLabel("新问题的标题").fill("拆出的问题");
    await split.getByRole("button", { name: "拆分" }).click();
    await split.waitFor({ state: "detached" });
    expect(await counts.innerText()).toContain("问题 12 个");
    // The new problem comes right after the one it was split from.
    expect(await problems.locator("tr[data-row-key='3']").innerText()).toContain("拆出的问题");
    await browser.shot("import-preview-split");
    await page.getByRole("button", { name: "把另一个问题合并到第2个问题" }).click();
    const merge = page.getByRole("dialog", { name: "合并到第2个问题" });
    await chooseOption(merge.getByRole("combobox", { name: "要并入的问题" }), "3. 拆出的问题");
    await merge.getByRole("button", { name: "合并" }).click();
    await merge.waitFor({ state: "detached" });
    expect(await counts.innerText()).toContain("问题 11 个");
    expect(await page.locator(".correction-log li").count()).toBe(5);
    await browser.shot("import-preview-corrected");
    await page.setViewportSize(PHONE);
    await browser.shot("import-preview-corrected-phone");
    await page.setViewportSize(DESKTOP);

    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("导入完成").waitFor();
    expect(await page.getByText(/已建立台账：问题 11 个/).count()).toBe(1);
    await browser.shot("import-confirmed");
    const inspections = await t.deps.store.inspections.list(SCOPE_ALL);
    expect(inspections).toHaveLength(1);
    await page.getByRole("link", { name: "查看台账" }).click();
    await page.getByRole("heading", { name: "市文联党组 整改台账" }).waitFor();
    // The ledger draws only the rows on screen: scroll through it, noting each problem and its status.
    const seen = new Map<string, string>();
    for (let i = 0; i < 80 && seen.size < 11; i += 1) {
      // Read in one go: the virtual table reuses its rows while it scrolls.
      const rows = await page.evaluate<[string, string][]>(
        `[...document.querySelectorAll(".ledger-problem")].map((e) => [e.getAttribute("aria-label"), e.textContent])`,
      );
      for (const [label, text] of rows) seen.set(label, text);
      await page.locator(".ant-table-body, .ant-table-tbody-virtual-holder").first().hover();
      // Less than a screen at a time, and a moment for the table to draw the rows now in view.
      await page.mouse.wheel(0, 250);
      await page.waitForTimeout(150);
    }
    expect([...seen.keys()].sort()).toEqual(Array.from({ length: 11 }, (_, i) => `问题${i + 1}`).sort());
    expect(seen.get("问题1")).toContain("正在推进");
    await browser.shot("import-ledger");
  });

  it("on a phone: previews the seed notice as cards, corrects it, undoes a correction and confirms 11 problems", async () => {
    // Another unit of its own: the first has a ledger from this notice already.
    await browser.signOut();
    await page.setViewportSize(PHONE);
    await browser.signIn("office2", TEST_PASSWORD);
    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "导入" }).click();
    await page.getByText("市文联党组（二）").first().waitFor();
    await previewSeedNotice(page);
    const counts = page.getByTestId("import-counts");
    expect(await counts.innerText()).toContain("问题 11 个");
    // Cards, not a table: nothing scrolls sideways.
    const cards = page.locator(".import-cards > li");
    expect(await cards.count()).toBe(11);
    expect(await page.locator(".ant-table").count()).toBe(0);
    const overflow = () => page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.shot("import-preview-phone");

    // The confirmation stays on screen wherever the preview is scrolled.
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)");
    const confirm = page.getByRole("button", { name: "确认导入" });
    const inView = async () => {
      const box = await confirm.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= PHONE.height;
    };
    expect(await inView()).toBe(true);
    await shotOfView(page, "import-preview-phone-scrolled");

    // A problem's measures open in its card, each with its responsibility, deadline and 修改.
    await page.getByRole("button", { name: "查看第1个问题的整改措施" }).click();
    const first = cards.first();
    await first.locator(".import-measure").first().waitFor();
    expect(await first.locator(".import-measure").count()).toBe(2);
    expect(await first.innerText()).toContain("责任部门");
    await first.getByRole("button", { name: "修改第1个问题第1条措施" }).waitFor();
    await first.scrollIntoViewIfNeeded();
    await shotOfView(page, "import-preview-phone-measures");

    // Three corrections with the thumb: a status, a merge, a status made after the merge renumbered the problems.
    await chooseOption(page.getByRole("combobox", { name: "第1个问题的整改状态" }), "正在推进");
    const log = page.locator(".correction-log li");
    await log
      .first()
      .getByText(/第1个问题“.+”的整改状态由“已整改完成”改为“正在推进”/)
      .waitFor();
    const third = (await cards
      .nth(2)
      .locator(".import-card-title .ant-typography")
      .first()
      .textContent())!.trim();
    await page.getByRole("button", { name: "把另一个问题合并到第2个问题" }).click();
    const merge = page.getByRole("dialog", { name: "合并到第2个问题" });
    await chooseOption(merge.getByRole("combobox", { name: "要并入的问题" }), `3. ${third}`);
    await merge.getByRole("button", { name: "合并" }).click();
    await merge.waitFor({ state: "detached" });
    expect(await counts.innerText()).toContain("问题 10 个");
    const fifth = (await cards
      .nth(3)
      .locator(".import-card-title .ant-typography")
      .first()
      .textContent())!.trim();
    await chooseOption(page.getByRole("combobox", { name: "第4个问题的整改状态" }), "正在推进");
    await log
      .nth(2)
      .getByText(/第4个问题“.+”的整改状态/)
      .waitFor();
    expect(await page.getByRole("button", { name: "撤销第2项修改" }).isVisible()).toBe(true);
    await browser.shot("import-preview-phone-corrected");

    // The merge undone: 11 problems again, the later status stays on the problem it was made on (now the fifth).
    await page.getByRole("button", { name: "撤销第2项修改" }).click();
    await page.getByText("问题与整改措施（11）").waitFor();
    expect(await log.count()).toBe(2);
    expect(await log.nth(1).innerText()).toContain(
      `第5个问题“${fifth}”的整改状态由“已整改完成”改为“正在推进”`,
    );
    expect(await cards.nth(4).locator(".ant-select").innerText()).toContain("正在推进");
    expect(await cards.nth(2).innerText()).toContain(third);
    // The merge stays on record below, greyed, with who made it and who undid it.
    const undone = page.getByRole("list", { name: "已撤销的修改" }).getByRole("listitem");
    expect(await undone.count()).toBe(1);
    expect(await undone.first().innerText()).toMatch(
      new RegExp(`^已撤销：把第3个问题“${third}”合并到第2个问题“.+”.*（.+ office2修改，.+ office2撤销）$`),
    );
    expect(await page.getByText("已做的修改（2，另有1项已撤销）").count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.shot("import-preview-phone-undone");
    await log.first().scrollIntoViewIfNeeded();
    await shotOfView(page, "import-preview-phone-undone-viewport");
    // 撤销上一步 takes back the last one.
    await page.getByRole("button", { name: "撤销上一步" }).click();
    await expect.poll(() => log.count()).toBe(1);
    expect(await cards.nth(4).locator(".ant-select").innerText()).toContain("已整改完成");
    expect(await undone.count()).toBe(2);

    // A split whose new problem was corrected after it cannot be undone alone: the refusal names the later one.
    await page.getByRole("button", { name: "拆分第9个问题" }).click();
    const split = page.getByRole("dialog", { name: "拆分第9个问题" });
    await split.getByRole("checkbox").first().check();
    await split.getByLabel("新问题的标题").fill("拆出的问题");
    await split.getByRole("button", { name: "拆分" }).click();
    await split.waitFor({ state: "detached" });
    await chooseOption(page.getByRole("combobox", { name: "第10个问题的整改状态" }), "基本完成、持续深化");
    await expect.poll(() => log.count()).toBe(3);
    await page.getByRole("button", { name: "撤销第2项修改" }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "不能单独撤销第2项修改" });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(
      /之后的第3项修改（第10个问题“拆出的问题”的整改状态由“.+”改为“基本完成、持续深化”）是在它的基础上做的。请先撤销第3项修改/,
    );
    expect(await log.count()).toBe(3);
    await refusal.scrollIntoViewIfNeeded();
    await shotOfView(page, "import-preview-phone-refused");
    await page.getByRole("button", { name: "撤销第3项修改" }).click();
    await expect.poll(() => log.count()).toBe(2);
    await page.getByRole("button", { name: "撤销第2项修改" }).click();
    await expect.poll(() => log.count()).toBe(1);
    expect(await counts.innerText()).toContain("问题 11 个");

    await confirm.click();
    await page.getByText("导入完成").waitFor();
    expect(await page.getByText(/已建立台账：问题 11 个/).count()).toBe(1);
    await browser.shot("import-confirmed-phone");
    const inspections = await t.deps.store.inspections.list(SCOPE_ALL);
    expect(inspections).toHaveLength(2);
    await page.setViewportSize(DESKTOP);
  });

  it("does not offer 导入 to a unit leader, and refuses the page by its address", async () => {
    await browser.signOut();
    await browser.signIn("leader", TEST_PASSWORD);
    await page.getByRole("heading", { name: "工作台" }).waitFor();
    const nav = page.getByRole("navigation", { name: "主导航" });
    await nav.getByRole("link", { name: "工作台" }).waitFor();
    expect(await nav.getByRole("link", { name: "导入" }).count()).toBe(0);
    await browser.openInApp("/imports");
    await page.getByText("您没有权限导入台账").waitFor();
    await browser.shot("import-forbidden");
  });

  it("said nothing in the console and asked no other host", () => {
    expect([...new Set(browser.problems)]).toEqual([]);
    expect(browser.foreignRequests).toEqual([]);
  });
});
