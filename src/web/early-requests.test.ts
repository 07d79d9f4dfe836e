// The page's early requests (early-requests.ts) against a recording fetch: what is asked, when, and that each answer
// is taken over once, only by the same GET, only while fresh.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../shared/api-client.ts";
import { endpointsOf } from "../shared/api-endpoints.ts";
import { API_ROUTES } from "../shared/api-routes.ts";
import { startEarlyRequests, takeEarlyResponse } from "./early-requests.ts";
import { LEDGER_HEAD_QUERY } from "./ledger-head.ts";

const HEAD = "/api/v1/inspections/ins%2F1/ledger?firstMeasures=60";

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
    HEAD,
    "/api/v1/inspections/ins%2F1/ledger",
    "/api/v1/inspections/ins1/ledger",
    "/api/v1/inspections/ins1/ledger?firstMeasures=60",
  ]) {
    void takeEarlyResponse(url, "GET");
  }
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("early requests", () => {
  it("asks for the session, then for the ledger's head of a ledger address once the session answered ok", async () => {
    startEarlyRequests("/inspections/ins%2F1");
    expect(asked).toEqual(["GET /api/v1/session"]);
    await settle();
    expect(asked).toEqual(["GET /api/v1/session", `GET ${HEAD}`]);
    const ledger = takeEarlyResponse(HEAD, "GET");
    expect((await ledger)?.status).toBe(200);
    // Taken over once: the next ask goes to the server.
    expect(takeEarlyResponse(HEAD, "GET")).toBeUndefined();
  });

  it("asks for the head at exactly the address the API client writes for it", async () => {
    const written: string[] = [];
    const client = createApiClient({
      endpoints: endpointsOf(API_ROUTES),
      fetch: (input) => {
        written.push(typeof input === "string" ? input : "not a string");
        return Promise.resolve(answer(200));
      },
    });
    await client
      .call("getLedger", { params: { id: "ins/1" }, query: LEDGER_HEAD_QUERY })
      .catch(() => undefined);
    expect(written).toEqual([HEAD]);
  });

  it("asks for the whole ledger when the address filters it (the head might be rows the filters hide)", async () => {
    startEarlyRequests("/inspections/ins1", "?state=closed&overdue=1");
    await settle();
    expect(asked).toEqual(["GET /api/v1/session", "GET /api/v1/inspections/ins1/ledger"]);
    startEarlyRequests("/inspections/ins1", "?from=mail");
    await settle();
    expect(asked.at(-1)).toBe("GET /api/v1/inspections/ins1/ledger?firstMeasures=60");
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
