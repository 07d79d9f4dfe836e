// The seed's rectification cycle through the HTTP API alone, on both databases: the admin sets up the inspection
// office, the unit, its departments and people; the unit office imports the seed notice, assigns measures and sets
// the review chain (单位领导 → 巡察办); a department reporter reports monthly progress with a PDF and submits; another
// department's reporter cannot see the measure; the unit leader returns one with a reason and approves the other;
// the inspection office sees the counts and closes it; the audit trail verifies intact.

import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MeasureDetail } from "../../src/app/get-measure.ts";
import { verifyAuditTrail } from "../../src/app/verify-audit-trail.ts";
import type { LedgerCounts } from "../../src/domain/ledger-statistics.ts";
import type { Measure } from "../../src/domain/measure.ts";
import type { Org } from "../../src/domain/org.ts";
import { multipartBody } from "../support/multipart-body.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signIn, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

// The seed notice, shipped in the repository as the example ledger (identical to ../shared/seed/000_…txt).
const SEED = readFileSync(new URL("../../assets/example-notice.txt", import.meta.url));
const PASSWORD = "Wuxi-wenlian-2021";

describe.each(testDatabases)("the seed's cycle over HTTP on $name", (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await openTestApp({}, database);
  });
  afterEach(async () => t.close());

  const call = async <T>(
    user: SignedInUser,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: object,
    extra: Record<string, string> = {},
    expected = method === "POST" ? [200, 201] : [200],
  ): Promise<{ body: T; etag: string | undefined }> => {
    const res = await t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: { ...user.headers, ...extra },
    });
    if (!expected.includes(res.statusCode))
      throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
    return { body: res.json<T>(), etag: res.headers.etag };
  };
  const version = async (user: SignedInUser, measureId: string) =>
    (await call<MeasureDetail>(user, "GET", `/api/v1/measures/${measureId}`)).etag!;

  it("plays the cycle from the feedback to the close-out", async () => {
    // The first admin exists from start-up (bootstrap); everything else is made over the API.
    const admin = await signedInUser(t, "admin", { role: "admin", orgId: null });
    const org = async (name: string, kind: Org["kind"], parentId: string | null) =>
      (await call<Org>(admin, "POST", "/api/v1/orgs", { name, kind, parentId })).body;
    const office = await org("市委巡察办", "oversight", null);
    const unit = await org("市文联党组", "unit", office.id);
    const general = await org("办公室", "department", unit.id);
    const liaison = await org("组联部", "department", unit.id);
    const leaderPerson = (
      await call<{ id: string }>(admin, "POST", `/api/v1/orgs/${unit.id}/people`, {
        name: "杨建",
        post: "党组书记",
      })
    ).body;
    const user = async (login: string, orgId: string, role: string, personId?: string) => {
      await call(admin, "POST", "/api/v1/users", {
        login,
        displayName: login,
        orgId,
        role,
        password: PASSWORD,
        ...(personId ? { personId } : {}),
      });
      return signIn(t.app, login, PASSWORD);
    };
    const unitOffice = await user("zgb", unit.id, "unit_office");
    const leader = await user("yangjian", unit.id, "unit_leader", leaderPerson.id);
    const inspectionOffice = await user("xcb", office.id, "oversight");
    const reporterA = await user("bgs", general.id, "department_reporter");
    const reporterB = await user("zlb", liaison.id, "department_reporter");

    // The unit office imports the seed notice: preview, then confirm.
    const upload = multipartBody([
      { field: "unitId", value: unit.id },
      { field: "file", filename: "整改情况通报.txt", data: SEED, contentType: "text/plain" },
    ]);
    const staged = await call<{ id: string; preview: { counts: { problems: number } } }>(
      unitOffice,
      "POST",
      "/api/v1/imports",
      upload.body,
      { "content-type": upload.contentType },
    );
    expect(staged.body.preview.counts.problems).toBe(11);
    const { inspectionId } = (
      await call<{ inspectionId: string }>(
        unitOffice,
        "POST",
        `/api/v1/imports/${staged.body.id}/confirm`,
        {},
      )
    ).body;
    await call(unitOffice, "PUT", `/api/v1/inspections/${inspectionId}/review-chain`, {
      levels: ["unit_leader", "oversight"],
    });

    // 三清单: the office gives two open measures to 办公室 and one to 组联部.
    const open = (
      await call<{ items: Measure[] }>(
        unitOffice,
        "GET",
        `/api/v1/measures?inspectionId=${inspectionId}&state=in_progress`,
      )
    ).body.items;
    expect(open.length).toBeGreaterThanOrEqual(3);
    const [m1, m2, m3] = open as [Measure, Measure, Measure];
    for (const [measure, department] of [
      [m1, general],
      [m2, general],
      [m3, liaison],
    ] as const) {
      await call(
        unitOffice,
        "PATCH",
        `/api/v1/measures/${measure.id}`,
        { departmentId: department.id },
        {
          "if-match": await version(unitOffice, measure.id),
        },
      );
    }
    const mine = (await call<{ items: Measure[] }>(reporterA, "GET", "/api/v1/measures")).body.items;
    expect(mine.map((m) => m.id).sort()).toEqual([m1.id, m2.id].sort());

    // Monthly progress with a PDF, then 报送销号.
    const pdf = Buffer.concat([
      Buffer.from("%PDF-1.7\n"),
      Buffer.from("文艺大讲堂签到表", "utf8"),
      Buffer.alloc(256, 1),
    ]);
    const form = multipartBody([
      { field: "period", value: "2021-05" },
      { field: "text", value: "举办文艺大讲堂两期，组织文艺骨干47人赴京培训" },
      { field: "figures", value: JSON.stringify([{ label: "培训文艺骨干", quantity: "47", unit: "人" }]) },
      { field: "file", filename: "签到表.pdf", data: pdf, contentType: "application/pdf" },
    ]);
    await call(
      reporterA,
      "POST",
      `/api/v1/measures/${m1.id}/progress-reports`,
      form.body as unknown as object,
      {
        "content-type": form.contentType,
      },
    );
    await call(reporterA, "POST", `/api/v1/measures/${m2.id}/progress-reports`, {
      period: "2021-05",
      text: "已起草制度",
    });
    for (const m of [m1, m2]) {
      await call(
        reporterA,
        "POST",
        `/api/v1/measures/${m.id}/events`,
        { event: "submit" },
        {
          "if-match": await version(reporterA, m.id),
        },
      );
    }
    const hidden = await t.app.inject({
      method: "GET",
      url: `/api/v1/measures/${m1.id}`,
      headers: reporterB.headers,
    });
    expect(hidden.statusCode).toBe(404);

    // 单位领导: returns m2 with a reason, approves m1 (level 1 of 2).
    const returned = await call<{ state: string }>(
      leader,
      "POST",
      `/api/v1/measures/${m2.id}/events`,
      { event: "return", reason: "制度尚未印发，请补充印发文件" },
      { "if-match": await version(leader, m2.id) },
    );
    expect(returned.body.state).toBe("returned");
    const approved = await call<{ state: string; review: { awaitingLevel: number } }>(
      leader,
      "POST",
      `/api/v1/measures/${m1.id}/events`,
      { event: "close" },
      { "if-match": await version(leader, m1.id) },
    );
    expect(approved.body).toMatchObject({ state: "submitted", review: { awaitingLevel: 2 } });

    // 巡察办 sees the counts, closes m1 (对账销号), and sees them change.
    const counts = async () =>
      (
        await call<{ counts: LedgerCounts }>(
          inspectionOffice,
          "GET",
          `/api/v1/inspections/${inspectionId}/ledger`,
        )
      ).body.counts;
    const before = await counts();
    const closed = await call<{ state: string }>(
      inspectionOffice,
      "POST",
      `/api/v1/measures/${m1.id}/events`,
      { event: "close" },
      { "if-match": await version(inspectionOffice, m1.id) },
    );
    expect(closed.body.state).toBe("closed");
    const after = await counts();
    expect(after.closedMeasures).toBe(before.closedMeasures + 1);

    const detail = (await call<MeasureDetail>(leader, "GET", `/api/v1/measures/${m1.id}`)).body;
    expect(detail.reviews.map((r) => [r.level, r.decision, r.reviewerId])).toEqual([
      [1, "approve", leaderPerson.id],
      [2, "approve", null],
    ]);
    expect(detail.progress[0]!.evidence[0]).toMatchObject({
      name: "签到表.pdf",
      mediaType: "application/pdf",
    });
    const verified = await verifyAuditTrail(t.deps);
    expect(verified.broken).toBeNull();
    expect(verified.status).toBe("intact");
  }, 60_000);
});
