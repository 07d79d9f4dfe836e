import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "./http-test-app.ts";

describe("unknown paths and wrong methods", () => {
  let opened: TestApp;
  beforeEach(async () => {
    opened = await openTestApp();
  });
  afterEach(async () => {
    await opened.close();
  });

  it("answers an unknown path with a fixed message that repeats nothing of the request", async () => {
    const probe = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    for (const url of [`/api/v1/${probe}`, `/${probe}?q=${probe}`, "/api/v1/nothing"]) {
      const res = await opened.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: { code: "not_found", message: "请求的地址不存在" } });
      expect(res.body).not.toMatch(/script|nothing|GET/i);
    }
  });

  it("answers a known path with the wrong method with 405, the Allow header and a Chinese body", async () => {
    for (const [method, url] of [
      ["POST", "/api/v1/inspections"],
      ["DELETE", "/api/v1/inspections/abc/ledger"],
      ["PUT", "/api/v1/health?x=1"],
      ["OPTIONS", "/api/v1/health"],
    ] as const) {
      const res = await opened.app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD");
      expect(res.json()).toEqual({
        error: { code: "method_not_allowed", message: "该地址不支持这种请求方法，可用的方法：GET、HEAD" },
      });
    }
  });

  it("keeps HEAD working for GET routes", async () => {
    const res = await opened.app.inject({ method: "HEAD", url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("");
  });

  it("does not stretch a route pattern over extra or missing segments", async () => {
    for (const url of [
      "/api/v1/inspections/abc/ledger/extra",
      "/api/v1/inspections/abc",
      "/api/v1/health/",
    ]) {
      const res = await opened.app.inject({ method: "POST", url });
      expect(res.statusCode, url).toBe(404);
    }
  });

  it("knows routes registered after the app was built", async () => {
    opened.app.post("/api/v1/inspections/:id/measures", () => ({ ok: true }));
    const res = await opened.app.inject({ method: "GET", url: "/api/v1/inspections/abc/measures" });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe("POST");
  });
});
