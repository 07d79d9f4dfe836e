// Public notices over HTTP on both databases: an administrator publishes the public version directly (never the
// internal one; the office goes through approval, public-notice-requests-api.test.ts), anyone reads the list, the
// detail and the files without signing in, nothing withheld or internal shows, and a withdrawn notice answers like one
// that never existed; publish and withdraw are audited.

import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

const WITHHELD = "涉密采购事项管理不规范";
const INTERNAL = "党内组织生活不严肃";
const CLUE = "线索反映的违规问题";
const CONTACT = "监督电话：0510-88888888，电子邮箱：jiandu@example.cn。";

describe.each(testDatabases)("public notices over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let otherInspection: string;
  let office: SignedInUser;
  let viewer: SignedInUser;
  let otherOffice: SignedInUser;
  let admin: SignedInUser;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    const base = makeLedger();
    let unitId: string;
    ({ inspectionId, unitId } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          ...base.problems,
          makeProblem({ title: WITHHELD, disclosure: "withheld", withholdingReason: "state_secret" }),
          makeProblem({
            title: INTERNAL,
            disclosure: "internal",
            measures: [makeMeasure({ text: "内部整改措施" })],
          }),
          makeProblem({ title: CLUE, source: "clue" }),
        ],
      }),
    ));
    let otherUnit: string;
    ({ inspectionId: otherInspection, unitId: otherUnit } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ unitName: "市科协党组" }),
    ));
    office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: unitId });
    viewer = await signedInUser(t, "viewer.wl", { role: "viewer", orgId: unitId });
    otherOffice = await signedInUser(t, "office.kx", { role: "unit_office", orgId: otherUnit });
    admin = await signedInUser(t, "root", { role: "admin", orgId: null });
  });
  afterEach(async () => t.close());

  const anonymous = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "GET", url, headers });
  const publish = (user: SignedInUser, id: string, payload: object = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${id}/public-notices`,
      headers: user.headers,
      payload,
    });
  const withdraw = (user: SignedInUser, id: string, pid: string, payload: object) =>
    t.app.inject({
      method: "DELETE",
      url: `/api/v1/inspections/${id}/public-notices/${pid}`,
      headers: user.headers,
      payload,
    });

  it("publishes the public version, which anyone lists, reads and downloads without signing in", async () => {
    const res = await publish(admin, inspectionId, { official: { publicContact: CONTACT } });
    expect(res.statusCode).toBe(201);
    const published = res.json<{ id: string; title: string; contact: string; withdrawal: null }>();
    expect(published).toMatchObject({
      inspectionId,
      unitName: "市文联党组",
      title: "中共市文联党组关于巡察整改情况的通报",
      issuedOn: "2021-06-30",
      publishedByName: expect.any(String) as string,
      withdrawal: null,
    });
    expect(published.contact).toBe(CONTACT);

    const list = await anonymous("/api/v1/public/notices");
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      items: [
        {
          id: published.id,
          unitId: expect.any(String) as string,
          unitName: "市文联党组",
          title: published.title,
          issuedOn: "2021-06-30",
          publishedAt: expect.any(String) as string,
        },
      ],
      nextCursor: null,
    });
    const detail = await anonymous(`/api/v1/public/notices/${published.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: published.id, contact: published.contact });

    const docx = await anonymous(`/api/v1/public/notices/${published.id}/file.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(String(docx.headers["content-disposition"])).toMatch(/^attachment; filename="public-notice-/);
    expect(docx.headers["x-content-type-options"]).toBe("nosniff");
    const docxText = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
    expect(docxText).toContain(published.title);
    expect(docxText).toContain("四风问题依然存在");
    expect(docxText).toContain(CONTACT);

    const html = await anonymous(`/api/v1/public/notices/${published.id}/file.html`);
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.headers["x-content-type-options"]).toBe("nosniff");
    const csp = String(html.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("sandbox");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(html.payload).not.toMatch(/<script/i);
    expect(html.payload).toContain("四风问题依然存在");

    // Nothing withheld, internal-only, from a clue, or of the internal version (the leading group's members) —
    // all of which the internal version of the same ledger does print.
    const internal = await t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${inspectionId}/notice`,
      headers: office.headers,
      payload: { version: "internal", format: "html" },
    });
    for (const shown of [WITHHELD, INTERNAL, "内部整改措施", CLUE, "李四"])
      expect(internal.payload).toContain(shown);
    // Nothing withheld, internal-only, from a clue, or of the internal version (the leading group's members).
    for (const text of [list.payload, detail.payload, docxText, html.payload]) {
      for (const hidden of [WITHHELD, INTERNAL, "内部整改措施", CLUE, "李四"])
        expect(text).not.toContain(hidden);
    }

    // A revisit with the ETag costs nothing.
    const again = await anonymous(`/api/v1/public/notices/${published.id}/file.docx`, {
      "if-none-match": String(docx.headers.etag),
    });
    expect(again.statusCode).toBe(304);

    const audit = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["notice.generate", "public_notice.publish"]) as string[],
    );
  });

  it("withdraws with a reason; then the notice answers 404 everywhere in public, as an unknown one does", async () => {
    const { id } = (await publish(admin, inspectionId)).json<{ id: string }>();
    expect((await withdraw(office, inspectionId, id, {})).statusCode).toBe(400);
    const res = await withdraw(office, inspectionId, id, { reason: "内容有误，修改后重新发布" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ withdrawal: { reason: "内容有误，修改后重新发布" } });
    expect((await withdraw(office, inspectionId, id, { reason: "再次" })).json()).toMatchObject({
      error: { code: "public_notice_withdrawn" },
    });

    expect((await anonymous("/api/v1/public/notices")).json()).toEqual({ items: [], nextCursor: null });
    for (const suffix of ["", "/file.docx", "/file.html"]) {
      const gone = await anonymous(`/api/v1/public/notices/${id}${suffix}`);
      const unknown = await anonymous(`/api/v1/public/notices/pn-unknown${suffix}`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toEqual(unknown.json());
    }
    const own = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/public-notices`,
      headers: office.headers,
    });
    expect(own.json()).toMatchObject({ items: [{ id, withdrawal: { reason: "内容有误，修改后重新发布" } }] });
    const audit = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    expect(audit.find((e) => e.action === "public_notice.withdraw")?.data).toMatchObject({
      publicNoticeId: id,
      reason: "内容有误，修改后重新发布",
    });
  });

  it("refuses a viewer (403), another unit's office (404), the office without approval (403) and a notice of another inspection (404)", async () => {
    expect((await publish(viewer, inspectionId)).statusCode).toBe(403);
    expect((await publish(otherOffice, inspectionId)).statusCode).toBe(404);
    const direct = await publish(office, inspectionId);
    expect(direct.statusCode).toBe(403);
    expect(direct.json()).toMatchObject({ error: { code: "public_notice_approval_required" } });
    const { id } = (await publish(admin, inspectionId)).json<{ id: string }>();
    expect((await withdraw(otherOffice, otherInspection, id, { reason: "x" })).json()).toMatchObject({
      error: { code: "public_notice_not_found" },
    });
    expect((await withdraw(viewer, inspectionId, id, { reason: "x" })).statusCode).toBe(403);
  });

  it("pages the public list newest first with an opaque cursor", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      ids.push((await publish(admin, inspectionId)).json<{ id: string }>().id);
      t.clock.advanceMinutes(1);
    }
    const first = (await anonymous("/api/v1/public/notices?limit=2")).json<{
      items: { id: string }[];
      nextCursor: string;
    }>();
    expect(first.items).toHaveLength(2);
    const second = (await anonymous(`/api/v1/public/notices?limit=2&cursor=${first.nextCursor}`)).json<{
      items: { id: string }[];
      nextCursor: string | null;
    }>();
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((n) => n.id).sort()).toEqual([...ids].sort());
    expect((await anonymous("/api/v1/public/notices?cursor=bad!")).statusCode).toBe(400);
  });
});
