// What the browser tests of 导入 share: the unit they import for, the seed notice uploaded for a preview, and a
// picture of the screen.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createOrg } from "../../src/app/create-org.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import type { Org } from "../../src/domain/org.ts";
import type { TestApp } from "../http/http-test-app.ts";
import { SCREENSHOTS, type BrowserSession } from "./browser.ts";
import { ROOT } from "./web-build.ts";

const SEED_NOTICE = join(ROOT, "test/fixtures/notices/seed.txt");

/** 市文联党组 under its 巡察办 (the office returned for more units). */
export async function createImportUnit(t: TestApp): Promise<{ oversight: Org; unit: Org }> {
  const oversight = await createOrg(t.deps, SYSTEM_CALLER, { name: "市委巡察办", kind: "oversight" });
  const unit = await createOrg(t.deps, SYSTEM_CALLER, {
    name: "市文联党组",
    kind: "unit",
    parentId: oversight.id,
  });
  return { oversight, unit };
}

/**
 * A picture of what is on screen now. Chromium's full-page capture narrows the window to a pixel for a moment, which
 * draws the phone's layout and then the desktop's again: taken while a row is open or a dialog shows, a full-page shot
 * would change what the test goes on with.
 */
export async function shotOfView(page: BrowserSession["page"], name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Uploads the seed notice on the upload form and waits for its preview. */
export async function previewSeedNotice(page: BrowserSession["page"]): Promise<void> {
  await page.locator("input[type=file]").setInputFiles({
    name: "巡察整改情况通报.txt",
    mimeType: "text/plain",
    buffer: readFileSync(SEED_NOTICE),
  });
  await page.getByRole("button", { name: "上传并预览" }).click();
  await page.getByText("识别结果").waitFor();
}
