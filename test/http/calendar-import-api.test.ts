// 导入节假日安排 over HTTP and the command line, on both databases: a whole year entered from the State Council's
// notice in one step (dry run first), all or nothing, audited, and counted by the calendar at once.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { cliEnv, runCli } from "../support/cli-in-process.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

// A 2027 arrangement in the notices' own words (weekdays right for 2027); the package has no 2027 data.
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。`;

describe.each(testDatabases)("importing a year's holiday notice on $name", (database) => {
  let t: TestApp;
  let admin: SignedInUser;
  let office: SignedInUser;

  beforeEach(async () => {
    t = await openTestApp({}, database);
    const created = await createLedger(t.deps, SYSTEM_ACTOR, makeLedger({}));
    admin = await signedInUser(t, "admin", { role: "admin", orgId: null });
    office = await signedInUser(t, "office", { role: "unit_office", orgId: created.unitId });
  });
  afterEach(async () => t.close());

  const post = (user: SignedInUser, payload: object) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/calendar/overrides/import",
      payload,
      headers: user.headers,
    });
  const stored = async () =>
    (await t.deps.store.calendarOverrides.list({ from: "2000-01-01", to: "2100-12-31" })).map(
      (o) => `${o.day} ${o.kind}`,
    );

  it("answers a dry run without storing, then stores the whole year and counts with it", async () => {
    const calendar = () => t.deps.calendar.current(t.deps.store);
    expect((await calendar()).isWorkingDay("2027-02-08")).toBe(true);

    const dry = await post(admin, { text: NOTICE_2027, dryRun: true });
    expect(dry.statusCode).toBe(200);
    const preview = dry.json<{
      year: number;
      items: { day: string; kind: string; name: string }[];
      created: number;
    }>();
    expect(preview.year).toBe(2027);
    expect(preview.items).toHaveLength(3 + 7 + 1 + 7 + 2);
    expect(preview.items.find((i) => i.day === "2027-02-20")).toMatchObject({
      kind: "working",
      name: "春节调休上班",
    });
    expect(await stored()).toEqual([]);

    const done = await post(admin, { text: NOTICE_2027 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ created: 20, replaced: 0, dryRun: false });
    expect(done.json<{ coveredYears: number[] }>().coveredYears).toContain(2027);
    expect(await stored()).toHaveLength(20);
    // Monday 8 February 2027 is in 春节 now, Saturday the 20th is worked; counting into 2027 no longer warns.
    const after = await calendar();
    expect(after.isWorkingDay("2027-02-08")).toBe(false);
    expect(after.isWorkingDay("2027-02-20")).toBe(true);
    expect(after.addWorkingDays("2027-02-04", 1).value).toBe("2027-02-12");
    expect(after.workingDaysBetween("2026-12-31", "2027-02-08").warning).toBeNull();

    const events = await t.deps.store.audit.listForEntity("calendar_override", "2027-01-01..2027-10-09");
    expect(events.map((e) => e.action)).toEqual(["calendar.import_notice"]);
  });

  it("replaces earlier overrides of the same days and lists the year's others, which it keeps", async () => {
    const put = (day: string, kind: string, name: string) =>
      t.app.inject({
        method: "PUT",
        url: `/api/v1/calendar/overrides/${day}`,
        payload: { kind, name },
        headers: admin.headers,
      });
    await put("2027-02-05", "working", "误录");
    await put("2027-06-14", "holiday", "端午节");
    const done = await post(admin, { text: NOTICE_2027 });
    expect(done.json()).toMatchObject({ created: 19, replaced: 1 });
    const body = done.json<{ items: { day: string; before: unknown }[]; notMentioned: { day: string }[] }>();
    expect(body.items.find((i) => i.day === "2027-02-05")?.before).toEqual({ kind: "working", name: "误录" });
    expect(body.notMentioned.map((o) => o.day)).toEqual(["2027-06-14"]);
    expect(await stored()).toContain("2027-06-14 holiday");
    expect(await stored()).toContain("2027-02-05 holiday");
  });

  it("refuses a notice with a wrong weekday, naming the line, and stores nothing", async () => {
    const wrong = NOTICE_2027.replace("2月20日（周六）", "2月20日（周日）");
    const res = await post(admin, { text: wrong });
    expect(res.statusCode).toBe(400);
    const error = res.json<{ error: { code: string; message: string; fields: { message: string }[] } }>()
      .error;
    expect(error.code).toBe("invalid_holiday_notice");
    expect(error.message).toContain("未导入任何日期");
    expect(error.fields[0]!.message).toContain("第3行");
    expect(error.fields[0]!.message).toContain("星期六");
    expect(await stored()).toEqual([]);
  });

  it("is for administrators only, and refuses an empty or oversized text with the field's words", async () => {
    expect((await post(office, { text: NOTICE_2027 })).statusCode).toBe(403);
    const empty = await post(admin, { text: "  " });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<{ error: { fields: { message: string }[] } }>().error.fields[0]!.message).toContain(
      "请粘贴",
    );
    expect((await post(admin, { text: "x".repeat(20_001) })).statusCode).toBe(400);
    expect(await stored()).toEqual([]);
  });
});

describe.each(testDatabases)("zhenggai calendar import on $name", (database) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeEach(async () => {
    const opened = await database.open();
    cleanup = opened.cleanup;
    dir = mkdtempSync(join(tmpdir(), "zhenggai-calendar-import-"));
    env = cliEnv(opened.target, join(dir, "data"));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  const run = (argv: string[]) => runCli(argv, env);

  it("previews with --dry-run, imports a file, and names the line of a mistake", async () => {
    const file = join(dir, "2027.txt");
    writeFileSync(file, NOTICE_2027);
    const dry = await run(["calendar", "import", file, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("2027年");
    expect(dry.out).toContain("未保存");
    expect((await run(["calendar", "list"])).out).toContain("尚无节假日调整");
    const done = await run(["calendar", "import", file]);
    expect(done.code).toBe(0);
    expect(done.out).toContain("新录入 20 天");
    const list = JSON.parse((await run(["calendar", "list", "--json"])).out) as { items: unknown[] };
    expect(list.items).toHaveLength(20);
    writeFileSync(file, NOTICE_2027.replace("（周五）至3日", "（周六）至3日"));
    const bad = await run(["calendar", "import", file]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("第2行");
    expect((await run(["calendar", "import"])).err).toContain("文件");
  });
});
