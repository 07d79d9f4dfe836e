// The review cycle over HTTP on both databases: department reporters see and report only their department's
// measures, reviews follow the inspection's review chain level by level (单位领导 → 巡察办), a return needs a reason,
// writes need If-Match, extensions keep the first deadline, and every step lands in an intact audit trail.

import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { MeasureDetail } from "../../src/app/get-measure.ts";
import type { ExtensionRequest } from "../../src/domain/progress.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import type { ErrorBody } from "../../src/http/errors.ts";
import type { AuditEvent } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { multipartBody } from "../support/multipart-body.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("the review cycle over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let officeMeasure: string;
  let financeMeasure: string;
  let office: SignedInUser;
  let leader: SignedInUser;
  let oversight: SignedInUser;
  let reporterOffice: SignedInUser;
  let reporterFinance: SignedInUser;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({ title: "四风问题依然存在", measures: [makeMeasure({ department: "办公室" })] }),
          makeProblem({
            title: "执行财务管理制度不够严格",
            measures: [
              makeMeasure({ text: "开展财务专项检查", department: "财务科", deadline: "2021-06-30" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL);
    const orgId = (name: string) => orgs.find((o) => o.name === name)!.id;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    officeMeasure = measures.find((m) => m.departmentId === orgId("办公室"))!.id;
    financeMeasure = measures.find((m) => m.departmentId === orgId("财务科"))!.id;
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    leader = await signedInUser(t, "leader", { role: "unit_leader", orgId: created.unitId });
    oversight = await signedInUser(t, "xunchaban", { role: "oversight", orgId: orgId("市委巡察办") });
    reporterOffice = await signedInUser(t, "bgs", { role: "department_reporter", orgId: orgId("办公室") });
    reporterFinance = await signedInUser(t, "cwk", { role: "department_reporter", orgId: orgId("财务科") });
  });
  afterEach(async () => t.close());

  const get = (user: SignedInUser, url: string) =>
    t.app.inject({ method: "GET", url, headers: user.headers });
  const send = (
    user: SignedInUser,
    method: "POST" | "PUT" | "PATCH",
    url: string,
    payload: object,
    version?: number,
  ) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: { ...user.headers, ...(version === undefined ? {} : { "if-match": `"${version}"` }) },
    });
  const versionOf = async (user: SignedInUser, id: string) =>
    Number(JSON.parse(String((await get(user, `/api/v1/measures/${id}`)).headers.etag)));
  const event = async (user: SignedInUser, id: string, body: object) =>
    send(user, "POST", `/api/v1/measures/${id}/events`, body, await versionOf(office, id));

  it("shows a department reporter their own department's measures only", async () => {
    const own = await get(reporterOffice, `/api/v1/measures/${officeMeasure}`);
    expect(own.statusCode).toBe(200);
    expect(own.json<MeasureDetail>().allowedActions).toEqual([
      "submit",
      "report_progress",
      "request_extension",
      "comment",
    ]);
    const other = await get(reporterOffice, `/api/v1/measures/${financeMeasure}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual({
      error: { code: "measure_not_found", message: "未找到该整改措施（或无权查看）" },
    });
    // The ledger shows the reporter the inspection with their problem and measure, nothing of the other department.
    const ledger = await get(reporterOffice, `/api/v1/inspections/${inspectionId}/ledger`);
    expect(ledger.statusCode).toBe(200);
    const problems = ledger.json<{ problems: Array<{ title: string; measures: Array<{ id: string }> }> }>()
      .problems;
    expect(problems.map((p) => [p.title, p.measures.map((m) => m.id)])).toEqual([
      ["四风问题依然存在", [officeMeasure]],
    ]);
    const progress = await send(
      reporterOffice,
      "POST",
      `/api/v1/measures/${financeMeasure}/progress-reports`,
      {
        period: "2021-05",
        text: "已完成",
      },
    );
    expect(progress.statusCode).toBe(404);
    // A viewer-like role over the unit sees the measure but may not report on it.
    const viewer = await signedInUser(t, "viewer", {
      role: "viewer",
      orgId: (await t.deps.store.inspections.get(SCOPE_ALL, inspectionId))!.targetOrgId,
    });
    const refused = await send(viewer, "POST", `/api/v1/measures/${officeMeasure}/progress-reports`, {
      period: "2021-05",
      text: "已完成",
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.message).toBe("您没有权限报送整改进展");
  });

  it("lists each caller's measures page by page, a department reporter's only their own", async () => {
    const ids = async (user: SignedInUser, query: string) =>
      (await get(user, `/api/v1/measures${query}`)).json<{
        items: Array<{ id: string }>;
        nextCursor: string | null;
      }>();
    expect((await ids(reporterOffice, "")).items.map((m) => m.id)).toEqual([officeMeasure]);
    expect((await ids(reporterFinance, "?state=in_progress")).items.map((m) => m.id)).toEqual([
      financeMeasure,
    ]);
    const first = await ids(office, "?limit=1");
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await ids(office, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((m) => m.id).sort()).toEqual(
      [officeMeasure, financeMeasure].sort(),
    );
    // Each measure carries its warning level today (both fall due today, 2021-06-30: red under the default profile).
    const warned = (await get(office, "/api/v1/measures")).json<{
      items: Array<{ warning: { level: string; daysLeft: number; judgedAgainst: string } }>;
    }>();
    expect(warned.items.map((m) => m.warning)).toEqual([
      expect.objectContaining({ level: "red", daysLeft: 0, judgedAgainst: "2021-06-30" }),
      expect.objectContaining({ level: "red", daysLeft: 0, judgedAgainst: "2021-06-30" }),
    ]);
    const bad = await get(office, "/api/v1/measures?cursor=bm9wZQ");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.message).toBe("翻页游标无效，请从第一页重新查询");
    expect((await get(office, "/api/v1/measures?state=done")).statusCode).toBe(400);
  });

  it("lets the unit office assign a measure to a department, which then sees it; a set deadline only moves by extension", async () => {
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL);
    const finance = orgs.find((o) => o.name === "财务科")!.id;
    const assign = async (user: SignedInUser, payload: object) =>
      send(
        user,
        "PATCH",
        `/api/v1/measures/${officeMeasure}`,
        payload,
        await versionOf(office, officeMeasure),
      );
    expect((await assign(reporterOffice, { departmentId: finance })).statusCode).toBe(403);
    expect((await get(reporterFinance, `/api/v1/measures/${officeMeasure}`)).statusCode).toBe(404);
    const foreign = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({ unitName: "市科协党组" }));
    const foreignDepartment = (await t.deps.store.orgs.list(SCOPE_ALL, { parentId: foreign.unitId }))[0]!.id;
    const refused = await assign(office, { departmentId: foreignDepartment });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorBody>().error.fields?.[0]).toMatchObject({ path: "departmentId" });
    const moved = await assign(office, { departmentId: finance, cooperatingDepartmentIds: [] });
    expect(moved.statusCode).toBe(200);
    expect((await get(reporterFinance, `/api/v1/measures/${officeMeasure}`)).statusCode).toBe(200);
    expect((await get(reporterOffice, `/api/v1/measures/${officeMeasure}`)).statusCode).toBe(404);
    const locked = await assign(office, { deadline: "2021-12-31" });
    expect(locked.statusCode).toBe(409);
    expect(locked.json<ErrorBody>().error.code).toBe("deadline_locked");
    const history = (await get(office, `/api/v1/measures/${officeMeasure}/history`)).json<{
      items: AuditEvent[];
    }>();
    expect(history.items.map((e) => e.action)).toEqual(["measure.assign"]);
  });

  it("takes progress with figures and refuses a bad period in Chinese", async () => {
    const bad = await send(reporterOffice, "POST", `/api/v1/measures/${officeMeasure}/progress-reports`, {
      period: "2021-13",
      text: "进展",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.fields?.[0]).toMatchObject({ path: "period" });
    expect(bad.json<ErrorBody>().error.message).toContain("报送期间应为月份");
    const ok = await send(reporterOffice, "POST", `/api/v1/measures/${officeMeasure}/progress-reports`, {
      period: "2021-05",
      text: "已清退违规发放补贴",
      figures: [{ label: "清退资金", quantity: "12.5", unit: "万元" }],
    });
    expect(ok.statusCode).toBe(201);
    const detail = (await get(office, `/api/v1/measures/${officeMeasure}`)).json<MeasureDetail>();
    expect(detail.progress).toHaveLength(1);
    expect(detail.progress[0]).toMatchObject({
      period: "2021-05",
      figures: [{ label: "清退资金", quantity: "12.5", unit: "万元" }],
    });
  });

  it("takes a progress report with a PDF in one form, served back only to those who see the measure", async () => {
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from("会议纪要：已完成整改", "utf8"),
      Buffer.alloc(500, 7),
    ]);
    const form = multipartBody([
      { field: "period", value: "2021-05" },
      { field: "text", value: "召开专题会议，制定整改方案" },
      { field: "figures", value: JSON.stringify([{ label: "建立制度", quantity: "3", unit: "项" }]) },
      { field: "file", filename: "会议纪要.pdf", data: pdf, contentType: "application/pdf" },
    ]);
    const posted = await t.app.inject({
      method: "POST",
      url: `/api/v1/measures/${officeMeasure}/progress-reports`,
      headers: { ...reporterOffice.headers, "content-type": form.contentType },
      payload: form.body,
    });
    expect(posted.statusCode).toBe(201);
    const { evidence, report } = posted.json<{
      evidence: Array<{ id: string; name: string; mediaType: string; sha256: string }>;
      report: { figures: unknown };
    }>();
    expect(report.figures).toEqual([{ label: "建立制度", quantity: "3", unit: "项" }]);
    expect(evidence).toEqual([
      expect.objectContaining({
        name: "会议纪要.pdf",
        mediaType: "application/pdf",
        sha256: createHash("sha256").update(pdf).digest("hex"),
      }),
    ]);
    const download = await get(leader, `/api/v1/evidence/${evidence[0]!.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await get(reporterFinance, `/api/v1/evidence/${evidence[0]!.id}/content`)).statusCode).toBe(404);
    // A file that only claims to be a PDF is refused, and nothing of the report is stored.
    const fake = multipartBody([
      { field: "period", value: "2021-06" },
      { field: "text", value: "补充材料" },
      {
        field: "file",
        filename: "补充.pdf",
        data: Buffer.from("MZ\x90\x00 not a pdf"),
        contentType: "application/pdf",
      },
    ]);
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/v1/measures/${officeMeasure}/progress-reports`,
      headers: { ...reporterOffice.headers, "content-type": fake.contentType },
      payload: fake.body,
    });
    expect(refused.statusCode).toBe(415);
    expect(
      (await get(office, `/api/v1/measures/${officeMeasure}`)).json<MeasureDetail>().progress,
    ).toHaveLength(1);
  });

  it("closes a measure only when every level of the chain has approved, each by its own role", async () => {
    const chain = await send(office, "PUT", `/api/v1/inspections/${inspectionId}/review-chain`, {
      levels: ["unit_leader", "oversight"],
    });
    expect(chain.json()).toEqual({ levels: ["unit_leader", "oversight"], isDefault: false });
    const inspectionTrail = (await get(leader, `/api/v1/inspections/${inspectionId}/history`)).json<{
      items: AuditEvent[];
    }>();
    expect(inspectionTrail.items.map((e) => e.action)).toEqual([
      "ledger.create",
      "inspection.set_review_chain",
    ]);
    expect(
      (
        await send(reporterOffice, "PUT", `/api/v1/inspections/${inspectionId}/review-chain`, {
          levels: ["unit_office"],
        })
      ).statusCode,
    ).toBe(403);

    // Writes need the version the client saw.
    const noVersion = await send(reporterOffice, "POST", `/api/v1/measures/${officeMeasure}/events`, {
      event: "submit",
    });
    expect(noVersion.statusCode).toBe(428);
    const stale = await send(
      reporterOffice,
      "POST",
      `/api/v1/measures/${officeMeasure}/events`,
      { event: "submit" },
      7,
    );
    expect(stale.statusCode).toBe(409);
    expect((await event(reporterOffice, officeMeasure, { event: "submit" })).json()).toMatchObject({
      state: "submitted",
    });

    // Level 1 is the unit leader's: neither the reporter nor the inspection office may act yet.
    const early = await event(oversight, officeMeasure, { event: "close" });
    expect(early.statusCode).toBe(403);
    expect(early.json<ErrorBody>().error).toMatchObject({ code: "not_reviewer" });
    expect((await event(reporterOffice, officeMeasure, { event: "close" })).statusCode).toBe(403);
    const level1 = await event(leader, officeMeasure, { event: "close" });
    expect(level1.json()).toMatchObject({ state: "submitted", review: { level: 1, awaitingLevel: 2 } });
    expect((await event(leader, officeMeasure, { event: "close" })).statusCode).toBe(403);

    const countsBefore = (await get(oversight, `/api/v1/inspections/${inspectionId}/ledger`)).json<{
      counts: unknown;
    }>().counts;
    const level2 = await event(oversight, officeMeasure, { event: "close" });
    expect(level2.json()).toMatchObject({ state: "closed", review: { level: 2, awaitingLevel: null } });
    const countsAfter = (await get(oversight, `/api/v1/inspections/${inspectionId}/ledger`)).json<{
      counts: unknown;
    }>().counts;
    expect(countsAfter).not.toEqual(countsBefore);

    const detail = (await get(office, `/api/v1/measures/${officeMeasure}`)).json<MeasureDetail>();
    expect(detail.reviews.map((r) => [r.level, r.decision])).toEqual([
      [1, "approve"],
      [2, "approve"],
    ]);
    const history = (await get(office, `/api/v1/measures/${officeMeasure}/history`)).json<{
      items: AuditEvent[];
    }>().items;
    expect(history.map((e) => e.action)).toEqual([
      "measure.submit",
      "measure.approve_level",
      "measure.close",
    ]);
    expect((await t.deps.store.audit.verifyChain()).broken).toBeNull();
  });

  it("lets a supervisor hold a close-out with a reason until the hold is lifted", async () => {
    const unitId = (await t.deps.store.inspections.get(SCOPE_ALL, inspectionId))!.targetOrgId;
    const supervisor = await signedInUser(t, "jijian", { role: "supervisor", orgId: unitId });
    await event(reporterFinance, financeMeasure, { event: "submit" });
    expect(
      (await send(reporterFinance, "PUT", `/api/v1/measures/${financeMeasure}/hold`, { reason: "x" }))
        .statusCode,
    ).toBe(403);
    const held = await send(supervisor, "PUT", `/api/v1/measures/${financeMeasure}/hold`, {
      reason: "群众反映问题线索正在核查",
    });
    expect(held.statusCode).toBe(200);
    const detail = (await get(leader, `/api/v1/measures/${financeMeasure}`)).json<MeasureDetail>();
    expect(detail.hold).toMatchObject({ reason: "群众反映问题线索正在核查" });
    expect(detail.allowedActions).not.toContain("close");
    const refused = await event(leader, financeMeasure, { event: "close" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error).toEqual({
      code: "closeout_held",
      message: "纪检监督已暂缓该整改措施销号：群众反映问题线索正在核查",
    });
    const lifted = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/measures/${financeMeasure}/hold`,
      headers: supervisor.headers,
    });
    expect(lifted.statusCode).toBe(204);
    expect((await event(leader, financeMeasure, { event: "close" })).json()).toMatchObject({
      state: "closed",
    });
    const history = (await get(leader, `/api/v1/measures/${financeMeasure}/history`)).json<{
      items: AuditEvent[];
    }>();
    expect(history.items.map((e) => e.action)).toEqual([
      "measure.submit",
      "measure.hold_closeout",
      "measure.lift_hold",
      "measure.close",
    ]);
  });

  it("keeps a supervisor's comment and the department's answer on the measure; a viewer only reads them", async () => {
    const unitId = (await t.deps.store.inspections.get(SCOPE_ALL, inspectionId))!.targetOrgId;
    const supervisor = await signedInUser(t, "jijian.c", { role: "supervisor", orgId: unitId });
    const viewer = await signedInUser(t, "viewer.c", { role: "viewer", orgId: unitId });
    const url = `/api/v1/measures/${financeMeasure}/comments`;
    const remark = await send(supervisor, "POST", url, { text: "  专项检查的问题清单未附，请补充  " });
    expect(remark.statusCode).toBe(201);
    expect(remark.json()).toMatchObject({
      authorRole: "supervisor",
      authorName: "jijian.c",
      text: "专项检查的问题清单未附，请补充",
    });
    expect((await send(reporterFinance, "POST", url, { text: "已于6月10日补充上传" })).statusCode).toBe(201);
    expect((await send(viewer, "POST", url, { text: "看看" })).statusCode).toBe(403);
    expect((await send(reporterOffice, "POST", url, { text: "不是我部门" })).statusCode).toBe(404);
    const empty = await send(supervisor, "POST", url, { text: "   " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().error.fields?.[0]).toMatchObject({ path: "text" });

    const seenRes = await get(viewer, `/api/v1/measures/${financeMeasure}`);
    expect(seenRes.statusCode, seenRes.body).toBe(200);
    const seen = seenRes.json<MeasureDetail>();
    expect(seen.comments.map((c) => [c.authorRole, c.text])).toEqual([
      ["supervisor", "专项检查的问题清单未附，请补充"],
      ["department_reporter", "已于6月10日补充上传"],
    ]);
    expect(seen.allowedActions).not.toContain("comment");
    expect(
      (await get(supervisor, `/api/v1/measures/${financeMeasure}`)).json<MeasureDetail>().allowedActions,
    ).toContain("comment");
    const history = (await get(leader, `/api/v1/measures/${financeMeasure}/history`)).json<{
      items: AuditEvent[];
    }>();
    expect(history.items.map((e) => e.action)).toEqual(["measure.comment", "measure.comment"]);
  });

  it("records the request id of every change, as answered in X-Request-Id", async () => {
    const submitted = await event(reporterOffice, officeMeasure, { event: "submit" });
    const requestId = String(submitted.headers["x-request-id"]);
    expect(requestId).not.toBe("undefined");
    const history = (await get(office, `/api/v1/measures/${officeMeasure}/history`)).json<{
      items: AuditEvent[];
    }>();
    expect(history.items.at(-1)).toMatchObject({ action: "measure.submit", data: { requestId } });
    expect((await t.deps.store.audit.verifyChain()).broken).toBeNull();
  });

  it("returns only with a reason, and a returned measure is reworked and resubmitted from level 1", async () => {
    await event(reporterFinance, financeMeasure, { event: "submit" });
    const noReason = await event(leader, financeMeasure, { event: "return" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().error.message).toContain("退回时必须填写理由");
    const returned = await event(leader, financeMeasure, { event: "return", reason: "佐证材料不足" });
    expect(returned.json()).toMatchObject({ state: "returned" });
    await event(reporterFinance, financeMeasure, { event: "resume" });
    await event(reporterFinance, financeMeasure, { event: "submit" });
    // Default chain: one level, the unit leader, who closes.
    expect((await event(leader, financeMeasure, { event: "close" })).json()).toMatchObject({
      state: "closed",
    });
    const reviews = (await get(leader, `/api/v1/measures/${financeMeasure}`)).json<MeasureDetail>().reviews;
    expect(
      reviews.map((r: { round: number; decision: string; reason: string | null }) => [
        r.round,
        r.decision,
        r.reason,
      ]),
    ).toEqual([
      [1, "return", "佐证材料不足"],
      [2, "approve", null],
    ]);
  });

  it("moves the deadline on an approved extension and keeps the first one", async () => {
    const early = await send(reporterFinance, "POST", `/api/v1/measures/${financeMeasure}/extensions`, {
      reason: "需跨年度完成审计整改",
      newDeadline: "2021-06-01",
    });
    expect(early.statusCode).toBe(400);
    const asked = await send(reporterFinance, "POST", `/api/v1/measures/${financeMeasure}/extensions`, {
      reason: "需跨年度完成审计整改",
      newDeadline: "2021-09-30",
    });
    expect(asked.statusCode).toBe(201);
    const extensionId = asked.json<ExtensionRequest>().id;
    const twice = await send(reporterFinance, "POST", `/api/v1/measures/${financeMeasure}/extensions`, {
      reason: "再次申请",
      newDeadline: "2021-10-30",
    });
    expect(twice.statusCode).toBe(409);
    expect(
      (
        await send(reporterFinance, "POST", `/api/v1/extensions/${extensionId}/decision`, {
          decision: "approved",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await send(reporterOffice, "POST", `/api/v1/extensions/${extensionId}/decision`, {
          decision: "approved",
        })
      ).statusCode,
    ).toBe(404);
    const decided = await send(leader, "POST", `/api/v1/extensions/${extensionId}/decision`, {
      decision: "approved",
    });
    expect(decided.json()).toMatchObject({ decision: "approved", previousDeadline: "2021-06-30" });
    const measure = (await get(leader, `/api/v1/measures/${financeMeasure}`)).json<MeasureDetail>().measure;
    expect(measure).toMatchObject({ deadline: "2021-09-30", originalDeadline: "2021-06-30" });
    expect(
      (
        await send(leader, "POST", `/api/v1/extensions/${extensionId}/decision`, {
          decision: "rejected",
          note: "x",
        })
      ).statusCode,
    ).toBe(409);
  });
});
