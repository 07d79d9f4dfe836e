// The monthly progress bulletin over HTTP on both databases: one unit's .docx read back with mammoth (figures as of the
// month's end, 按期完成率 with extended measures apart, missing reports by department, closed and overdue lists), the
// .xlsx of a round read back with exceljs, and who may make one.

import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { decideExtension, requestExtension } from "../../src/app/extensions.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

const ROUND = "十四届市委第八轮";

describe.each(testDatabases)("monthly progress bulletin over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let office: SignedInUser;

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
              makeMeasure({
                text: "五月按期完成",
                deadline: "2021-05-31",
                state: "closed",
                closedOn: "2021-05-20",
              }),
              makeMeasure({ text: "延期仍逾期", deadline: "2021-04-30" }),
              makeMeasure({
                text: "六月才完成",
                deadline: "2021-05-15",
                state: "closed",
                closedOn: "2021-06-10",
              }),
              makeMeasure({
                text: "四月已完成",
                deadline: "2021-04-30",
                state: "closed",
                closedOn: "2021-04-10",
              }),
              makeMeasure({ text: "长期坚持", kind: "long_term", deadline: null }),
              makeMeasure({ text: "未报进展", deadline: "2021-09-30", department: "财务科" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const id = (text: string) => measures.find((m) => m.text === text)!.id;
    const extension = await requestExtension(t.deps, SYSTEM_CALLER, id("延期仍逾期"), {
      reason: "需跨部门协调",
      newDeadline: "2021-05-20",
    });
    await decideExtension(t.deps, SYSTEM_CALLER, extension.id, { decision: "approved" });
    const report = (n: number, text: string, createdAt: string) => ({
      id: `rpt-${n}`,
      measureId: id(text),
      period: "2021-05",
      text: "推进中",
      figures: [],
      authorId: null,
      createdAt,
    });
    // May's reports were due on 7 June 2021.
    await t.deps.store.progress.insertReports([
      report(1, "长期坚持", "2021-06-02T02:00:00.000Z"),
      report(2, "延期仍逾期", "2021-06-15T02:00:00.000Z"),
    ]);
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
  });
  afterEach(async () => t.close());

  const post = (url: string, payload: object, user: SignedInUser) =>
    t.app.inject({ method: "POST", url, payload, headers: user.headers });

  it("writes one unit's month as an official document with the figures as of the month's end", async () => {
    const res = await post(`/api/v1/inspections/${inspectionId}/bulletins`, { month: "2021-05" }, office);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toContain(
      "市文联党组整改进展通报-2021-05.docx",
    );
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    const text = value.replace(/\s+/g, "");
    expect(text).toContain("关于市文联党组巡察整改2021年5月进展情况的通报");
    expect(text).toContain(
      "整改措施共6项，5月完成销号1项，累计完成2项，完成率33.33%；其中按期完成2项，按期完成率33.33%。" +
        "经批准延期的1项另行统计，其中在延长期限内完成0项，不计入按期完成。截至2021年5月31日，逾期未完成2项。",
    );
    expect(text).toContain(
      "2021年5月的整改进展应于2021年6月7日前报送，截至2021年6月30日，应报送5项，按期报送1项，逾期报送1项，未报送3项。",
    );
    expect(text).toContain("办公室：应报送4项，未报送2项，逾期报送1项。");
    expect(text).toContain("财务科：应报送1项，未报送1项。");
    expect(text).toContain("五月按期完成（责任部门：办公室）。");
    expect(text).toContain("六月才完成（责任部门：办公室；整改时限：2021年5月15日，已逾期16天）");
    expect(text).toContain(
      "延期仍逾期（责任部门：办公室；整改时限：2021年5月20日（原定2021年4月30日，已批准延期），已逾期11天）",
    );
    expect(text).not.toContain("四月已完成（");
    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    expect(events.at(-1)).toMatchObject({
      action: "bulletin.generate",
      data: { month: "2021-05", format: "docx" },
    });
  });

  it("writes a round's month as a workbook: figures per unit, missing reports, overdue measures", async () => {
    await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        unitName: "市文旅局党组",
        problems: [makeProblem({ measures: [makeMeasure({ text: "文旅逾期", deadline: "2021-05-10" })] })],
      }),
    );
    // An example ledger (示例) of the same round is never counted.
    const example = makeLedger({ unitName: "示例单位（示例）" });
    await createLedger(t.deps, SYSTEM_ACTOR, {
      ...example,
      inspection: { ...example.inspection, isExample: true },
    });
    const inspection = await t.deps.store.inspections.get(SCOPE_ALL, inspectionId);
    const oversight = await signedInUser(t, "xcb", { role: "oversight", orgId: inspection!.oversightOrgId });
    const res = await post(
      "/api/v1/round-bulletins",
      { round: ROUND, month: "2021-05", format: "xlsx" },
      oversight,
    );
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) =>
      (wb.getWorksheet(name)!.getSheetValues() as unknown[][]).slice(2).map((r) => r.slice(1));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["整改进展", "未按期报送", "逾期未完成"]);
    expect(rows("整改进展").map((r) => r[0])).toEqual(["市文联党组", "市文旅局党组"]);
    const figures = new Map(rows("整改进展").map((r) => [r[0], r]));
    expect(figures.get("市文联党组")).toEqual([
      "市文联党组",
      "2021-05",
      "2021-05-31",
      6,
      1,
      2,
      33.33,
      2,
      33.33,
      1,
      0,
      0,
      2,
      5,
      1,
      1,
      3,
    ]);
    expect(figures.get("市文旅局党组")?.slice(3, 13)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(
      rows("未按期报送")
        .filter((r) => r[0] === "市文联党组")
        .map((r) => [r[2], r[3], r[7]]),
    ).toEqual([
      ["办公室", "未报送", "五月按期完成"],
      ["办公室", "未报送", "六月才完成"],
      ["办公室", "逾期报送", "延期仍逾期"],
      ["财务科", "未报送", "未报进展"],
    ]);
    // An empty cell (no first deadline) reads back as undefined.
    expect(rows("逾期未完成").map((r) => [r[0], r[4], r[6], r[7], r[8]])).toEqual([
      ["市文联党组", "六月才完成", "2021-05-15", undefined, 16],
      ["市文联党组", "延期仍逾期", "2021-05-20", "2021-04-30", 11],
      ["市文旅局党组", "文旅逾期", "2021-05-10", undefined, 21],
    ]);
  });

  it("refuses a department reporter, a month not yet begun and an unknown round, naming what is wrong", async () => {
    const finance = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "财务科")!;
    const reporter = await signedInUser(t, "cwk", { role: "department_reporter", orgId: finance.id });
    const url = `/api/v1/inspections/${inspectionId}/bulletins`;
    expect((await post(url, { month: "2021-05" }, reporter)).statusCode).toBe(403);
    const future = await post(url, { month: "2021-07" }, office);
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      error: { fields: [{ path: "month", message: "月份不能晚于本月" }] },
    });
    const bad = await post(url, { month: "2021-5" }, office);
    expect(bad.json()).toMatchObject({
      error: { fields: [{ path: "month", message: "月份应写作 YYYY-MM，如 2026-11" }] },
    });
    const none = await post("/api/v1/round-bulletins", { round: "没有这一轮", month: "2021-05" }, office);
    expect(none.statusCode).toBe(404);
  });
});
