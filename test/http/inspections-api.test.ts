import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { SessionDeps } from "../../src/app/session-deps.ts";
import { buildApp } from "../../src/http/build-app.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { sessionTestDeps } from "./http-test-app.ts";

describe("read-only inspections API", () => {
  let app: FastifyInstance;
  let deps: SessionDeps;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    const opened = await testDatabases[0]!.open();
    cleanup = opened.cleanup;
    deps = sessionTestDeps(opened.store);
    app = buildApp(deps);
  });
  afterEach(async () => {
    await app.close();
    await cleanup();
  });

  it("answers health with the database kind", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("lists inspections with their counts and serves one ledger with statistics", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const list = await app.inject({ method: "GET", url: "/api/v1/inspections?asOf=2021-06-30" });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      asOf: "2021-06-30",
      total: { problems: 3, completed: 1, completionRate: "33.33" },
    });
    const ledger = await app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger?asOf=2021-06-30`,
    });
    expect(ledger.statusCode).toBe(200);
    const body = ledger.json<{ problems: { status: string }[]; counts: { overdueMeasures: number } }>();
    expect(body.problems.map((p) => p.status)).toEqual(["completed", "long_term", "in_progress"]);
    expect(body.counts.overdueMeasures).toBe(1);
  });

  it("gives one error body shape for a missing inspection, a bad date and an unknown route", async () => {
    const missing = await app.inject({ method: "GET", url: "/api/v1/inspections/nope/ledger" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: "inspection_not_found", message: "未找到该巡察（或无权查看）" },
    });
    const badDate = await app.inject({ method: "GET", url: "/api/v1/inspections?asOf=2021-13-01" });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json()).toMatchObject({ error: { code: "invalid_input", fields: [{ path: "asOf" }] } });
    const unknown = await app.inject({ method: "GET", url: "/api/v1/nothing" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
