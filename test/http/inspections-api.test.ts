import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { SessionDeps } from "../../src/app/session-deps.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { openTestApp, signedInUser, type TestApp } from "./http-test-app.ts";

describe("read-only inspections API, signed in as admin", () => {
  let opened: TestApp;
  let deps: SessionDeps;
  let app: Pick<FastifyInstance, "inject">;

  beforeEach(async () => {
    opened = await openTestApp();
    deps = opened.deps;
    const admin = await signedInUser(opened, "admin", { role: "admin", orgId: null });
    app = {
      inject: ((options: InjectOptions) =>
        opened.app.inject({ ...options, headers: { ...options.headers, cookie: admin.cookie } })) as never,
    };
  });
  afterEach(async () => {
    await opened.close();
  });

  it("answers health with the database kind", async () => {
    const res = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: "sqlite" });
  });

  it("lists inspections with their counts, sums them, and serves one ledger with statistics", async () => {
    const { inspectionId } = await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    const list = await app.inject({ method: "GET", url: "/api/v1/inspections?asOf=2021-06-30" });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      asOf: "2021-06-30",
      items: [
        { inspection: { id: inspectionId }, counts: { problems: 3, completed: 1, completionRate: "33.33" } },
      ],
      nextCursor: null,
    });
    const summary = await app.inject({ method: "GET", url: "/api/v1/inspections/summary?asOf=2021-06-30" });
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({
      asOf: "2021-06-30",
      inspections: 1,
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
