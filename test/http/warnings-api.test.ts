// Warning states over HTTP on both databases: every measure of the ledger and of a measure's page carries its level
// on the request's Shanghai date, with the inspection's deadline profile and the working-day calendar; the warning
// board groups the measures on the ladder and gives 完成率 and 按期完成率, over what the caller may see.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { decideExtension, requestExtension } from "../../src/app/extensions.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

interface Warned {
  text: string;
  warning: { level: string; reason?: string; daysLeft?: number; daysOverdue?: number; extended?: boolean };
}
interface Board {
  asOf: string;
  groups: Record<"overdue" | "red" | "yellow" | "green", Array<{ text: string; warning: Warned["warning"] }>>;
  counts: Record<string, unknown>;
  completion: Record<string, unknown>;
}

describe.each(testDatabases)("warning states over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let office: SignedInUser;
  let reporter: SignedInUser;
  const measureId = async (text: string) =>
    (await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId)).find((m) => m.text === text)!.id;

  beforeEach(async () => {
    // The test clock stands at 2021-06-30 (a Wednesday) in Shanghai.
    t = await openTestApp({}, database);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            title: "四风问题依然存在",
            measures: [
              makeMeasure({ text: "逾期十天", deadline: "2021-06-20" }),
              makeMeasure({ text: "今天到期", deadline: "2021-06-30" }),
              makeMeasure({ text: "明天到期", deadline: "2021-07-01", department: "财务科" }),
              makeMeasure({ text: "八天后", deadline: "2021-07-08" }),
            ],
          }),
          makeProblem({
            title: "执行财务管理制度不够严格",
            measures: [
              makeMeasure({ text: "十五天后", deadline: "2021-07-15" }),
              makeMeasure({ text: "九月底", deadline: "2021-09-30" }),
              makeMeasure({ text: "立行立改无时限", kind: "immediate", deadline: null }),
              makeMeasure({ text: "长期坚持", kind: "long_term", deadline: null }),
              makeMeasure({ text: "已销号", state: "closed" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const finance = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "财务科")!;
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
    reporter = await signedInUser(t, "cwk", { role: "department_reporter", orgId: finance.id });
  });
  afterEach(async () => t.close());

  /** The inspection office: it sets how the unit is chased (督办设置). */
  const oversightUser = async () => {
    const inspection = await t.deps.store.inspections.get(SCOPE_ALL, inspectionId);
    return signedInUser(t, "xunchaban", { role: "oversight", orgId: inspection!.oversightOrgId });
  };
  const get = async <T>(url: string, user: SignedInUser = office): Promise<T> => {
    const res = await t.app.inject({ method: "GET", url, headers: user.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  const ledgerWarnings = async () => {
    const ledger = await get<{ problems: Array<{ measures: Warned[] }> }>(
      `/api/v1/inspections/${inspectionId}/ledger`,
    );
    return Object.fromEntries(ledger.problems.flatMap((p) => p.measures).map((m) => [m.text, m.warning]));
  };

  it("gives every measure of the ledger its level with the default 20/10/0 calendar days", async () => {
    const w = await ledgerWarnings();
    expect(w["逾期十天"]).toMatchObject({
      level: "overdue",
      daysOverdue: 10,
      daysLeft: 0,
      judgedAgainst: "2021-06-20",
    });
    expect(w["今天到期"]).toMatchObject({ level: "red", daysLeft: 0 });
    expect(w["明天到期"]).toMatchObject({ level: "yellow", daysLeft: 1 });
    expect(w["八天后"]).toMatchObject({ level: "yellow", daysLeft: 8, basis: "calendar" });
    expect(w["十五天后"]).toMatchObject({ level: "green", daysLeft: 15 });
    expect(w["九月底"]).toMatchObject({ level: "normal", daysLeft: 92 });
    // Without a deadline of their own, by the profile's defaults for their kind (feedback 2021-03-04): 立行立改 30 days
    // after it, 长期坚持 at the next six-monthly stage review.
    expect(w["立行立改无时限"]).toMatchObject({
      level: "overdue",
      judgedAgainst: "2021-04-03",
      defaulted: true,
      daysOverdue: 88,
    });
    expect(w["长期坚持"]).toMatchObject({ level: "normal", judgedAgainst: "2021-09-04", defaulted: true });
    expect(w["逾期十天"]).toMatchObject({ defaulted: false });
    expect(w["已销号"]).toEqual({ level: "not_warned", reason: "closed" });

    const detail = await get<{ warning: Warned["warning"] }>(`/api/v1/measures/${await measureId("八天后")}`);
    expect(detail.warning).toMatchObject({ level: "yellow", daysLeft: 8 });
  });

  it("judges with the inspection's profile: working days and thresholds of its own", async () => {
    const res = await t.app.inject({
      method: "PUT",
      url: `/api/v1/inspections/${inspectionId}/deadline-profile`,
      payload: {
        thresholds: { green: 10, yellow: 5, red: 1, basis: "working" },
        cadence: "monthly",
        reportMonths: 2,
        concentratedEnd: null,
      },
      headers: { ...(await oversightUser()).headers, "if-match": '"0"' },
    });
    expect(res.statusCode).toBe(200);
    const w = await ledgerWarnings();
    expect(w["明天到期"]).toMatchObject({ level: "red", daysLeft: 1, basis: "working" });
    // 1, 2, 5, 6, 7 and 8 July are working days.
    expect(w["八天后"]).toMatchObject({ level: "green", daysLeft: 6 });
    expect(w["十五天后"]).toMatchObject({ level: "normal", daysLeft: 11 });
    expect(w["逾期十天"]).toMatchObject({ level: "overdue", daysOverdue: 10 });
  });

  it("judges an extended measure against its new date and keeps the first one", async () => {
    const extension = await requestExtension(t.deps, SYSTEM_CALLER, await measureId("逾期十天"), {
      reason: "需跨部门协调",
      newDeadline: "2021-07-05",
    });
    await decideExtension(t.deps, SYSTEM_CALLER, extension.id, { decision: "approved" });
    expect((await ledgerWarnings())["逾期十天"]).toMatchObject({
      level: "yellow",
      daysLeft: 5,
      judgedAgainst: "2021-07-05",
      originalDeadline: "2021-06-20",
      extended: true,
    });
  });

  it("lists the board by level, most urgent first, with 完成率 and 按期完成率", async () => {
    const board = await get<Board>(`/api/v1/inspections/${inspectionId}/warnings`);
    expect(board.asOf).toBe("2021-06-30");
    const texts = (level: keyof Board["groups"]) => board.groups[level].map((m) => m.text);
    expect(texts("overdue")).toEqual(["立行立改无时限", "逾期十天"]);
    expect(texts("red")).toEqual(["今天到期"]);
    expect(texts("yellow")).toEqual(["明天到期", "八天后"]);
    expect(texts("green")).toEqual(["十五天后"]);
    expect(board.counts).toEqual({
      normal: 2,
      green: 1,
      yellow: 2,
      red: 1,
      overdue: 2,
      notWarned: { closed: 1, submitted: 0, open_ended: 0, no_deadline: 0 },
    });
    expect(board.completion).toMatchObject({ measures: 9, completed: 1, completionRate: "11.11" });

    const later = await get<Board>(`/api/v1/inspections/${inspectionId}/warnings?asOf=2021-07-09`);
    expect(later.groups.overdue.map((m) => m.text)).toEqual([
      "立行立改无时限",
      "逾期十天",
      "今天到期",
      "明天到期",
      "八天后",
    ]);
  });

  it("shows a department reporter the warnings of their department's measures only", async () => {
    const board = await get<Board>(`/api/v1/inspections/${inspectionId}/warnings`, reporter);
    expect(
      Object.values(board.groups)
        .flat()
        .map((m) => m.text),
    ).toEqual(["明天到期"]);
    expect(board.completion).toMatchObject({ measures: 1, completed: 0 });
  });
});
