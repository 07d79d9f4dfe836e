// src/http/web-app.ts on the real app: the UI's pages answer index.html, its files are served with their types and
// caching, the CSP of every answer still holds, and everything else (under /api above all) keeps the API's 404/405.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { registerWebApp } from "../../src/http/web-app.ts";
import { parseRoute, paths } from "../../src/web/routes.ts";
import { openTestApp, type TestApp } from "../http/http-test-app.ts";

const INDEX = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';

function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "zhenggai-web-"));
  mkdirSync(join(root, "assets"));
  writeFileSync(join(root, "index.html"), INDEX);
  writeFileSync(join(root, "assets/index-abc123.js"), "console.log(1);");
  writeFileSync(join(root, "favicon.svg"), "<svg/>");
  return root;
}

describe("the web UI served by the app", () => {
  let t: TestApp;
  afterEach(async () => t.close());

  it("serves index.html at every address the UI's router makes, so a reload or a shared link opens the page", async () => {
    t = await openTestApp();
    registerWebApp(t.app, { root: fakeBuild() });
    // Every maker takes at most an id; the ones without a parameter ignore it.
    const made = Object.values(paths).map((make) => make("ins 1"));
    expect(made).toHaveLength(Object.keys(paths).length);
    for (const url of made) {
      expect(parseRoute(new URL(url, "http://x").pathname).page, url).not.toBe("notFound");
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
    }
  });

  it("answers index.html at the UI's addresses, without signing in, under the CSP", async () => {
    t = await openTestApp();
    registerWebApp(t.app, { root: fakeBuild() });
    for (const url of ["/", "/inspections/ins-1", "/measures/m%201?x=1"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    }
  });

  it("serves the built files, hashed assets cached for good", async () => {
    t = await openTestApp();
    registerWebApp(t.app, { root: fakeBuild() });
    const script = await t.app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe("console.log(1);");
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const gzipped = await t.app.inject({
      method: "GET",
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "br, gzip;q=0.8" },
    });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers.vary).toBe("accept-encoding");
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe("console.log(1);");
    const refused = await t.app.inject({
      method: "GET",
      url: "/assets/index-abc123.js",
      headers: { "accept-encoding": "gzip;q=0" },
    });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    expect(refused.body).toBe("console.log(1);");
    const icon = await t.app.inject({ method: "GET", url: "/favicon.svg" });
    expect(icon.headers["content-type"]).toBe("image/svg+xml");
    expect(icon.headers["cache-control"]).toBe("no-cache");
  });

  it("leaves every other path to the API's answers", async () => {
    t = await openTestApp();
    registerWebApp(t.app, { root: fakeBuild() });
    const cases: [string, string, number][] = [
      ["GET", "/api/v1/nothing-here", 404],
      ["GET", "/assets/missing.js", 404],
      ["GET", "/inspections/ins-1/extra", 404],
      ["GET", "/index.html", 404],
      ["POST", "/", 405],
      ["GET", "/api/v1/session", 401],
    ];
    for (const [method, url, status] of cases) {
      const res = await t.app.inject({ method: method as "GET" | "POST", url });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.json<{ error: { code: string } }>().error.code).toMatch(/^[a-z_]+$/);
    }
  });

  it("says in Chinese how to build the UI when there is no build", async () => {
    t = await openTestApp();
    registerWebApp(t.app, { root: mkdtempSync(join(tmpdir(), "zhenggai-web-empty-")) });
    const res = await t.app.inject({ method: "GET", url: "/measures/m1" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("npm run build:web");
  });
});
