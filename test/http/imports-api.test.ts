// Imports over HTTP on both databases: a unit office uploads the seed notice, sees its preview, confirms it once
// (the ledger appears), and nobody else can see, confirm or discard it; wrong files and roles are refused.

import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { multipartBody } from "./multipart-body.ts";

const SEED = readFileSync(new URL("../fixtures/notices/seed.txt", import.meta.url));

interface Staged {
  id: string;
  kind: string;
  confirmable: boolean;
  expiresAt: string;
  fileSha256: string;
  preview: {
    unit: { id: string; name: string };
    stated: Record<string, number>;
    counts: { aspects: number; problems: number; measures: number; byStatus: Record<string, number> };
    problems: Array<{ title: string; status: string; measures: Array<{ text: string; status: string }> }>;
    warnings: unknown[];
    notes: string[];
    errors: unknown[];
  };
}

describe.each(testDatabases)("imports over HTTP on $name", (database) => {
  let t: TestApp;
  let office: SignedInUser;
  const unitId = "unt-wenlian";

  beforeEach(async () => {
    t = await openTestApp({}, database);
    await t.deps.store.orgs.insertMany([
      {
        id: "ovs-wuxi",
        parentId: null,
        kind: "oversight",
        name: "中共无锡市委巡察工作领导小组办公室",
        path: "/ovs-wuxi/",
      },
      { id: unitId, parentId: "ovs-wuxi", kind: "unit", name: "市文联党组", path: `/ovs-wuxi/${unitId}/` },
      {
        id: "unt-other",
        parentId: "ovs-wuxi",
        kind: "unit",
        name: "市科协党组",
        path: "/ovs-wuxi/unt-other/",
      },
    ]);
    office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: unitId });
  });
  afterEach(async () => t.close());

  const upload = (
    user: SignedInUser,
    file: { name: string; content: Buffer },
    fields: Record<string, string> = { unitId },
  ) => {
    const body = multipartBody([
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      { name: "file", fileName: file.name, content: file.content },
    ]);
    return t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...user.headers, "content-type": body.contentType },
      payload: body.payload,
    });
  };
  const post = (user: SignedInUser, url: string) =>
    t.app.inject({ method: "POST", url, headers: user.headers });

  it("previews the seed notice, confirms it once, and the ledger route shows it", async () => {
    const staged = await upload(office, { name: "seed.txt", content: SEED });
    expect(staged.statusCode).toBe(201);
    const body = staged.json<Staged>();
    expect(body.kind).toBe("notice");
    expect(body.confirmable).toBe(true);
    expect(body.preview.unit).toEqual({ id: unitId, name: "市文联党组" });
    // The seed lists its problems by status, not by aspect: the importer finds no aspect headings, and takes the 28
    // measures and 5 ongoing items as 33 measures; the text itself states 4 aspects, 11 problems, 40 measures.
    expect(body.preview.counts).toMatchObject({ aspects: 0, problems: 11, measures: 33 });
    expect(body.preview.stated).toMatchObject({ aspects: 4, problems: 11, measures: 40 });
    expect(body.preview.counts.byStatus).toEqual({ completed: 8, in_progress: 3, long_term: 0 });
    expect(body.preview.problems).toHaveLength(11);
    expect(body.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(body.expiresAt) - Date.parse(t.deps.clock.now())).toBe(30 * 60_000);
    // Staging stores no ledger.
    expect(await t.deps.store.inspections.count({ kind: "all" })).toBe(0);

    const again = await t.app.inject({
      method: "GET",
      url: `/api/v1/imports/${body.id}`,
      headers: office.headers,
    });
    expect(again.json<Staged>().preview.counts.measures).toBe(33);

    const confirmed = await post(office, `/api/v1/imports/${body.id}/confirm`);
    expect(confirmed.statusCode).toBe(201);
    const { inspectionId, unitId: createdUnit } = confirmed.json<{ inspectionId: string; unitId: string }>();
    expect(createdUnit).toBe(unitId);

    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger`,
      headers: { cookie: office.cookie },
    });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json()).toMatchObject({ unit: { name: "市文联党组" } });
    expect(JSON.stringify(ledger.json())).toContain(body.preview.problems[0]?.title ?? "?");

    const twice = await post(office, `/api/v1/imports/${body.id}/confirm`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: "import_already_confirmed" } });
    expect(await t.deps.store.inspections.count({ kind: "all" })).toBe(1);

    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    expect(events.map((e) => e.action)).toEqual(["ledger.create", "ledger.import"]);
    expect(events[1]?.data).toMatchObject({ importId: body.id, fileSha256: body.fileSha256 });
    // Both events name the request that confirmed, as every other write over HTTP does.
    const requestId = String(confirmed.headers["x-request-id"]);
    expect(events.map((e) => (e.data as { requestId?: string }).requestId)).toEqual([requestId, requestId]);
  });

  it("creates one ledger when the same import is confirmed twice at once", async () => {
    const { id } = (await upload(office, { name: "seed.txt", content: SEED })).json<Staged>();
    const answers = await Promise.all([1, 2].map(() => post(office, `/api/v1/imports/${id}/confirm`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await t.deps.store.inspections.count({ kind: "all" })).toBe(1);
  });

  it("says in the preview that a notice was already imported for the unit, and confirms a copy only when asked", async () => {
    const first = (await upload(office, { name: "seed.txt", content: SEED })).json<Staged>();
    expect((await post(office, `/api/v1/imports/${first.id}/confirm`)).statusCode).toBe(201);

    const second = (await upload(office, { name: "同一通报.txt", content: SEED })).json<Staged>();
    expect(second.preview.notes.join()).toMatch(/该文件与本单位已导入的台账（ins\w+）内容相同/);
    const refused = await post(office, `/api/v1/imports/${second.id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      error: { code: "duplicate_import", message: expect.stringContaining("未重复导入") as string },
    });

    const copy = await t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${second.id}/confirm`,
      headers: { ...office.headers, "content-type": "application/json" },
      payload: { allowDuplicate: true },
    });
    expect(copy.statusCode).toBe(201);
    expect(await t.deps.store.inspections.count(SCOPE_ALL)).toBe(2);
  });

  it("hides a staged import from every other user, even of the same unit", async () => {
    const { id } = (await upload(office, { name: "seed.txt", content: SEED })).json<Staged>();
    const colleague = await signedInUser(t, "office.two", { role: "unit_office", orgId: unitId });
    for (const res of [
      await post(colleague, `/api/v1/imports/${id}/confirm`),
      await t.app.inject({ method: "GET", url: `/api/v1/imports/${id}`, headers: colleague.headers }),
      await t.app.inject({ method: "DELETE", url: `/api/v1/imports/${id}`, headers: colleague.headers }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: "pending_import_not_found" } });
    }
    expect((await post(office, `/api/v1/imports/${id}/confirm`)).statusCode).toBe(201);
  });

  it("discards a staged import, and forgets one after 30 minutes", async () => {
    const first = (await upload(office, { name: "seed.md", content: SEED })).json<Staged>();
    const discarded = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/imports/${first.id}`,
      headers: office.headers,
    });
    expect(discarded.statusCode).toBe(204);
    expect((await post(office, `/api/v1/imports/${first.id}/confirm`)).statusCode).toBe(404);

    const second = (await upload(office, { name: "seed.txt", content: SEED })).json<Staged>();
    // Signed-in all along (the session's idle timeout is also 30 minutes).
    t.clock.advanceMinutes(20);
    expect(
      (await t.app.inject({ method: "GET", url: `/api/v1/imports/${second.id}`, headers: office.headers }))
        .statusCode,
    ).toBe(200);
    t.clock.advanceMinutes(11);
    const late = await post(office, `/api/v1/imports/${second.id}/confirm`);
    expect(late.statusCode).toBe(404);
    expect(await t.deps.store.inspections.count({ kind: "all" })).toBe(0);
  });

  it("refuses a viewer (403), a unit outside the caller's scope (404) and a sixth open import (429)", async () => {
    const viewer = await signedInUser(t, "viewer.wl", { role: "viewer", orgId: unitId });
    const refused = await upload(viewer, { name: "seed.txt", content: SEED });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: "forbidden", message: "您没有权限导入台账" } });

    const elsewhere = await upload(office, { name: "seed.txt", content: SEED }, { unitId: "unt-other" });
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toMatchObject({ error: { code: "org_not_found" } });

    for (let i = 0; i < 5; i++)
      expect((await upload(office, { name: "seed.txt", content: SEED })).statusCode).toBe(201);
    const sixth = await upload(office, { name: "seed.txt", content: SEED });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json()).toMatchObject({ error: { code: "too_many_pending_imports" } });
  });

  it("refuses an executable renamed .docx and unknown types with 415, and a request without a file with 400", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2048, 0)]);
    for (const file of [
      { name: "通报.docx", content: exe },
      { name: "ledger.xlsx", content: exe },
      { name: "notice.txt", content: exe },
      { name: "notice.pdf", content: Buffer.from("%PDF-1.7\n") },
      { name: "setup.exe", content: exe },
    ]) {
      const res = await upload(office, file);
      expect(res.statusCode, file.name).toBe(415);
      expect(res.json()).toMatchObject({ error: { code: "unsupported_file_type" } });
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/不支持的文件类型/);
    }
    const noFile = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...office.headers, "content-type": "application/json" },
      payload: { unitId },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json()).toMatchObject({ error: { code: "import_file_missing" } });
  });

  it("imports for a unit anywhere in the tree (here under a 巡察组), with the nearest office as the inspection's", async () => {
    await t.deps.store.orgs.insertMany([
      {
        id: "ovs-team",
        parentId: "ovs-wuxi",
        kind: "oversight",
        name: "第八巡察组",
        path: "/ovs-wuxi/ovs-team/",
      },
      {
        id: "unt-deep",
        parentId: "ovs-team",
        kind: "unit",
        name: "市侨联党组",
        path: "/ovs-wuxi/ovs-team/unt-deep/",
      },
    ]);
    const admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    const res = await upload(admin, { name: "seed.txt", content: SEED }, { unitId: "unt-deep" });
    expect(res.statusCode).toBe(201);
    const confirmed = await post(admin, `/api/v1/imports/${res.json<Staged>().id}/confirm`);
    expect(confirmed.statusCode).toBe(201);
    const { inspectionId, unitId: importedUnit } = confirmed.json<{ inspectionId: string; unitId: string }>();
    expect(importedUnit).toBe("unt-deep");
    const inspection = await t.deps.store.inspections.get({ kind: "all" }, inspectionId);
    expect(inspection).toMatchObject({ targetOrgId: "unt-deep", oversightOrgId: "ovs-team" });
    // No second unit or office was made up from the names the notice gives.
    expect(
      (await t.deps.store.orgs.list({ kind: "all" })).filter((o) => o.kind !== "department"),
    ).toHaveLength(5);
    const notAUnit = await upload(admin, { name: "seed.txt", content: SEED }, { unitId: "ovs-wuxi" });
    expect(notAUnit.statusCode).toBe(400);
    expect(notAUnit.json()).toMatchObject({
      error: { code: "invalid_input", fields: [{ path: "unitId" }] },
    });
  });

  it("answers 405 with Allow to other methods on the import routes", async () => {
    const res = await t.app.inject({ method: "PUT", url: "/api/v1/imports", headers: office.headers });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toContain("POST");
    const one = await t.app.inject({ method: "PUT", url: "/api/v1/imports/imp1", headers: office.headers });
    expect(one.statusCode).toBe(405);
    expect(String(one.headers.allow).split(/,\s*/).sort()).toEqual(["DELETE", "GET", "HEAD", "PATCH"]);
  });

  it("names the uploaded file, not its temporary copy, when a .docx is damaged", async () => {
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    const res = await upload(office, { name: "broken.docx", content: broken });
    expect(res.statusCode).toBe(400);
    const { message } = res.json<{ error: { message: string } }>().error;
    expect(message).toContain("broken.docx");
    expect(message).not.toContain(tmpdir());
    expect(message).not.toMatch(/upload|[0-9a-f]{16}/);
  });
});
