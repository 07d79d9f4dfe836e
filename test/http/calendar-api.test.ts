// The working-day calendar's overrides over HTTP and the command line, on both databases: administrators only,
// every write audited, and the calendar in the use cases' deps follows the stored overrides at once.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { cliEnv, runCli } from "../support/cli-in-process.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("calendar overrides over HTTP on $name", (database) => {
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

  const put = (user: SignedInUser, day: string, payload: object) =>
    t.app.inject({ method: "PUT", url: `/api/v1/calendar/overrides/${day}`, payload, headers: user.headers });

  it("enters a year the package lacks, and the deps' calendar counts with it at once", async () => {
    const calendar = () => t.deps.calendar.current(t.deps.store);
    // Friday 2027-02-05: without data for 2027 it is a working day, and counting into 2027 warns.
    expect((await calendar()).isWorkingDay("2027-02-05")).toBe(true);
    expect((await calendar()).workingDaysBetween("2026-12-31", "2027-02-08").warning?.years).toEqual([2027]);

    const res = await put(admin, "2027-02-05", { kind: "holiday", name: "春节" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ day: "2027-02-05", kind: "holiday", name: "春节" });
    expect((await calendar()).isWorkingDay("2027-02-05")).toBe(false);
    expect((await calendar()).describeDay("2027-02-05")).toMatchObject({ source: "override", name: "春节" });
    expect((await calendar()).workingDaysBetween("2026-12-31", "2027-02-08").warning).toBeNull();

    const list = await t.app.inject({
      method: "GET",
      url: "/api/v1/calendar/overrides",
      headers: admin.headers,
    });
    expect(list.statusCode).toBe(200);
    const body = list.json<{ items: Array<{ day: string }>; coveredYears: number[] }>();
    expect(body.items.map((o) => o.day)).toEqual(["2027-02-05"]);
    expect(body.coveredYears).toContain(2027);
    expect(body.coveredYears).toContain(2024);
  });

  it("replaces a day, deletes it, and answers 404 for a day without an override", async () => {
    await put(admin, "2026-10-10", { kind: "working", name: "国庆节调休" });
    const replaced = await put(admin, "2026-10-10", { kind: "holiday", name: "本单位补休" });
    expect(replaced.json()).toMatchObject({ kind: "holiday", name: "本单位补休" });
    const range = await t.app.inject({
      method: "GET",
      url: "/api/v1/calendar/overrides?from=2026-10-01&to=2026-10-31",
      headers: admin.headers,
    });
    expect(range.json<{ items: unknown[] }>().items).toHaveLength(1);

    const del = () =>
      t.app.inject({
        method: "DELETE",
        url: "/api/v1/calendar/overrides/2026-10-10",
        headers: admin.headers,
      });
    expect((await del()).statusCode).toBe(204);
    const again = await del();
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { code: "calendar_override_not_found" } });
    expect((await t.deps.calendar.current(t.deps.store)).describeDay("2026-10-10").source).not.toBe(
      "override",
    );

    const events = await t.deps.store.audit.listForEntity("calendar_override", "2026-10-10");
    expect(events.map((e) => e.action)).toEqual([
      "calendar.set_override",
      "calendar.set_override",
      "calendar.delete_override",
    ]);
    expect(events[1]!.data).toMatchObject({
      before: { kind: "working", name: "国庆节调休" },
      after: { kind: "holiday", name: "本单位补休" },
    });
  });

  it("refuses everyone but an administrator, and bad days or kinds in Chinese", async () => {
    const refused = await put(office, "2027-01-01", { kind: "holiday", name: "元旦" });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain("系统管理员");

    const badDay = await put(admin, "2027-02-30", { kind: "holiday", name: "春节" });
    expect(badDay.statusCode).toBe(400);
    const badKind = await put(admin, "2027-02-05", { kind: "off", name: "春节" });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json<{ error: { message: string } }>().error.message).toContain("holiday（放假）");
  });
});

describe.each(testDatabases)("zhenggai calendar on $name", (database) => {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let dir: string;

  beforeEach(async () => {
    const opened = await database.open();
    cleanup = opened.cleanup;
    dir = mkdtempSync(join(tmpdir(), "zhenggai-calendar-"));
    env = cliEnv(opened.target, join(dir, "data"));
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  });

  const run = (argv: string[]) => runCli(argv, env);

  it("sets, lists and deletes a day, naming the flag of a mistake", async () => {
    expect((await run(["calendar", "list"])).out).toContain("尚无节假日调整");
    const set = await run(["calendar", "set", "--date", "2027-02-05", "--kind", "holiday", "--name", "春节"]);
    expect(set).toMatchObject({ code: 0, out: "已将 2027-02-05 设为放假（春节）\n" });
    const listed = await run(["calendar", "list"]);
    expect(listed.out).toContain("2027-02-05\t放假\t春节");
    const json = JSON.parse((await run(["calendar", "list", "--json"])).out) as { coveredYears: number[] };
    expect(json.coveredYears).toContain(2027);

    const badKind = await run(["calendar", "set", "--date", "2027-02-06", "--kind", "off", "--name", "x"]);
    expect(badKind.code).toBe(2);
    expect(badKind.err).toContain("--kind");
    const badDate = await run([
      "calendar",
      "set",
      "--date",
      "2027-13-01",
      "--kind",
      "holiday",
      "--name",
      "x",
    ]);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain("--date");
    expect((await run(["calendar", "set", "--kind", "holiday"])).err).toContain("缺少 --date");

    expect((await run(["calendar", "delete", "--date", "2027-02-05"])).code).toBe(0);
    const gone = await run(["calendar", "delete", "--date", "2027-02-05"]);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain("没有节假日调整记录");
  });
});
