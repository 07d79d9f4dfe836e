// The supervision register over HTTP on both databases (issue 12 item 3): notices numbered by the system, never twice,
// even when issued at once; the unit's written reply (late ones flagged); 告诫 and 约谈 only after a notice's reply
// time has run out for measures still overdue; the latest step on the warning board; every step audited.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import mammoth from "mammoth";
import {
  openTestApp,
  signedInUser,
  signIn,
  TEST_PASSWORD,
  type SignedInUser,
  type TestApp,
} from "./http-test-app.ts";

interface Action {
  id: string;
  kind: string;
  docNumber: string | null;
  replyBy: string | null;
  replyStatus: string | null;
  measures: Array<{ measureId: string }>;
}

describe.each(testDatabases)("supervision register over HTTP on $name", (database) => {
  let t: TestApp;
  let inspectionId: string;
  let unitId: string;
  let oversight: SignedInUser;
  let office: SignedInUser;
  let lateMeasure: string;
  let dueMeasure: string;

  beforeEach(async () => {
    // The test clock stands at 2021-06-30 (a Wednesday) in Shanghai.
    t = await openTestApp({}, database);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            measures: [
              makeMeasure({ text: "逾期的措施", deadline: "2021-06-20" }),
              makeMeasure({ text: "今日到期的措施", deadline: "2021-06-30" }),
            ],
          }),
        ],
      }),
    );
    inspectionId = created.inspectionId;
    unitId = created.unitId;
    const measures = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    lateMeasure = measures.find((m) => m.text === "逾期的措施")!.id;
    dueMeasure = measures.find((m) => m.text === "今日到期的措施")!.id;
    const orgs = await t.deps.store.orgs.list(SCOPE_ALL);
    oversight = await signedInUser(t, "xcb", {
      role: "oversight",
      orgId: orgs.find((o) => o.name === "市委巡察办")!.id,
    });
    office = await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
  });
  afterEach(async () => t.close());

  const issue = (payload: object = { format: "md" }) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${inspectionId}/supervision-notices`,
      headers: oversight.headers,
      payload,
    });
  const register = async (user = oversight) => {
    const res = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/supervision-actions`,
      headers: user.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Action[]; awaitingReply: number; replyOverdue: number }>();
  };
  const replyTo = (actionId: string, payload: object, user = office) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/supervision-actions/${actionId}/reply`,
      headers: user.headers,
      payload,
    });
  const escalate = (payload: object, user = oversight) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/inspections/${inspectionId}/supervision-actions`,
      headers: user.headers,
      payload,
    });
  /** Moves the clock on and signs both in again (their sessions lapsed meanwhile). */
  const daysLater = async (days: number) => {
    t.clock.advanceMinutes(days * 24 * 60);
    oversight = await signIn(t.app, "xcb", TEST_PASSWORD);
    office = await signIn(t.app, "office", TEST_PASSWORD);
  };
  const admonition = {
    kind: "admonition",
    content: "限期完成整改，逾期将约谈",
    warned: ["王五（党组书记）"],
  };
  const talk = {
    kind: "talk",
    heldOn: "2021-07-09",
    place: "市委巡察办会议室",
    talkedTo: ["王五（党组书记）"],
    heldBy: ["赵六（巡察办主任）"],
    summary: "指出整改进度滞后的问题",
    followUp: "7月底前书面报告整改结果",
  };

  it("numbers eight notices issued at once 1 to 8 of the office's year, each recorded once", async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => issue()));
    for (const res of answers) expect(res.statusCode, res.body).toBe(200);
    const numbers = answers.map((r) => decodeURIComponent(String(r.headers["x-doc-number"])));
    expect([...numbers].sort((a, b) => a.length - b.length || a.localeCompare(b))).toEqual(
      Array.from({ length: 8 }, (_, i) => `市委巡察办督〔2021〕${i + 1}号`),
    );
    // The number is kept in the register and the audit event.
    const items = (await register()).items;
    expect(items.map((a) => a.docNumber).sort()).toEqual([...numbers].sort());
    expect(items[0]).toMatchObject({ kind: "notice", replyBy: "2021-07-07", replyStatus: "awaiting" });
    expect(items[0]!.measures.map((m) => m.measureId)).toEqual([lateMeasure, dueMeasure]);
    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    const issued = events.filter((e) => e.action === "supervision_notice.issue");
    expect(issued.map((e) => (e.data as { docNumber: string }).docNumber).sort()).toEqual(
      [...numbers].sort(),
    );
    expect(issued.map((e) => (e.data as { actionId: string }).actionId).sort()).toEqual(
      items.map((a) => a.id).sort(),
    );
  });

  it("leaves the ledger answer as it was for measures never supervised", async () => {
    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger`,
      headers: oversight.headers,
    });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.body).not.toContain('"ladder"');
    const measure = await t.app.inject({
      method: "GET",
      url: `/api/v1/measures/${lateMeasure}`,
      headers: oversight.headers,
    });
    expect(measure.json()).toMatchObject({ ladder: null });
  });

  it("refuses a 发文字号 already given (409) and skips a typed number in its own series", async () => {
    expect((await issue({ format: "md", docNumber: "市委巡察办督〔2021〕1号" })).statusCode).toBe(200);
    const taken = await issue({ format: "md", docNumber: "市委巡察办督[2021]第01号" });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      error: {
        code: "supervision_number_taken",
        message: expect.stringContaining("市委巡察办督〔2021〕1号") as string,
      },
    });
    const next = await issue({ format: "docx" });
    expect(decodeURIComponent(String(next.headers["x-doc-number"]))).toBe("市委巡察办督〔2021〕2号");
    // The number is printed in the document.
    const { value } = await mammoth.extractRawText({ buffer: next.rawPayload });
    expect(value).toContain("市委巡察办督〔2021〕2号");
    expect((await register()).items).toHaveLength(2);
  });

  it("records the unit's reply, flags one after the reply date as late, and only once", async () => {
    const onTime = String((await issue()).headers["x-supervision-action"]);
    const late = String((await issue()).headers["x-supervision-action"]);
    expect((await register()).awaitingReply).toBe(2);
    await daysLater(10); // 2021-07-10, after the reply date 2021-07-07
    expect(await register()).toMatchObject({ awaitingReply: 2, replyOverdue: 2 });
    const res = await replyTo(onTime, {
      receivedOn: "2021-07-06",
      summary: "已整改一项",
      evidence: "文联〔2021〕9号",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      replyStatus: "replied",
      reply: { receivedOn: "2021-07-06", evidence: "文联〔2021〕9号" },
    });
    const lateRes = await replyTo(late, { receivedOn: "2021-07-09", summary: "正在整改" });
    expect(lateRes.json()).toMatchObject({ replyStatus: "replied_late" });
    expect(await register()).toMatchObject({ awaitingReply: 0, replyOverdue: 0 });
    const again = await replyTo(late, { receivedOn: "2021-07-09", summary: "再次回复" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: "supervision_reply_exists" } });
    const events = await t.deps.store.audit.listForEntity("inspection", inspectionId);
    expect(
      events
        .filter((e) => e.action === "supervision_notice.reply")
        .map((e) => (e.data as { late: boolean }).late),
    ).toEqual([false, true]);
  });

  it("refuses a reply before the notice, in the future, or recorded by the inspection office", async () => {
    const id = String((await issue()).headers["x-supervision-action"]);
    const early = await replyTo(id, { receivedOn: "2021-06-29", summary: "x" });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      error: { code: "invalid_input", fields: [{ path: "receivedOn" }] },
    });
    expect((await replyTo(id, { receivedOn: "2021-07-01", summary: "x" })).statusCode).toBe(400);
    const byOffice = await replyTo(id, { receivedOn: "2021-06-30", summary: "x" }, oversight);
    expect(byOffice.statusCode).toBe(403);
    expect((await replyTo("sva-none", { receivedOn: "2021-06-30", summary: "x" })).statusCode).toBe(404);
  });

  it("refuses a 告诫 before any notice and while the reply time runs, naming the missing step", async () => {
    const none = await escalate(admonition);
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({
      error: {
        code: "supervision_step_missing",
        message: expect.stringContaining("尚未下发督办通知") as string,
      },
    });
    await issue();
    await daysLater(7); // 2021-07-07: the reply date itself, time still running
    const running = await escalate(admonition);
    expect(running.statusCode).toBe(409);
    expect(running.json<{ error: { message: string } }>().error.message).toContain("2021-07-07才届满");
  });

  it("records a 告诫 and a 约谈 for measures still overdue after the reply date, shown on the board", async () => {
    await issue();
    await daysLater(9); // 2021-07-09
    const admonished = await escalate(admonition);
    expect(admonished.statusCode, admonished.body).toBe(201);
    expect(admonished.json()).toMatchObject({
      kind: "admonition",
      docNumber: null,
      issuedOn: "2021-07-09",
      admonition: { content: admonition.content, warned: admonition.warned },
      talk: null,
    });
    // Both measures are overdue by now and were in the notice.
    expect(
      admonished
        .json<Action>()
        .measures.map((m) => m.measureId)
        .sort(),
    ).toEqual([lateMeasure, dueMeasure].sort());
    t.clock.advanceMinutes(1);
    const talked = await escalate({ ...talk, measureIds: [lateMeasure] });
    expect(talked.statusCode, talked.body).toBe(201);
    expect(talked.json()).toMatchObject({ kind: "talk", talk: { place: "市委巡察办会议室" } });

    const board = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/warnings`,
      headers: oversight.headers,
    });
    const overdue = board.json<{
      groups: { overdue: Array<{ measureId: string; ladder: { kind: string } | null }> };
    }>().groups.overdue;
    expect(overdue.find((m) => m.measureId === lateMeasure)!.ladder).toMatchObject({
      kind: "talk",
      on: "2021-07-09",
    });
    expect(overdue.find((m) => m.measureId === dueMeasure)!.ladder).toMatchObject({ kind: "admonition" });
    // The ledger and the measure carry the step too; a measure never supervised has no `ladder` key at all.
    const ledger = await t.app.inject({
      method: "GET",
      url: `/api/v1/inspections/${inspectionId}/ledger`,
      headers: oversight.headers,
    });
    const ledgerMeasures = ledger
      .json<{ problems: Array<{ measures: Array<{ id: string; ladder?: { kind: string } }> }> }>()
      .problems.flatMap((p) => p.measures);
    expect(ledgerMeasures.find((m) => m.id === lateMeasure)!.ladder).toMatchObject({ kind: "talk" });
    const measure = await t.app.inject({
      method: "GET",
      url: `/api/v1/measures/${dueMeasure}`,
      headers: oversight.headers,
    });
    expect(measure.json()).toMatchObject({ ladder: { kind: "admonition", on: "2021-07-09" } });
    const actions = (await t.deps.store.audit.listForEntity("inspection", inspectionId)).map((e) => e.action);
    expect(actions).toContain("supervision.admonish");
    expect(actions).toContain("supervision.talk");
  });

  it("names a chosen measure that was never in a notice, and refuses the unit office and the unit's own accounts", async () => {
    const other = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({ problems: [makeProblem({ measures: [makeMeasure({ deadline: "2021-06-01" })] })] }),
    );
    void other;
    await issue();
    await daysLater(9);
    const extra = await t.deps.store.measures.listByInspection(SCOPE_ALL, inspectionId);
    expect(extra).toHaveLength(2);
    const closed = await escalate({ ...admonition, measureIds: ["msr-unknown"] });
    expect(closed.statusCode).toBe(404);
    expect((await escalate(admonition, office)).statusCode).toBe(403);
    const insider = await signedInUser(t, "insider", { role: "oversight", orgId: unitId });
    const own = await escalate(admonition, insider);
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ error: { message: "被巡察单位不能对本单位告诫" } });
  });
});
