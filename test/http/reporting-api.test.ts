// The reporting cycle over HTTP on both databases: the periods from the feedback date with their due working days, and
// for one period the measures lacking a progress report by department (late ones apart), over what the caller sees.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { decideExtension, requestExtension } from "../../src/app/extensions.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

interface Department {
  name: string;
  required: number;
  onTime: number;
  late: number;
  missing: number;
  lateMeasures: Array<{ text: string }>;
  missingMeasures: Array<{ text: string }>;
}
interface Cycle {
  cadence: string;
  periods: Array<{ key: string; start: string; end: string; due: string }>;
  chosen: {
    period: { key: string; due: string };
    dueReached: boolean;
    required: number;
    onTime: number;
    late: number;
    missing: number;
    departments: Department[];
  } | null;
}

describe.each(testDatabases)("reporting cycle over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let office: SignedInUser;
  let reporter: SignedInUser;

  beforeEach(async () => {
    // The test clock stands at 2021-06-30 in Shanghai; the feedback was on 2021-03-04.
    t = await openTestApp({}, database);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            title: "四风问题依然存在",
            measures: [
              makeMeasure({ text: "按期报送" }),
              makeMeasure({ text: "逾期报送", department: "财务科" }),
              makeMeasure({ text: "未报送" }),
              makeMeasure({ text: "早已销号", state: "closed", closedOn: "2021-04-10" }),
              makeMeasure({ text: "长期坚持", kind: "long_term", state: "closed", deadline: null }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const id = (text: string) => measures.find((m) => m.text === text)!.id;
    const report = (n: number, text: string, period: string, createdAt: string) => ({
      id: `rpt-${n}`,
      measureId: id(text),
      period,
      text: "推进中",
      figures: [],
      authorId: null,
      createdAt,
    });
    await t.deps.store.progress.insertReports([
      // May's reports are due on Monday 7 June 2021 (5th working day after 31 May; 1–4 June are Tuesday–Friday).
      report(1, "按期报送", "2021-05", "2021-06-07T15:00:00.000Z"),
      report(2, "逾期报送", "2021-05", "2021-06-07T16:00:00.000Z"), // 8 June in Shanghai: late
      report(3, "未报送", "2021-04", "2021-05-06T02:00:00.000Z"), // April's, not May's
    ]);
    const finance = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "财务科")!;
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    reporter = await signedInUser(t, "cwk", { role: "department_reporter", orgId: finance.id });
  });
  afterEach(async () => t.close());

  const get = async (query: string, user: SignedInUser = office) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/reporting${query}`,
      headers: user.headers,
    });
    return res;
  };
  const cycle = async (query = "", user: SignedInUser = office): Promise<Cycle> => {
    const res = await get(query, user);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Cycle>();
  };

  it("lists the monthly periods from the feedback date, each due the 5th working day after it ends", async () => {
    const c = await cycle();
    expect(c.cadence).toBe("monthly");
    expect(c.periods.map((p) => [p.key, p.start, p.end, p.due])).toEqual([
      // 3–5 April 2021 were 清明: April's 1st, 2nd, 6th, 7th and 8th are the five working days.
      ["2021-03", "2021-03-04", "2021-03-31", "2021-04-08"],
      // 1–5 May were 劳动节 and Saturday 8 May a working day: 6, 7, 8, 10 and 11 May.
      ["2021-04", "2021-04-01", "2021-04-30", "2021-05-11"],
      ["2021-05", "2021-05-01", "2021-05-31", "2021-06-07"],
      ["2021-06", "2021-06-01", "2021-06-30", "2021-07-07"],
    ]);
  });

  it("chooses the last period due before today and lists missing and late reports by department", async () => {
    const c = await cycle();
    expect(c.chosen).toMatchObject({
      period: { key: "2021-05", due: "2021-06-07" },
      dueReached: true,
      required: 4,
      onTime: 1,
      late: 1,
      missing: 2,
    });
    expect(
      c.chosen!.departments.map((d) => [
        d.name,
        d.required,
        d.onTime,
        d.late,
        d.missingMeasures.map((m) => m.text),
        d.lateMeasures.map((m) => m.text),
      ]),
    ).toEqual([
      ["办公室", 3, 1, 0, ["未报送", "长期坚持"], []],
      ["财务科", 1, 0, 1, [], ["逾期报送"]],
    ]);
  });

  it("answers a period asked for, and the same period judged on an earlier day", async () => {
    // In April the measure closed on 10 April still had to report: five required.
    const april = await cycle("?period=2021-04");
    expect(april.chosen).toMatchObject({ period: { key: "2021-04" }, required: 5, onTime: 1, missing: 4 });
    const early = await cycle("?period=2021-05&asOf=2021-06-05");
    expect(early.chosen).toMatchObject({ dueReached: false, onTime: 0, late: 0, missing: 4 });
  });

  it("shows a department reporter their own department only", async () => {
    const c = await cycle("", reporter);
    expect(c.chosen!.departments.map((d) => [d.name, d.required, d.late])).toEqual([["财务科", 1, 1]]);
  });

  it("counts 完成率 and 按期完成率 of the measures the caller sees, extended measures apart", async () => {
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const extension = await requestExtension(
      t.deps,
      SYSTEM_CALLER,
      measures.find((m) => m.text === "未报送")!.id,
      {
        reason: "需跨部门协调",
        newDeadline: "2021-07-31",
      },
    );
    await decideExtension(t.deps, SYSTEM_CALLER, extension.id, { decision: "approved" });
    const completion = async (user: SignedInUser) => {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/statistics/completion",
        headers: user.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ asOf: string; completion: Record<string, unknown> }>();
    };
    // Closed on 10 April (deadline 30 June) and the long-term one without a date: both on time.
    expect(await completion(office)).toEqual({
      asOf: "2021-06-30",
      completion: {
        measures: 5,
        completed: 2,
        completedOnTime: 2,
        extended: 1,
        completedWithinExtension: 0,
        completedUndated: 0,
        completionRate: "40.00",
        onTimeRate: "40.00",
      },
    });
    expect((await completion(reporter)).completion).toMatchObject({ measures: 1, completed: 0, extended: 0 });
  });

  it("lists over the caller's scope the departments short of reports in each inspection's last period due", async () => {
    const overview = async (user: SignedInUser) => {
      const res = await t.app.inject({
        method: "GET",
        url: "/api/v1/statistics/reporting",
        headers: user.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ shortfalls: Array<Record<string, unknown>>; inspectionsRead: number }>();
    };
    const seen = await overview(office);
    expect(seen.inspectionsRead).toBe(1);
    expect(seen.shortfalls.map((s) => [s.department, s.periodLabel, s.missing, s.late])).toEqual([
      ["办公室", "2021年5月", 2, 0],
      ["财务科", "2021年5月", 0, 1],
    ]);
    expect((await overview(reporter)).shortfalls.map((s) => s.department)).toEqual(["财务科"]);
  });

  it("refuses a period outside the cycle, naming the field and the periods there are", async () => {
    const res = await get("?period=2022-01");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: "invalid_input",
        fields: [{ path: "period", message: "可选的报送期间：2021-03至2021-06" }],
      },
    });
  });

  it("follows the profile's cadence: weekly periods due the next working day", async () => {
    const inspection = await t.deps.store.inspections.get(SCOPE_ALL, inspectionId);
    const oversight = await signedInUser(t, "xcb", { role: "oversight", orgId: inspection!.oversightOrgId });
    const put = await t.app.inject({
      method: "PUT",
      url: `/api/v1/inspections/${inspectionId}/deadline-profile`,
      payload: {
        thresholds: { green: 20, yellow: 10, red: 0, basis: "calendar" },
        cadence: "weekly",
        reportMonths: 2,
        concentratedEnd: null,
      },
      headers: { ...oversight.headers, "if-match": '"0"' },
    });
    expect(put.statusCode, put.body).toBe(200);
    const c = await cycle();
    expect(c.cadence).toBe("weekly");
    expect(c.periods[0]).toMatchObject({
      key: "2021-W09",
      start: "2021-03-04",
      end: "2021-03-07",
      due: "2021-03-08",
    });
    expect(c.chosen!.period).toMatchObject({ key: "2021-W25" });
  });
});
