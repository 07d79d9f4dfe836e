// The page's early requests (early-requests.ts) against a recording fetch: what is asked, when, and that each answer
// is taken over once, only by the same GET, only while fresh.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startEarlyRequests, takeEarlyResponse } from "./early-requests.ts";

const asked: string[] = [];
let sessionStatus = 200;

function answer(status: number): Response {
  return new Response("{}", { status, headers: { "content-type": "application/json" } });
}

beforeEach(() => {
  asked.length = 0;
  sessionStatus = 200;
  vi.useFakeTimers({ toFake: ["performance"] });
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    asked.push(`${init.method} ${url}`);
    return Promise.resolve(answer(url === "/api/v1/session" ? sessionStatus : 200));
  });
});

afterEach(() => {
  // Whatever a test left unclaimed must not leak into the next one.
  for (const url of [
    "/api/v1/session",
    "/api/v1/inspections/ins%2F1/ledger",
    "/api/v1/inspections/ins1/ledger",
  ]) {
    void takeEarlyResponse(url, "GET");
  }
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("early requests", () => {
  it("asks for the session, then for the ledger of a ledger address once the session answered ok", async () => {
    startEarlyRequests("/inspections/ins%2F1");
    expect(asked).toEqual(["GET /api/v1/session"]);
    await settle();
    expect(asked).toEqual(["GET /api/v1/session", "GET /api/v1/inspections/ins%2F1/ledger"]);
    const ledger = takeEarlyResponse("/api/v1/inspections/ins%2F1/ledger", "GET");
    expect((await ledger)?.status).toBe(200);
    // Taken over once: the next ask goes to the server.
    expect(takeEarlyResponse("/api/v1/inspections/ins%2F1/ledger", "GET")).toBeUndefined();
  });

  it("never asks for the ledger when signed out", async () => {
    sessionStatus = 401;
    startEarlyRequests("/inspections/ins1");
    await settle();
    expect(asked).toEqual(["GET /api/v1/session"]);
    expect((await takeEarlyResponse("/api/v1/session", "GET"))?.status).toBe(401);
    expect(takeEarlyResponse("/api/v1/inspections/ins1/ledger", "GET")).toBeUndefined();
  });

  it("asks nothing on the public pages, and only the session elsewhere", async () => {
    startEarlyRequests("/public/notices/n1");
    startEarlyRequests("/public");
    await settle();
    expect(asked).toEqual([]);
    startEarlyRequests("/measures/m1");
    await settle();
    expect(asked).toEqual(["GET /api/v1/session"]);
  });

  it("hands an answer only to a GET of the same address, and not once it is stale", async () => {
    startEarlyRequests("/");
    expect(takeEarlyResponse("/api/v1/session", "POST")).toBeUndefined();
    expect(takeEarlyResponse("/api/v1/session?x=1", "GET")).toBeUndefined();
    vi.advanceTimersByTime(10_001);
    expect(takeEarlyResponse("/api/v1/session", "GET")).toBeUndefined();
    await settle();
  });
});
