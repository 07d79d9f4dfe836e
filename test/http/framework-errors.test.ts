import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestApp, sendRaw, signedInUser, type TestApp } from "./http-test-app.ts";

const CHINESE = /[\u4e00-\u9fff]/;

/** What no error body may contain: framework codes, English framework wording, stack frames, the request. */
function expectSafeBody(body: string): void {
  expect(body).not.toMatch(/FST_|Error|Bad Request|not a valid|is too large|Unsupported|\bat \S+:\d+/);
}

describe("framework errors give Chinese messages and stable codes", () => {
  let opened: TestApp;
  let logLines: string[];
  beforeEach(async () => {
    logLines = [];
    opened = await openTestApp({
      logger: { level: "info", stream: { write: (line: string) => void logLines.push(line) } },
    });
    opened.app.post("/api/v1/echo", (request) => ({ received: request.body }));
  });
  afterEach(async () => {
    await opened.close();
  });

  it.each([
    ["a path with broken percent-encoding", "/api/v1/inspections/%E0%A4%A", 400, "bad_url"],
    ["an unknown path with broken percent-encoding", "/nothing/%ZZ", 400, "bad_url"],
    [
      "a path parameter longer than the router allows",
      `/api/v1/inspections/${"x".repeat(200)}/ledger`,
      414,
      "uri_too_long",
    ],
  ] as const)("%s", async (_what, url, status, code) => {
    const res = await opened.app.inject({ method: "GET", url });
    expect(res.statusCode).toBe(status);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(CHINESE);
    expectSafeBody(res.body);
    expect(res.body).not.toContain("xxxx");
    expect(res.body).not.toContain("%E0");
  });

  it("logs the cause of a refused URL, which the response leaves out", async () => {
    await opened.app.inject({ method: "GET", url: "/api/v1/inspections/%E0%A4%A" });
    expect(logLines.join("\n")).toContain("FST_ERR_BAD_URL");
  });

  it("treats broken percent-encoding in the query as invalid input of that field", async () => {
    const { cookie } = await signedInUser(opened, "admin", { role: "admin", orgId: null });
    for (const query of ["asOf=%ZZ", "asOf=%E0%A4%A"]) {
      const res = await opened.app.inject({
        method: "GET",
        url: `/api/v1/inspections?${query}`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ error: { code: string; fields: { path: string; message: string }[] } }>();
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.fields[0]?.path).toBe("asOf");
      expect(body.error.fields[0]?.message).toMatch(CHINESE);
    }
  });

  it.each([
    ["malformed JSON", "application/json", "{not json", 400, "invalid_json", "JSON"],
    [
      "JSON with a prototype key",
      "application/json",
      '{"__proto__":{"admin":true}}',
      400,
      "invalid_json",
      "JSON",
    ],
    ["an empty JSON body", "application/json", "", 400, "empty_json_body", "请求体为空"],
    ["an unsupported media type", "application/xml", "<a/>", 415, "unsupported_media_type", "Content-Type"],
    [
      "a body over the limit",
      "application/json",
      JSON.stringify({ text: "x".repeat(1024 * 1024 + 10) }),
      413,
      "body_too_large",
      "请求体过大",
    ],
  ] as const)("%s", async (_what, contentType, payload, status, code, wording) => {
    const res = await opened.app.inject({
      method: "POST",
      url: "/api/v1/echo",
      headers: { "content-type": contentType },
      payload,
    });
    expect(res.statusCode).toBe(status);
    const body = res.json<{ error: { code: string; message: string } }>();
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(CHINESE);
    expect(body.error.message).toContain(wording);
    expectSafeBody(res.body);
  });

  describe("on a real listening server", () => {
    let port: number;
    beforeEach(async () => {
      await opened.app.listen({ port: 0, host: "127.0.0.1" });
      const address = opened.app.server.address();
      port = typeof address === "object" && address ? address.port : 0;
    });

    it("answers a body cut off before its Content-Length with a Chinese JSON error", async () => {
      const res = await sendRaw(
        port,
        "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
          "Content-Length: 10\r\nConnection: close\r\n\r\n{}",
      );
      expect(res.status).toBe(400);
      const body = JSON.parse(res.body) as { error: { code: string; message: string } };
      // Node's parser sees the connection end mid-body; Fastify's own check would say the length differs.
      expect(["malformed_request", "invalid_content_length"]).toContain(body.error.code);
      expect(body.error.message).toMatch(CHINESE);
      expectSafeBody(res.body);
    });

    it("answers a request that is not HTTP with a Chinese JSON error", async () => {
      const res = await sendRaw(port, "NOT-HTTP\r\n\r\n");
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toEqual({
        error: { code: "malformed_request", message: expect.stringMatching(CHINESE) as unknown },
      });
    });

    it("answers oversized headers with 431 and a Chinese JSON error", async () => {
      const res = await sendRaw(
        port,
        `GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      );
      expect(res.status).toBe(431);
      expect(JSON.parse(res.body)).toEqual({
        error: { code: "headers_too_large", message: expect.stringMatching(CHINESE) as unknown },
      });
    });
  });
});
