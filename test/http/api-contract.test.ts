// The one contract (src/shared/api-routes.ts): the server serves exactly its routes, refuses an answer that drifts
// from it (a field missing, added or of another type), and publishes it as a valid OpenAPI 3.1 document with a
// browsable reference page. Every HTTP test runs with the answer check on, so each answer they provoke is checked too.

import { readdirSync, readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { contractRouter } from "../../src/http/contract-route.ts";
import { handleError } from "../../src/http/errors.ts";
import { defineRoute, type RouteContract } from "../../src/shared/api-contract.ts";
import { API_ROUTES } from "../../src/shared/api-routes.ts";
import { openTestApp, type TestApp } from "./http-test-app.ts";

const CONTRACTS = Object.entries(API_ROUTES) as [string, RouteContract][];

describe("the API contract", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => t.close());

  it("is served route for route: every contract is a route, and no API route is registered outside the contract", () => {
    for (const [name, contract] of CONTRACTS) {
      expect(t.app.hasRoute({ method: contract.method, url: contract.path }), name).toBe(true);
    }
    // API routes can only be added through the contract router: no module of src/http registers one by hand (the web
    // app's pages and files, outside /api, are registered by hand).
    const httpFiles = [
      ...readdirSync(new URL("../../src/http/", import.meta.url)).map((f) => `src/http/${f}`),
      ...readdirSync(new URL("../../src/http/routes/", import.meta.url)).map((f) => `src/http/routes/${f}`),
    ].filter((f) => f.endsWith(".ts"));
    const byHand = httpFiles.filter(
      (f) =>
        f !== "src/http/contract-route.ts" &&
        /\bapp\.(get|post|put|patch|delete|head|all)\(\s*["'`]\/api|\bapp\.route\(/.test(
          readFileSync(new URL(`../../${f}`, import.meta.url), "utf8"),
        ),
    );
    expect(byHand).toEqual([]);
  });

  it("has one contract per method and path, each with a Chinese summary", () => {
    const keys = CONTRACTS.map(([, c]) => `${c.method} ${c.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [name, contract] of CONTRACTS) expect(contract.summary, name).toMatch(/[\u4e00-\u9fff]/);
  });

  it("publishes a valid OpenAPI 3.1 document with every operation, its parameters, body and answers", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
    expect(res.statusCode).toBe(200);
    const document = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>
      >;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(document.openapi).toBe("3.1.0");
    const validation = await new Validator().validate(document);
    expect(validation.errors ?? [], JSON.stringify(validation.errors)).toEqual([]);
    expect(validation.valid).toBe(true);

    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(CONTRACTS.map(([name]) => name).sort());
    const getMeasure = document.paths["/api/v1/measures/{id}"]?.get;
    expect(getMeasure?.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    const patch = document.paths["/api/v1/measures/{id}"]?.patch;
    expect(patch?.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(["path:id", "header:If-Match"]);
    expect(JSON.stringify(document.paths["/api/v1/measures/{id}"])).toContain(
      "#/components/schemas/MeasureDetail",
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(["Measure", "MeasureDetail", "InspectionLedger", "Error", "StagedImport"]),
    );
    // Every $ref points at a component that is there.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty([ref!]);
  });

  it("serves the reference page and its script from this origin only", async () => {
    const page = await t.app.inject({ method: "GET", url: "/api/v1/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    const scripts = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(["/api/v1/docs/reference.js"]);
    expect(page.body).not.toMatch(/https?:\/\//);
    const script = await t.app.inject({ method: "GET", url: "/api/v1/docs/reference.js" });
    expect(script.statusCode).toBe(200);
    expect(script.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(script.body).toContain("/api/v1/openapi.json");
    expect(script.body).not.toMatch(/https?:\/\//);
  });
});

describe("the answer check", () => {
  const contract = defineRoute({
    method: "GET",
    path: "/probe",
    summary: "探针",
    tag: "测试",
    access: "public",
    answer: { kind: "json", status: 200, schema: z.object({ name: z.string(), count: z.number().int() }) },
  });

  async function answerOf(body: unknown, checkAnswers: boolean) {
    const app = Fastify();
    app.decorateRequest("caller", null);
    app.decorateRequest("session", null);
    app.setErrorHandler(handleError);
    contractRouter(app, { checkAnswers })(contract, () => body as never);
    const res = await app.inject({ method: "GET", url: "/probe" });
    await app.close();
    return res;
  }

  it("lets an answer that matches its contract through", async () => {
    const res = await answerOf({ name: "a", count: 1 }, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: "a", count: 1 });
  });

  it.each([
    ["a field the contract does not name", { name: "a", count: 1, passwordHash: "x" }],
    ["a missing field", { name: "a" }],
    ["a field of another type", { name: "a", count: "1" }],
  ])("refuses %s with a 500 that leaks nothing", async (_what, body) => {
    const res = await answerOf(body, true);
    expect(res.statusCode).toBe(500);
    expect(res.json<{ error: { code: string } }>().error.code).toBe("internal_error");
    expect(res.body).not.toContain("passwordHash");
  });

  it("is off unless asked for (production sends what the route returns)", async () => {
    const res = await answerOf({ name: "a", count: 1, extra: true }, false);
    expect(res.statusCode).toBe(200);
  });
});
