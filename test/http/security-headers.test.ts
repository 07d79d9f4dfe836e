import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestApp, sendRaw, signedInUser, type TestApp } from "./http-test-app.ts";

const EXPECTED = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
    "form-action 'self'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

describe("security headers", () => {
  let opened: TestApp;
  let cookie: string;
  beforeEach(async () => {
    opened = await openTestApp();
    ({ cookie } = await signedInUser(opened, "admin", { role: "admin", orgId: null }));
  });
  afterEach(async () => {
    await opened.close();
  });

  it.each([
    ["a successful API read", "GET", "/api/v1/health", 200, {}],
    ["a HEAD request", "HEAD", "/api/v1/health", 200, {}],
    ["invalid input", "GET", "/api/v1/inspections?asOf=2021-13-01", 400, {}],
    ["a missing inspection", "GET", "/api/v1/inspections/nope/ledger", 404, {}],
    ["an unknown API path", "GET", "/api/v1/nothing", 404, {}],
    ["the wrong method", "POST", "/api/v1/inspections", 405, {}],
    ["a path that cannot be decoded", "GET", "/api/v1/inspections/%E0%A4%A", 400, {}],
    ["a path parameter that is too long", "GET", `/api/v1/inspections/${"x".repeat(200)}/ledger`, 414, {}],
    ["a foreign Host", "GET", "/api/v1/health", 421, { host: "rebind.attacker.example" }],
  ] as const)("are on %s (%s %s → %i), with no-store", async (_what, method, url, status, headers) => {
    const res = await opened.app.inject({ method, url, headers: { cookie, ...headers } });
    expect(res.statusCode).toBe(status);
    expect(res.headers).toMatchObject({ ...EXPECTED, "cache-control": "no-store" });
  });

  it("are on responses outside /api too, which are not forced to no-store", async () => {
    const res = await opened.app.inject({ method: "GET", url: "/index.html" });
    expect(res.statusCode).toBe(404);
    expect(res.headers).toMatchObject(EXPECTED);
    expect(res.headers["cache-control"]).toBeUndefined();
  });

  it("are on the answer to a request that is not HTTP at all", async () => {
    await opened.app.listen({ port: 0, host: "127.0.0.1" });
    const address = opened.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const res = await sendRaw(port, "NOT-HTTP\r\n\r\n");
    expect(res.status).toBe(400);
    expect(res.headers).toMatchObject(EXPECTED);
  });
});
