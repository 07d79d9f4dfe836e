import { afterEach, describe, expect, it } from "vitest";
import { openTestApp, sendRaw, type TestApp } from "./http-test-app.ts";

const REFUSED = { error: { code: "host_not_allowed", message: expect.stringMatching(/主机名/) as unknown } };

describe("Host header allow-list (DNS rebinding)", () => {
  let opened: TestApp;
  afterEach(async () => {
    await opened.close();
  });

  it("refuses a foreign Host with 421 before any route runs", async () => {
    opened = await openTestApp({ allowedHosts: ["localhost", "127.0.0.1", "::1"] });
    let routeRuns = 0;
    opened.app.get("/api/v1/probe", () => {
      routeRuns++;
      return { ok: true };
    });
    for (const url of ["/api/v1/probe", "/api/v1/inspections", "/api/v1/no-such-thing"]) {
      const res = await opened.app.inject({
        method: "GET",
        url,
        headers: { host: "rebind.attacker.example" },
      });
      expect(res.statusCode).toBe(421);
      expect(res.json()).toEqual(REFUSED);
    }
    const post = await opened.app.inject({
      method: "POST",
      url: "/api/v1/probe",
      headers: { host: "rebind.attacker.example", "content-type": "application/json" },
      payload: "{not json",
    });
    expect(post.statusCode).toBe(421);
    expect(routeRuns).toBe(0);
  });

  it("refuses a foreign Host even when the path cannot be decoded", async () => {
    opened = await openTestApp();
    const res = await opened.app.inject({
      method: "GET",
      url: "/api/v1/inspections/%E0%A4%A",
      headers: { host: "rebind.attacker.example" },
    });
    expect(res.statusCode).toBe(421);
    expect(res.json()).toEqual(REFUSED);
  });

  it("refuses foreign hosts by default, without any allowedHosts option", async () => {
    opened = await openTestApp();
    const foreign = await opened.app.inject({
      method: "GET",
      url: "/api/v1/health",
      headers: { host: "rebind.attacker.example" },
    });
    expect(foreign.statusCode).toBe(421);
    const local = await opened.app.inject({ method: "GET", url: "/api/v1/health" });
    expect(local.statusCode).toBe(200);
  });

  it("answers the loopback names with any port and in any letter case, IPv6 in brackets", async () => {
    opened = await openTestApp({ allowedHosts: ["localhost", "127.0.0.1", "::1"] });
    for (const host of [
      "localhost",
      "LOCALHOST:8080",
      "127.0.0.1",
      "127.0.0.1:80",
      "[::1]",
      "[::1]:8080",
      "localhost.",
    ]) {
      const res = await opened.app.inject({ method: "GET", url: "/api/v1/health", headers: { host } });
      expect(res.statusCode, host).toBe(200);
    }
  });

  it("answers configured names and refuses look-alikes", async () => {
    opened = await openTestApp({ allowedHosts: ["localhost", "ledger.example.org"] });
    const ok = await opened.app.inject({
      method: "GET",
      url: "/api/v1/health",
      headers: { host: "Ledger.Example.Org:8443" },
    });
    expect(ok.statusCode).toBe(200);
    for (const host of [
      "ledger.example.org.attacker.example",
      "attacker.example#ledger.example.org",
      "localhost@attacker.example",
      "attacker.example/ledger.example.org",
      "ledger.example.org:80:80",
      "::1",
      "127.0.0.1",
      "[::1",
      "ledger.example.org:port",
    ]) {
      const res = await opened.app.inject({ method: "GET", url: "/api/v1/health", headers: { host } });
      expect(res.statusCode, host).toBe(421);
    }
  });

  describe("on a real listening server (raw requests, nothing normalised)", () => {
    let port: number;
    const open = async () => {
      opened = await openTestApp();
      await opened.app.listen({ port: 0, host: "127.0.0.1" });
      const address = opened.app.server.address();
      port = typeof address === "object" && address ? address.port : 0;
    };

    it("refuses a forged Host header with 421 and the JSON error body", async () => {
      await open();
      const res = await sendRaw(
        port,
        "GET /api/v1/inspections HTTP/1.1\r\nHost: rebind.attacker.example\r\nConnection: close\r\n\r\n",
      );
      expect(res.status).toBe(421);
      expect(JSON.parse(res.body)).toEqual(REFUSED);
      expect(res.body).not.toContain("inspections");
    });

    it("answers the same request with an allowed Host", async () => {
      await open();
      const res = await sendRaw(
        port,
        `GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(200);
    });

    it("refuses a request without a Host header, in HTTP/1.1 and HTTP/1.0, with the JSON error body", async () => {
      await open();
      for (const version of ["1.1", "1.0"]) {
        const res = await sendRaw(
          port,
          `GET /api/v1/inspections HTTP/${version}\r\nConnection: close\r\n\r\n`,
        );
        expect(res.status, version).toBe(400);
        expect(JSON.parse(res.body), version).toEqual({
          error: { code: "host_missing", message: expect.stringMatching(/Host/) as unknown },
        });
      }
    });
  });
});
