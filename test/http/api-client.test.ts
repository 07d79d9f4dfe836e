// The typed client (src/shared/api-client.ts) against a real listening server over real HTTP, as the web UI and
// scripts use it: sign-in and CSRF, paths, queries, If-Match, multipart evidence, files, API tokens, and the server's
// Chinese errors as ApiError.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { ApiError, createApiClient, type ApiClient } from "../../src/shared/api-client.ts";
import { endpointsOf } from "../../src/shared/api-endpoints.ts";
import { API_ROUTES } from "../../src/shared/api-routes.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, TEST_PASSWORD, type TestApp } from "./http-test-app.ts";

/** fetch with a cookie jar of one cookie, as a browser would keep the session cookie. */
function cookieFetch(): typeof fetch {
  let cookie: string | undefined;
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie !== undefined) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.get("set-cookie");
    if (set !== null) cookie = set.split(";")[0];
    return response;
  };
}

const endpoints = endpointsOf(API_ROUTES);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.each(testDatabases)("the typed API client on $name", (database) => {
  let t: TestApp;
  let baseUrl: string;
  let inspectionId: string;
  let api: ApiClient;

  beforeAll(async () => {
    t = await openTestApp({}, database);
    const created = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger());
    inspectionId = created.inspectionId;
    await signedInUser(t, "office.client", { role: "unit_office", orgId: created.unitId });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    api = createApiClient({ endpoints, baseUrl, fetch: cookieFetch() });
  });
  afterAll(async () => t.close());

  it("signs in, keeps the CSRF token, and reads the caller's inspections and ledger", async () => {
    const session = await api.call("signIn", { body: { login: "office.client", password: TEST_PASSWORD } });
    expect(session.grants.map((g) => g.roleLabel)).toEqual(["单位整改办"]);
    expect(api.csrfToken).toBe(session.csrfToken);
    const page = await api.call("listInspections", { query: { limit: 10 } });
    expect(page.items.map((i) => i.inspection.id)).toEqual([inspectionId]);
    const ledger = await api.call("getLedger", {
      params: { id: inspectionId },
      query: { asOf: "2021-06-30" },
    });
    expect(ledger.counts.problems).toBe(ledger.problems.length);
  });

  it("writes with If-Match, and says a stale version in the server's Chinese words", async () => {
    const [first] = (await api.call("listMeasures", { query: { inspectionId } })).items;
    const detail = await api.call("getMeasure", { params: { id: first!.id } });
    const changed = await api.call("assignResponsibility", {
      params: { id: first!.id },
      body: { evidenceRequired: true },
      ifMatch: detail.measure.version,
    });
    expect(changed.measure.evidenceRequired).toBe(true);
    const stale = await api
      .call("assignResponsibility", {
        params: { id: first!.id },
        body: { evidenceRequired: false },
        ifMatch: detail.measure.version,
      })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ApiError);
    expect(stale).toMatchObject({ status: 409, code: "measure_changed" });
    expect((stale as ApiError).message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("reports progress with a PDF as a multipart form, and downloads files as blobs", async () => {
    const [first] = (await api.call("listMeasures", { query: { inspectionId } })).items;
    const form = new FormData();
    form.set("period", "2021-05");
    form.set("text", "已完成自查，形成问题清单");
    form.set("figures", JSON.stringify([{ label: "建立制度", quantity: "2", unit: "项" }]));
    form.set("file", new Blob([PDF], { type: "application/pdf" }), "自查报告.pdf");
    const reported = await api.call("reportProgress", { params: { id: first!.id }, form });
    expect(reported.evidence.map((e) => [e.name, e.mediaType])).toEqual([
      ["自查报告.pdf", "application/pdf"],
    ]);
    const file = await api.call("downloadEvidence", { params: { id: reported.evidence[0]!.id } });
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const workbook = await api.call("downloadLedgerXlsx", { params: { id: inspectionId } });
    expect(Buffer.from(await workbook.slice(0, 2).arrayBuffer()).toString()).toBe("PK");
  });

  it("is typed from the contract (npm test's typecheck fails when a call leaves out what its route needs)", () => {
    const calls = [
      // @ts-expect-error a measure is read by its id
      () => api.call("getMeasure", {}),
      // @ts-expect-error a change of responsibilities needs the version read (If-Match)
      () => api.call("assignResponsibility", { params: { id: "m" }, body: {} }),
      // @ts-expect-error the state change takes an event of the state machine
      () => api.call("changeMeasureState", { params: { id: "m" }, body: { event: "approve" }, ifMatch: 1 }),
    ];
    expect(calls).toHaveLength(3);
  });

  it("calls with an API token, and refuses what is not allowed with ApiError", async () => {
    const { secret } = await api.call("createToken", { body: { name: "脚本", readOnly: true } });
    const script = createApiClient({ endpoints, baseUrl, token: secret });
    expect((await script.call("listInspections", {})).items).toHaveLength(1);
    await expect(script.call("signOutEverywhere", {})).rejects.toMatchObject({
      status: 403,
      code: "token_read_only",
    });
    const anonymous = createApiClient({ endpoints, baseUrl });
    await expect(anonymous.call("getSession", {})).rejects.toMatchObject({
      status: 401,
      code: "unauthenticated",
    });
    await expect(anonymous.call("health", {})).resolves.toMatchObject({ status: "ok" });
  });
});
