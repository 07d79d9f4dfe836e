// Downloads over HTTP on both databases: the ledger workbook opens back in exceljs (and imports again through the
// upload route), the notice .docx unzips and holds the title, a publication is recorded; roles and scope are kept.

import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SHEET_NAMES } from "../../src/documents/xlsx/ledger-columns.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeProblem } from "../support/ledger-builders.ts";
import { readZip } from "../support/read-zip.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";
import { multipartBody } from "./multipart-body.ts";

describe.each(testDatabases)("downloads over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let otherInspection: string;
  let unitId: string;
  let office: SignedInUser;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    ({ inspectionId, unitId } = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger()));
    ({ inspectionId: otherInspection } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ unitName: "市科协党组" }),
    ));
    office = await signedInUser(t, "office.wl", { role: "unit_office", orgId: unitId });
  });
  afterEach(async () => t.close());

  const get = (user: SignedInUser, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: user.cookie } });
  const notice = (user: SignedInUser, id: string, options: Record<string, string | object> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${id}/notice`,
      headers: user.headers,
      payload: options,
    });

  it("streams the ledger as an .xlsx attachment that exceljs opens, and that imports back", async () => {
    const res = await get(office, `/api/v1/inspections/${inspectionId}/ledger.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    const disposition = String(res.headers["content-disposition"]);
    expect(disposition).toBe(
      `attachment; filename="ledger-${inspectionId}-2021-06-30.xlsx"; filename*=UTF-8''${encodeURIComponent("市文联党组整改台账-2021-06-30.xlsx")}`,
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const text = workbook.worksheets
      .flatMap((ws) => ws.getSheetValues().flat())
      .map((v) => (typeof v === "string" ? v : JSON.stringify(v ?? null)))
      .join("\n");
    for (const title of ["四风问题依然存在", "党建工作质量不高", "执行财务管理制度不够严格"])
      expect(text).toContain(title);

    const body = multipartBody([
      { name: "unitId", value: unitId },
      { name: "file", fileName: "ledger.xlsx", content: res.rawPayload },
    ]);
    const staged = await t.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: { ...office.headers, "content-type": body.contentType },
      payload: body.payload,
    });
    expect(staged.statusCode).toBe(201);
    expect(staged.json()).toMatchObject({
      kind: "ledger",
      confirmable: true,
      preview: { counts: { aspects: 2, problems: 3, measures: 5 }, errors: [] },
    });
  });

  it("exports exactly the filtered measures and the problems holding them, and says the filter in 汇总", async () => {
    const sheetText = async (payload: Buffer, sheet: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(payload as unknown as ArrayBuffer);
      return (workbook.getWorksheet(sheet)?.getSheetValues() ?? [])
        .flat()
        .map((v) => (typeof v === "string" ? v : JSON.stringify(v ?? null)))
        .join("\n");
    };
    const url = `/api/v1/inspections/${inspectionId}/ledger.xlsx`;
    const overdue = await get(office, `${url}?overdue=true`);
    expect(overdue.statusCode).toBe(200);
    expect(String(overdue.headers["content-disposition"])).toContain(
      encodeURIComponent("市文联党组整改台账（筛选）-2021-06-30.xlsx"),
    );
    const problems = await sheetText(overdue.rawPayload, SHEET_NAMES.problems);
    expect(problems).toContain("执行财务管理制度不够严格");
    expect(problems).not.toContain("四风问题依然存在");
    expect(problems).not.toContain("党建工作质量不高");
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const overdueRows = (await sheetText(overdue.rawPayload, SHEET_NAMES.measures)).match(
      /2021-05-31|2021年5月31日/g,
    );
    expect(overdueRows?.length ?? 0).toBeGreaterThan(0);
    const summary = await sheetText(overdue.rawPayload, SHEET_NAMES.summary);
    expect(summary).toContain("仅逾期");
    expect(summary).toContain("本表所列问题");

    // Status and text together: the two closed measures of 四风问题, none of the other problems.
    const closed = await get(office, `${url}?state=closed&q=${encodeURIComponent("四风")}`);
    const closedProblems = await sheetText(closed.rawPayload, SHEET_NAMES.problems);
    expect(closedProblems).toContain("四风问题依然存在");
    expect(closedProblems).not.toContain("执行财务管理制度不够严格");
    expect(await sheetText(closed.rawPayload, SHEET_NAMES.summary)).toContain("状态：已销号；包含“四风”");
    expect(measures.length).toBe(5);

    // Words of a problem's feedback text (not of its title) find its measures, as on the ledger page.
    const { inspectionId: withFeedback } = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({ title: "公务接待不规范", feedbackText: "超标准接待3次，陪餐人数超出规定" }),
          makeProblem({ title: "党建工作质量不高" }),
        ],
      }),
    );
    const byFeedback = await get(
      office,
      `/api/v1/inspections/${withFeedback}/ledger.xlsx?q=${encodeURIComponent("陪餐人数")}`,
    );
    const found = await sheetText(byFeedback.rawPayload, SHEET_NAMES.problems);
    expect(found).toContain("公务接待不规范");
    expect(found).not.toContain("党建工作质量不高");

    // By department: every measure of the example is the 办公室's.
    const office办公室 = measures[0]!.departmentId!;
    const byDepartment = await get(office, `${url}?departmentId=${office办公室}&kind=long_term`);
    const longTerm = await sheetText(byDepartment.rawPayload, SHEET_NAMES.problems);
    expect(longTerm).toContain("党建工作质量不高");
    expect(longTerm).not.toContain("四风问题依然存在");

    // By person: the example's measures all name 张三 as responsible and 杨建 as lead leader.
    const personId = measures[0]!.personId!;
    const byPerson = await get(office, `${url}?personId=${personId}&state=in_progress`);
    expect(byPerson.statusCode).toBe(200);
    expect(await sheetText(byPerson.rawPayload, SHEET_NAMES.summary)).toContain("责任人：张三");
    const others = await t.deps.store.measures.listByInspection(SCOPE_ALL, otherInspection);
    expect((await get(office, `${url}?personId=${others[0]!.personId!}`)).statusCode).toBe(404);

    // A department of another unit is refused, not ignored; a wrong kind is named.
    const foreign = await get(office, `${url}?departmentId=${others[0]!.departmentId!}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: "org_not_found" } });
    const wrongKind = await get(office, `${url}?kind=forever`);
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.body).toContain("类型应为");
  });

  it("generates the notice as .docx holding its title, and records the publication", async () => {
    const res = await notice(office, inspectionId, { version: "internal", format: "docx" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(String(res.headers["content-disposition"])).toContain(
      `filename="notice-${inspectionId}-internal.docx"; filename*=UTF-8''${encodeURIComponent("市文联党组整改情况通报（内部版）.docx")}`,
    );
    const entries = await readZip(res.rawPayload);
    const text = (entries.get("word/document.xml") ?? "").replace(/<[^>]+>/g, "");
    expect(text).toContain("市文联党组关于巡察整改情况的通报");

    const published = await notice(office, inspectionId, {
      version: "public",
      layout: "aspect",
      format: "md",
    });
    expect(published.statusCode).toBe(200);
    expect(published.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(published.body).toContain("市文联党组");
    const publications = await t.deps.store.publications.listByInspection(SCOPE_ALL, inspectionId);
    expect(publications.map((p) => [p.version, p.layout, p.format]).sort()).toEqual([
      ["internal", "status", "docx"],
      ["public", "aspect", "md"],
    ]);
    expect(published.headers["x-publication-id"]).toBe(publications.find((p) => p.version === "public")?.id);
    // The publication's audit event names the request that generated it.
    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    const publish = events.filter((e) => e.action.startsWith("notice."));
    expect(publish.at(-1)?.data).toMatchObject({ requestId: String(published.headers["x-request-id"]) });
  });

  it("answers 404 outside the caller's scope and 403 to roles without the right", async () => {
    for (const res of [
      await get(office, `/api/v1/inspections/${otherInspection}/ledger.xlsx`),
      await notice(office, otherInspection),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: "inspection_not_found" } });
    }
    const viewer = await signedInUser(t, "viewer.wl", { role: "viewer", orgId: unitId });
    const refused = await get(viewer, `/api/v1/inspections/${inspectionId}/ledger.xlsx`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: { code: "forbidden", message: "您没有权限导出台账" } });
    expect((await notice(viewer, inspectionId)).statusCode).toBe(403);

    // A unit leader may export the ledger but not generate notices.
    const leader = await signedInUser(t, "leader.wl", { role: "unit_leader", orgId: unitId });
    expect((await get(leader, `/api/v1/inspections/${inspectionId}/ledger.xlsx`)).statusCode).toBe(200);
    const refusedNotice = await notice(leader, inspectionId);
    expect(refusedNotice.statusCode).toBe(403);
    expect(refusedNotice.json()).toMatchObject({ error: { message: "您没有权限生成通报" } });
    expect(await t.deps.store.publications.listByInspection(SCOPE_ALL, inspectionId)).toEqual([]);
  });

  it("prints the 版头/版记 fields a request gives, and says in Chinese when no PDF converter is installed", async () => {
    const res = await notice(office, inspectionId, {
      format: "html",
      official: { docNumber: "市文联党组[2021]第03号", copyTo: ["市委巡察办"] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("市文联党组〔2021〕3号");
    expect(res.body).toContain("市委巡察办");
    // This app has no converter configured (the server passes LibreOffice when it is installed).
    const pdf = await notice(office, inspectionId, { format: "pdf" });
    expect(pdf.statusCode).toBe(503);
    expect(pdf.json()).toMatchObject({ error: { code: "pdf_converter_missing" } });
    expect(pdf.json<{ error: { message: string } }>().error.message).toMatch(/LibreOffice|libreoffice/);
  });

  it("refuses an unknown notice format with 400, and generating by GET is not served", async () => {
    const res = await notice(office, inspectionId, { format: "bogus" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: "invalid_input" } });
    // A GET must not write: generating records a publication, so only POST generates.
    const byGet = await get(office, `/api/v1/inspections/${inspectionId}/notice`);
    expect(byGet.statusCode).toBe(405);
    expect(await t.deps.store.publications.listByInspection(SCOPE_ALL, inspectionId)).toEqual([]);
  });
});
