// An inspection's deadline profile over HTTP on both databases: defaults until set, If-Match on its version, the
// inspection office (巡察办) or an admin only — the unit office reads it like the leader —, thresholds checked with a registered code and a Chinese message, the inspection's
// report due date moved with it, and every change in the audit trail.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

const PROFILE = {
  thresholds: { green: 15, yellow: 5, red: 1, basis: "working" },
  cadence: "weekly",
  reportMonths: 3,
  concentratedEnd: "2021-05-31",
};

describe.each(testDatabases)("deadline profiles over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let office: SignedInUser;
  let oversight: SignedInUser;
  let leader: SignedInUser;
  const url = () => `/api/v1/inspections/${inspectionId}/deadline-profile`;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    // One 立行立改 measure without a deadline, judged by the profile's default for its kind.
    const undated = makeProblem({
      title: "违规发放津补贴",
      measures: [makeMeasure({ text: "立即清退违规津补贴", kind: "immediate", deadline: null })],
    });
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ problems: [...makeLedger().problems, undated] }),
    );
    inspectionId = created.inspectionId;
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    const inspection = await t.deps.store.inspections.get(SCOPE_ALL, inspectionId);
    oversight = await signedInUser(t, "xunchaban", { role: "oversight", orgId: inspection!.oversightOrgId });
    leader = await signedInUser(t, "leader", { role: "unit_leader", orgId: created.unitId });
  });
  afterEach(async () => t.close());

  const put = (user: SignedInUser, payload: object, version: string | undefined) =>
    t.app.inject({
      method: "PUT",
      url: url(),
      payload,
      headers: { ...user.headers, ...(version === undefined ? {} : { "if-match": version }) },
    });

  it("answers the defaults with version 0 until someone sets the profile", async () => {
    const res = await t.app.inject({ method: "GET", url: url(), headers: leader.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    expect(res.json()).toMatchObject({
      isDefault: true,
      version: 0,
      thresholds: { green: 20, yellow: 10, red: 0, basis: "calendar" },
      cadence: "monthly",
      reportMonths: 2,
      concentratedEnd: null,
      dates: { feedbackDate: "2021-03-04", reportDue: "2021-05-04", concentratedEnd: "2021-05-04" },
    });
  });

  it("keeps default deadlines per kind, judges an undated 立行立改 measure by them, and refuses bad ones", async () => {
    const profile = {
      thresholds: { green: 20, yellow: 10, red: 0, basis: "calendar" },
      cadence: "monthly",
      reportMonths: 2,
      concentratedEnd: null,
    };
    const before = await t.app.inject({ method: "GET", url: url(), headers: oversight.headers });
    expect(before.json()).toMatchObject({
      defaultDeadlines: { immediateDays: 30, longTermReviewMonths: 6 },
      dates: { immediateDefault: "2021-04-03" },
    });
    const bad = await put(
      oversight,
      { ...profile, defaultDeadlines: { immediateDays: 0, longTermReviewMonths: 5 } },
      '"0"',
    );
    expect(bad.statusCode).toBe(400);
    const messages = bad
      .json<{ error: { fields: { message: string }[] } }>()
      .error.fields.map((f) => f.message);
    expect(messages).toEqual([
      "立行立改的默认时限应为反馈后1到366天",
      "长期坚持的阶段检视周期应为1、3、6或12个月",
    ]);
    const set = await put(
      oversight,
      { ...profile, defaultDeadlines: { immediateDays: 10, longTermReviewMonths: 3 } },
      '"0"',
    );
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({
      defaultDeadlines: { immediateDays: 10, longTermReviewMonths: 3 },
      dates: { immediateDefault: "2021-03-14" },
    });
    // Read back from the database, not from the answer of the write.
    const again = await t.app.inject({ method: "GET", url: url(), headers: leader.headers });
    expect(again.json()).toMatchObject({ defaultDeadlines: { immediateDays: 10, longTermReviewMonths: 3 } });
    // The undated 立行立改 measure of the ledger is judged against the new default.
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const undated = measures.find((m) => m.text === "立即清退违规津补贴")!;
    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger`,
      headers: leader.headers,
    });
    const warned = ledger
      .json<{
        problems: { measures: { id: string; warning: { judgedAgainst?: string; defaulted?: boolean } }[] }[];
      }>()
      .problems.flatMap((p) => p.measures)
      .find((m) => m.id === undated.id);
    expect(warned?.warning).toMatchObject({ judgedAgainst: "2021-03-14", defaulted: true });
  });

  it("sets the profile with If-Match, moves the inspection's dates and records the change", async () => {
    expect((await put(oversight, PROFILE, undefined)).statusCode).toBe(428);
    const res = await put(oversight, PROFILE, '"0"');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      ...PROFILE,
      isDefault: false,
      version: 1,
      dates: { reportDue: "2021-06-04", concentratedEnd: "2021-05-31" },
    });
    const inspection = await t.deps.store.inspections.get(SCOPE_ALL, inspectionId);
    expect(inspection).toMatchObject({ reportDue: "2021-06-04", concentratedEnd: "2021-05-31" });

    // A colleague who read version 0 cannot overwrite it.
    const stale = await put(oversight, { ...PROFILE, cadence: "monthly" }, '"0"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "deadline_profile_changed" } });
    const again = await put(oversight, { ...PROFILE, cadence: "fortnightly" }, '"1"');
    expect(again.json()).toMatchObject({ cadence: "fortnightly", version: 2 });

    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    const changes = events.filter((e) => e.action === "inspection.set_deadline_profile");
    expect(changes).toHaveLength(2);
    expect(changes[0]!.data).toMatchObject({ before: null, after: { cadence: "weekly" } });
    expect(changes[1]!.data).toMatchObject({
      before: { cadence: "weekly" },
      after: { cadence: "fortnightly" },
    });
  });

  it("refuses thresholds out of order with a registered code and a Chinese message", async () => {
    const res = await put(
      oversight,
      { ...PROFILE, thresholds: { green: 5, yellow: 10, red: 0, basis: "calendar" } },
      '"0"',
    );
    expect(res.statusCode).toBe(400);
    const { error } = res.json<{
      error: { code: string; message: string; fields: Array<{ path: string }> };
    }>();
    expect(error.code).toBe("invalid_warning_thresholds");
    expect(error.message).toContain("绿色预警天数 ≥ 黄色预警天数 ≥ 红色预警天数");
    expect(error.fields.map((f) => f.path)).toEqual(["thresholds"]);

    const negative = await put(
      oversight,
      { ...PROFILE, thresholds: { green: 5, yellow: 2, red: -1, basis: "calendar" } },
      '"0"',
    );
    expect(negative.json()).toMatchObject({ error: { code: "invalid_warning_thresholds" } });
    const fraction = await put(
      oversight,
      { ...PROFILE, thresholds: { green: 5.5, yellow: 2, red: 0, basis: "calendar" } },
      '"0"',
    );
    expect(fraction.json()).toMatchObject({ error: { code: "invalid_warning_thresholds" } });

    const months = await put(oversight, { ...PROFILE, reportMonths: 4 }, '"0"');
    expect(months.statusCode).toBe(400);
    expect(months.json<{ error: { message: string } }>().error.message).toContain("1、2、3或6个月");
    const early = await put(oversight, { ...PROFILE, concentratedEnd: "2021-01-01" }, '"0"');
    expect(early.json<{ error: { message: string } }>().error.message).toContain("不能早于反馈日期");
    expect(await t.deps.store.deadlineProfiles.get(inspectionId)).toBeUndefined();
  });

  it("lets the unit leader and the unit office read but not change it: the unit does not set how it is chased", async () => {
    for (const user of [leader, office]) {
      const res = await put(user, PROFILE, '"0"');
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { message: string } }>().error.message).toContain("督办预警");
    }
    expect((await t.app.inject({ method: "GET", url: url(), headers: office.headers })).statusCode).toBe(200);
  });
});
