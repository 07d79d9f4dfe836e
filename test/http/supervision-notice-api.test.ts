// The supervision notice (督办通知) over HTTP on both databases: the inspection office issues it as an attachment with
// the overdue and red-level measures, their responsibility, how late they are and the reply date counted in working
// days; the unit office cannot issue one to itself; every issue is in the audit trail.

import mammoth from "mammoth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import {
  openTestApp,
  signedInUser,
  signIn,
  TEST_PASSWORD,
  type SignedInUser,
  type TestApp,
} from "./http-test-app.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

describe.each(testDatabases)("supervision notices over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let oversight: SignedInUser;
  let office: SignedInUser;

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
              makeMeasure({
                text: "清理超标配备的办公用房。",
                deadline: "2021-06-20",
                department: "财务科",
                person: "李明",
              }),
              makeMeasure({ text: "已销号的措施", state: "closed", deadline: "2021-05-31" }),
            ],
          }),
          makeProblem({
            title: "执行财务管理制度不够严格",
            measures: [
              makeMeasure({ text: "修订公务接待管理办法", deadline: "2021-06-30" }),
              makeMeasure({ text: "下月到期的措施", deadline: "2021-07-31" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL);
    const office8 = orgs.find((o) => o.name === "市委巡察办")!;
    oversight = await signedInUser(t, "xcb", { role: "oversight", orgId: office8.id });
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
  });
  afterEach(async () => t.close());

  const issue = (user: SignedInUser, payload: object, id = inspectionId) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${id}/supervision-notices`,
      headers: user.headers,
      payload,
    });

  it("answers a .docx holding the overdue and due measures, who answers for them and the reply date", async () => {
    const res = await issue(oversight, { docNumber: "市巡办[2021]第07号" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(DOCX);
    expect(res.headers["content-disposition"]).toContain("attachment;");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("市文联党组督办通知-2021-06-30.docx")}`,
    );
    // 5 working days after Wednesday 30 June 2021: Thu 1, Fri 2, Mon 5, Tue 6, Wed 7 July.
    expect(res.headers["x-reply-by"]).toBe("2021-07-07");
    const { value } = await mammoth.extractRawText({ buffer: res.rawPayload });
    const text = value.replace(/\n+/g, "\n");
    expect(text).toContain("市巡办〔2021〕7号");
    expect(text).toContain("关于督促加快市文联党组巡察整改进度的督办通知");
    expect(text).toContain("市文联党组：");
    expect(text).toContain(
      "清理超标配备的办公用房（责任部门：财务科；责任人：李明；整改时限：2021年6月20日，已逾期10天）。",
    );
    expect(text).toContain(
      "修订公务接待管理办法（责任部门：办公室；责任人：张三；整改时限：2021年6月30日，今日到期）。",
    );
    expect(text).toContain("1项已超过整改时限仍未完成，1项已到整改时限尚未完成");
    expect(text).toContain("请于2021年7月7日前（5个工作日内）");
    expect(text).toContain("书面报送市委巡察办");
    expect(text).not.toContain("已销号的措施");
    expect(text).not.toContain("下月到期的措施");
    expect(text).toContain("2021年6月30日");

    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    const issued = events.find((e) => e.action === "supervision_notice.issue")!;
    expect(issued.actor).toBe((await t.deps.store.users.findByLogin("xcb"))!.id);
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    const idOf = (text: string) => measures.find((m) => m.text === text)!.id;
    expect(issued.data).toMatchObject({
      docNumber: "市巡办〔2021〕7号",
      replyBy: "2021-07-07",
      replyWithinWorkingDays: 5,
      format: "docx",
      measures: [
        { measureId: idOf("清理超标配备的办公用房。"), level: "overdue", daysOverdue: 10 },
        { measureId: idOf("修订公务接待管理办法"), level: "red", daysOverdue: 0 },
      ],
    });
  });

  it("counts the reply time in working days across the weekend, as Markdown for an admin", async () => {
    const admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    const res = await issue(admin, { replyWithinWorkingDays: 3, format: "md" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(res.body).toContain("请于2021年7月5日前（3个工作日内）");
  });

  it("refuses the unit office: a unit does not supervise itself", async () => {
    const res = await issue(office, {});
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: "forbidden", message: "您没有权限下发督办通知" } });
  });

  it("refuses an account of the unit itself even with an oversight grant over it", async () => {
    const unitId = (await t.deps.store.inspections.get(SCOPE_ALL, inspectionId))!.targetOrgId;
    const insider = await signedInUser(t, "insider", { role: "oversight", orgId: unitId });
    const res = await issue(insider, {});
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { code: "forbidden", message: "被巡察单位不能给本单位下发督办通知" },
    });
  });

  it("names the years without holiday data when the reply date is counted into one", async () => {
    expect((await issue(oversight, {})).headers["x-holiday-data-missing"]).toBeUndefined();
    // Five working days from Wednesday 30 December 2026 run into 2027, a year the holiday table does not know yet.
    t.clock.advanceMinutes(
      (Date.parse("2026-12-30T08:00:00Z") - Date.parse("2021-06-30T08:00:00Z")) / 60_000,
    );
    const res = await issue(await signIn(t.app, "xcb", TEST_PASSWORD), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["x-holiday-data-missing"]).toBe("2027");
    expect(res.headers["x-reply-by"]).toBe("2027-01-06");
  });

  it("refuses a reply time that is not 1 to 30 working days, naming the field", async () => {
    const res = await issue(oversight, { replyWithinWorkingDays: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: { code: "invalid_input", fields: [{ path: "replyWithinWorkingDays" }] },
    });
  });

  it("answers 409 nothing_to_supervise when no measure is overdue or due, and records nothing", async () => {
    const calm = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        unitName: "市文联党组",
        problems: [makeProblem({ measures: [makeMeasure({ deadline: "2021-09-30" })] })],
      }),
    );
    const res = await issue(oversight, {}, calm.inspectionId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: "nothing_to_supervise" } });
    const events = await t.deps.store.audit.listForEntity("inspection", calm.inspectionId);
    expect(events.some((e) => e.action === "supervision_notice.issue")).toBe(false);
  });
});
