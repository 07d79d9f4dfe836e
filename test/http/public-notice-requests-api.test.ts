// Approval before publishing (公开通报审批) over HTTP on both databases: the office submits (the notice is generated then),
// the unit's leader previews exactly those files and approves — which publishes those bytes even after the ledger
// changed — or returns with a reason; the submitter cancels. Scope and permissions as the publish routes: outside 404,
// inside without the right 403; nobody decides their own request; one pending request per inspection.

import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { grantRole } from "../../src/app/grant-role.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

/** What the notice says of the measure still open at submission (closed before the approval). */
const STILL_OPEN = "完善财务报销制度并组织专题培训（完成时限：2021年5月31日）";

const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

interface RequestView {
  id: string;
  state: string;
  title: string;
  options: { layout: string; issuedOn: string; official: Record<string, unknown> | null };
  files: { docx: { sha256: string; path: string }; html: { sha256: string; path: string } };
  decision: { byName: string; reason: string | null } | null;
  publicNoticeId: string | null;
  mayDecide: boolean;
  mayCancel: boolean;
}

describe.each(testDatabases)("public notice approvals over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let otherInspection: string;
  let office: SignedInUser;
  let leader: SignedInUser;
  let otherLeader: SignedInUser;
  let reporter: SignedInUser;
  let admin: SignedInUser;
  let unitId: string;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    ({ inspectionId, unitId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger()));
    let otherUnit: string;
    ({ inspectionId: otherInspection, unitId: otherUnit } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ unitName: "市科协党组" }),
    ));
    const department = (await t.deps.store.orgs.list(SCOPE_ALL, { parentId: unitId })).find(
      (o) => o.name === "办公室",
    )!;
    office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: unitId });
    leader = await signedInUser(t, "leader.wl", { role: "unit_leader", orgId: unitId });
    otherLeader = await signedInUser(t, "leader.kx", { role: "unit_leader", orgId: otherUnit });
    reporter = await signedInUser(t, "bgs.wl", { role: "department_reporter", orgId: department.id });
    admin = await signedInUser(t, "root", { role: "admin", orgId: null });
  });
  afterEach(async () => t.close());

  const base = (id: string) => `/api/v1/inspections/${id}/public-notice-requests`;
  const call = (user: SignedInUser, method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });
  const submit = (user: SignedInUser, id = inspectionId, payload: object = {}) =>
    call(user, "POST", base(id), payload);
  const approve = (user: SignedInUser, rid: string, id = inspectionId) =>
    call(user, "POST", `${base(id)}/${rid}/approve`);
  const giveBack = (user: SignedInUser, rid: string, payload: object) =>
    call(user, "POST", `${base(inspectionId)}/${rid}/return`, payload);
  const cancel = (user: SignedInUser, rid: string) => call(user, "DELETE", `${base(inspectionId)}/${rid}`);
  const codeOf = (res: { json: <T>() => T }) => res.json<{ error: { code: string } }>().error.code;
  const inbox = async (user: SignedInUser) =>
    (await call(user, "GET", "/api/v1/notifications")).json<{
      items: { kind: string; subject: string; text: string; link: string }[];
    }>().items;
  const actions = async () =>
    (await t.deps.store.audit.listForEntity("inspection", inspectionId)).map((e) => e.action);

  it("publishes on the leader's approval exactly the bytes submitted, even after the ledger changed", async () => {
    const res = await submit(office, inspectionId, {
      layout: "aspect",
      issuedOn: "2021-07-01",
      official: { docNumber: "市文联党组[2021]第03号" },
    });
    expect(res.statusCode).toBe(201);
    const submitted = res.json<RequestView>();
    expect(submitted).toMatchObject({
      state: "pending",
      title: "中共市文联党组关于巡察整改情况的通报",
      options: { layout: "aspect", issuedOn: "2021-07-01", official: { docNumber: "市文联党组〔2021〕3号" } },
      decision: null,
      mayDecide: false,
      mayCancel: true,
    });
    expect(await actions()).toContain("public_notice.submit");

    // The leader is told, finds it awaiting them, and reads the preview: the files generated at submission.
    const told = await inbox(leader);
    expect(told).toEqual([
      expect.objectContaining({
        kind: "public_notice_approval",
        link: `/inspections/${inspectionId}/reports`,
      }) as object,
    ]);
    expect(told[0]!.text).toContain("office.wl");
    const awaiting = (await call(leader, "GET", "/api/v1/public-notice-requests")).json<{
      items: RequestView[];
    }>();
    expect(awaiting.items.map((r) => [r.id, r.mayDecide])).toEqual([[submitted.id, true]]);
    expect((await call(office, "GET", "/api/v1/public-notice-requests")).json()).toEqual({ items: [] });
    const html = await call(leader, "GET", submitted.files.html.path);
    expect(html.statusCode).toBe(200);
    expect(html.headers["content-security-policy"]).toContain("sandbox");
    expect(html.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(html.headers["x-frame-options"]).toBe("SAMEORIGIN");
    expect(html.headers["cache-control"]).toBe("no-store");
    expect(html.payload).not.toMatch(/<script/i);
    expect(sha256(html.rawPayload)).toBe(submitted.files.html.sha256);
    const docx = await call(leader, "GET", submitted.files.docx.path);
    expect(String(docx.headers["content-disposition"])).toMatch(/^attachment; /);
    expect(sha256(docx.rawPayload)).toBe(submitted.files.docx.sha256);

    // The ledger changes after the submission: the last open measure is closed, so the problem is now completed.
    const open = (await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId)).find(
      (m) => m.state !== "closed",
    )!;
    await t.deps.store.measures.updateState(open.id, open.version, {
      state: "closed",
      closedAt: t.deps.clock.now(),
    });
    const now = await call(office, "POST", `/api/v1/inspections/${inspectionId}/notice`, {
      version: "public",
      layout: "aspect",
      format: "html",
    });
    expect(html.payload).toContain(STILL_OPEN);
    expect(now.payload).not.toContain(STILL_OPEN);

    const approved = await approve(leader, submitted.id);
    expect(approved.statusCode).toBe(200);
    const decided = approved.json<RequestView>();
    expect(decided).toMatchObject({ state: "approved", decision: { byName: "leader.wl", reason: null } });
    const pid = decided.publicNoticeId!;
    const published = await t.app.inject({ method: "GET", url: `/api/v1/public/notices/${pid}/file.html` });
    expect(sha256(published.rawPayload)).toBe(submitted.files.html.sha256);
    expect(published.payload).toContain(STILL_OPEN);
    const publishedDocx = await t.app.inject({
      method: "GET",
      url: `/api/v1/public/notices/${pid}/file.docx`,
    });
    expect(sha256(publishedDocx.rawPayload)).toBe(submitted.files.docx.sha256);

    // Who asked, who approved: on the unit's list, in publications and in the audit trail; the office is told.
    const own = (await call(office, "GET", `/api/v1/inspections/${inspectionId}/public-notices`)).json<{
      items: { id: string; publishedByName: string; approvedByName: string | null; issuedOn: string }[];
    }>();
    expect(own.items).toEqual([
      expect.objectContaining({
        id: pid,
        publishedByName: "office.wl",
        approvedByName: "leader.wl",
        issuedOn: "2021-07-01",
      }) as object,
    ]);
    const leaderId = (await t.deps.store.users.findByLogin("leader.wl"))!.id;
    const signed = (await t.deps.store.publications.listByInspection(SCOPE_ALL, inspectionId)).filter(
      (p) => p.sha256 === submitted.files.docx.sha256 || p.sha256 === submitted.files.html.sha256,
    );
    expect(signed.map((p) => [p.format, p.approvedBy])).toEqual([
      ["docx", leaderId],
      ["html", leaderId],
    ]);
    expect(await actions()).toEqual(
      expect.arrayContaining([
        "public_notice.submit",
        "public_notice.approve",
        "public_notice.publish",
      ]) as string[],
    );
    expect((await inbox(office)).map((n) => n.subject)).toEqual([
      "已批准发布：中共市文联党组关于巡察整改情况的通报",
    ]);
  });

  it("answers outside the scope 404, without the right 403, and never lets the submitter decide", async () => {
    const { id } = (await submit(office)).json<RequestView>();
    const second = await submit(office);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      error: { code: "public_notice_request_pending", message: expect.stringMatching(/待审批/) as string },
    });
    expect(codeOf(await approve(otherLeader, id))).toBe("inspection_not_found");
    expect((await approve(otherLeader, id)).statusCode).toBe(404);
    expect((await approve(reporter, id)).statusCode).toBe(403);
    expect((await approve(office, id)).statusCode).toBe(403);
    expect((await call(reporter, "GET", base(inspectionId))).statusCode).toBe(403);
    expect((await submit(reporter)).statusCode).toBe(403);
    expect((await submit(otherLeader)).statusCode).toBe(404);
    // A request of another inspection is not found through this one.
    expect(codeOf(await approve(admin, id, otherInspection))).toBe("public_notice_request_not_found");

    // Whoever submitted may not approve or return it — an administrator neither; another may.
    const { id: own } = (await submit(admin, otherInspection)).json<RequestView>();
    const self = await approve(admin, own, otherInspection);
    expect(self.statusCode).toBe(403);
    expect(codeOf(self)).toBe("public_notice_own_request");
    // Nor does one who holds the leader's role beside the office's.
    expect((await cancel(office, id)).statusCode).toBe(200);
    const dual = await signedInUser(t, "dual.wl", { role: "unit_office", orgId: unitId });
    await grantRole(t.deps, SYSTEM_CALLER, { login: "dual.wl", role: "unit_leader", orgId: unitId });
    const { id: theirs } = (await submit(dual)).json<RequestView>();
    expect(codeOf(await approve(dual, theirs))).toBe("public_notice_own_request");
    expect(codeOf(await giveBack(dual, theirs, { reason: "自己退回" }))).toBe("public_notice_own_request");
    expect(
      (await call(leader, "GET", base(inspectionId))).json<{ items: RequestView[] }>().items[0],
    ).toMatchObject({
      id: theirs,
      mayDecide: true,
      mayCancel: false,
    });
    expect((await approve(leader, theirs)).statusCode).toBe(200);

    // Publishing directly is the administrator's alone; everyone else submits for approval.
    const direct = await call(office, "POST", `/api/v1/inspections/${inspectionId}/public-notices`, {});
    expect(direct.statusCode).toBe(403);
    expect(direct.json()).toMatchObject({ error: { code: "public_notice_approval_required" } });
    const byAdmin = await call(admin, "POST", `/api/v1/inspections/${inspectionId}/public-notices`, {});
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ approvedByName: null, publishedByName: "root" });
  });

  it("returns with a required reason, then takes a new request, which the submitter alone cancels", async () => {
    const { id } = (await submit(office)).json<RequestView>();
    expect((await giveBack(leader, id, {})).statusCode).toBe(400);
    expect((await giveBack(leader, id, { reason: "   " })).statusCode).toBe(400);
    const returned = await giveBack(leader, id, { reason: "整改数据需更新至6月底" });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      state: "returned",
      decision: { byName: "leader.wl", reason: "整改数据需更新至6月底" },
    });
    const again = await approve(leader, id);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: "public_notice_request_decided", message: expect.stringMatching(/已退回/) as string },
    });
    expect((await inbox(office)).map((n) => n.text)).toEqual([
      expect.stringContaining("整改数据需更新至6月底") as string,
    ]);

    const next = (await submit(office)).json<RequestView>();
    const colleague = await signedInUser(t, "office2.wl", { role: "unit_office", orgId: unitId });
    expect((await cancel(colleague, next.id)).statusCode).toBe(403);
    expect((await cancel(leader, next.id)).statusCode).toBe(403);
    const cancelled = await cancel(office, next.id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: "cancelled", decision: { byName: "office.wl" } });
    expect((await approve(leader, next.id)).json()).toMatchObject({
      error: { code: "public_notice_request_decided", message: expect.stringMatching(/已撤回/) as string },
    });

    expect((await t.app.inject({ method: "GET", url: "/api/v1/public/notices" })).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await actions()).toEqual(
      expect.arrayContaining([
        "public_notice.submit",
        "public_notice.return",
        "public_notice.cancel",
      ]) as string[],
    );
    expect(await actions()).not.toContain("public_notice.publish");
    const history = (await call(office, "GET", base(inspectionId))).json<{ items: RequestView[] }>().items;
    expect(history.map((r) => r.state)).toEqual(["cancelled", "returned"]);
  });

  it("keeps one request when the office submits twice at once", async () => {
    const answers = await Promise.all([submit(office), submit(office)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await call(office, "GET", base(inspectionId))).json<{ items: unknown[] }>().items).toHaveLength(
      1,
    );
  });
});
