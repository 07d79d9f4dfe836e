// A real browser on a real server for the web tests: the built UI registered on a test app over a fresh SQLite file,
// listening on loopback, and Debian's Chromium (playwright-core) on a fresh profile. It records every console error or
// warning and every request to another host, so that each test file can assert there were none.

import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { registerWebApp } from "../../src/http/web-app.ts";
import type { TestApp } from "../http/http-test-app.ts";
import { ensureWebBuild, ROOT, WEB_BUILD } from "./web-build.ts";

const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = join(ROOT, "test/web/screenshots");
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserSession {
  readonly origin: string;
  readonly page: Page;
  /** Console errors and warnings, uncaught page errors (minus the expected 401s and `allowed` ones). */
  readonly problems: string[];
  /** Requests to any host but the app's own. */
  readonly foreignRequests: string[];
  /** A full-page screenshot into test/web/screenshots (git-ignored), to be looked at. */
  shot(name: string): Promise<void>;
  /** Fills the sign-in page and submits it. */
  signIn(login: string, password: string): Promise<void>;
  /**
   * Opens `path` inside the running app, as its own links do (the server answers only the addresses it lists with the
   * page; the app must still guard every address it knows).
   */
  openInApp(path: string): Promise<void>;
  /** Signs out through the header's button and waits for the sign-in page. */
  signOut(): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserOptions {
  /**
   * Console messages the test expects (Chromium logs every 4xx fetch): a 4xx of the named API path is a refusal the
   * page shows and the test checks on the page.
   */
  readonly expectedRefusals?: readonly { readonly status: number; readonly path: string | RegExp }[];
  /** A built UI to serve instead of this checkout's dist/web (the web benchmark compares two builds). */
  readonly webRoot?: string;
}

/**
 * Serves the built UI from `t`, listens on a free loopback port and opens Chromium on it. Call it before any request
 * to `t.app` (signedInUser signs in with one): Fastify takes no new routes once it has answered.
 */
export async function openBrowser(t: TestApp, options: BrowserOptions = {}): Promise<BrowserSession> {
  if (options.webRoot === undefined) await ensureWebBuild();
  registerWebApp(t.app, { root: options.webRoot ?? WEB_BUILD });
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;

  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "zhenggai-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: DESKTOP,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    acceptDownloads: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      foreignRequests.push(url);
    }
  });
  const refusals = [{ status: 401, path: "/api/v1/session" }, ...(options.expectedRefusals ?? [])];
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    const url = message.location().url;
    const path = url.startsWith(origin) ? url.slice(origin.length).split("?")[0]! : url;
    const expected = refusals.some(
      (r) =>
        message.text().includes(`status of ${r.status}`) &&
        (typeof r.path === "string" ? path === r.path : r.path.test(path)),
    );
    if (!expected) problems.push(`${message.type()}: ${message.text()} (${url})`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));

  return {
    origin,
    page,
    problems,
    foreignRequests,
    async shot(name) {
      // Not Chromium's full-page capture: it narrows the window to 1×1 px for a moment, so a responsive page flips to
      // its phone layout and back (the media queries fire both ways) and can fold what is open. A window as tall as the
      // page, of the same width, is captured instead, and the size given back.
      const path = join(SCREENSHOTS, `${name}.png`);
      const viewport = page.viewportSize();
      const height = Number(await page.evaluate("Math.min(document.documentElement.scrollHeight, 16000)"));
      if (viewport === null || height <= viewport.height) {
        await page.screenshot({ path });
        return;
      }
      await page.setViewportSize({ width: viewport.width, height });
      try {
        await page.screenshot({ path });
      } finally {
        await page.setViewportSize(viewport);
      }
    },
    async signIn(login, password) {
      await page.getByLabel("登录名").fill(login);
      await page.getByLabel("密码").fill(password);
      await page.getByRole("button", { name: "登录" }).click();
    },
    async openInApp(path) {
      // A string, not a function: the test's TypeScript knows no DOM.
      await page.evaluate(
        `window.history.pushState(null, "", ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent("popstate"));`,
      );
    },
    async signOut() {
      await page.getByRole("button", { name: "退出" }).click();
      await page.getByLabel("登录名").waitFor();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
