// The scheduler on one database shared by two app nodes (two stores on the same SQLite file or PostgreSQL schema),
// with a fake clock: each warning step and each digest reaches each person exactly once, whatever both nodes do,
// and a scheduler stopped for days catches up at its next tick.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { deliverNotifications } from "../../src/app/deliver-notifications.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { notifyWarnings } from "../../src/app/notify-warnings.ts";
import { SYSTEM_CALLER, type Role } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { createScheduler, type Scheduler } from "../../src/scheduler/scheduler.ts";
import { openStore } from "../../src/storage/kysely/kysely-store.ts";
import type { Store } from "../../src/storage/store.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import {
  fakeClock,
  nodeDeps,
  recordingChannel,
  type FakeClock,
  type Sent,
} from "../support/notification-fakes.ts";
import { testDatabases } from "../support/test-stores.ts";

const DAY0 = "2026-03-02";
/** 08:31 and 17:31 in Shanghai on `day` + n. */
const at = (n: number, time: "08:31" | "17:31" | "10:00") => {
  const day = new Date(Date.parse(`${DAY0}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const [h, m] = time.split(":").map(Number) as [number, number];
  return new Date(Date.parse(`${day}T00:00:00Z`) + ((h - 8) * 60 + m) * 60_000).toISOString();
};

describe.each(testDatabases)("scheduler exactly once on $name", (database) => {
  let stores: Store[];
  let cleanup: () => Promise<void>;
  let clock: FakeClock;
  let sent: Sent[];
  let users: Record<"zhangsan" | "yangjian" | "reporter" | "leader" | "office" | "bystander", string>;

  beforeEach(async () => {
    const opened = await database.open();
    // Two nodes. On PostgreSQL each has its own pool, as two servers would. On SQLite they share one connection:
    // better-sqlite3 waits for a lock synchronously, so two connections in one process would block each other's
    // commits (SQLite serves one process; a second server process on the same file waits its busy timeout instead).
    const node0 = await openStore({ ...opened.target, lockTimeoutMs: 10_000 });
    const node1 = database.name === "sqlite" ? node0 : await openStore(opened.target);
    stores = [node0, node1];
    cleanup = async () => {
      await node0.close();
      if (node1 !== node0) await node1.close();
      await opened.cleanup();
    };
    clock = fakeClock(at(0, "08:31"));
    sent = [];
    const deps = nodeDeps(opened.store, clock, "setup", {});
    const created = await createLedger(
      deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({
            title: "执行财务管理制度不够严格",
            measures: [
              makeMeasure({ text: "甲：二十天后到期", deadline: "2026-03-22" }),
              makeMeasure({ text: "乙：三天后到期", deadline: "2026-03-05" }),
              makeMeasure({ text: "丙：今天到期", deadline: DAY0 }),
              makeMeasure({ text: "丁：年底到期", deadline: "2026-12-31" }),
              makeMeasure({ text: "戊：已销号", deadline: "2026-03-01", state: "closed" }),
            ],
          }),
        ],
      }),
    );
    const store = opened.store;
    const measure = (await store.measures.listByInspection(SCOPE_ALL, created.inspectionId))[0]!;
    const office = (await store.orgs.list(SCOPE_ALL)).find((o) => o.name === "办公室")!;
    let n = 0;
    const account = async (
      login: string,
      personId: string | null,
      role: Role | null,
      orgId: string | null,
    ) => {
      const id = `usr_${login}`;
      await store.users.insert(
        { id, login, displayName: login, orgId, personId, disabled: false, version: 1 },
        "not-a-hash",
        clock.now(),
      );
      if (role !== null)
        await store.grants.insert({ id: `grt_${++n}`, userId: id, role, orgId }, clock.now());
      return id;
    };
    users = {
      zhangsan: await account("zhangsan", measure.personId, "viewer", office.id),
      yangjian: await account("yangjian", measure.leadLeaderId, "viewer", created.unitId),
      reporter: await account("reporter", null, "department_reporter", office.id),
      leader: await account("leader", null, "unit_leader", created.unitId),
      office: await account("office", null, "unit_office", created.unitId),
      bystander: await account("bystander", null, "viewer", created.unitId),
    };
    await store.notificationPreferences.put({
      userId: users.zhangsan,
      mode: "immediate",
      emailEnabled: true,
      email: "zhangsan@example.org",
      updatedAt: clock.now(),
    });
    await store.notificationPreferences.put({
      userId: users.reporter,
      mode: "daily_digest",
      emailEnabled: true,
      email: "reporter@example.org",
      updatedAt: clock.now(),
    });
    await store.notificationTargets.put({
      id: "ntg_unit",
      orgId: created.unitId,
      kind: "dingtalk",
      url: "https://oapi.dingtalk.com/robot/send?access_token=abc",
      secret: "SECxyz",
      updatedAt: clock.now(),
      updatedBy: "system",
    });
  });
  afterEach(async () => cleanup());

  const nodes = (): Scheduler[] =>
    stores.map((store, i) =>
      createScheduler(
        nodeDeps(store, clock, `n${i}`, {
          email: recordingChannel("email", sent),
          dingtalk: recordingChannel("dingtalk", sent),
        }),
        {
          holder: `node-${i}`,
          warningAt: { hour: 8, minute: 30 },
          digestAt: { hour: 17, minute: 30 },
          leaseMs: 60_000,
          log: () => undefined,
        },
      ),
    );

  const keysOf = (s: readonly Sent[]) => s.map((x) => x.message.dedupeKey);
  const notificationsOf = async (store: Store, userId: string) =>
    store.notifications.listForRecipient(userId, { unreadOnly: false, limit: 1000 });

  it("tells each step once to each person and robot, with both nodes ticking together for five days", async () => {
    const [a, b] = nodes() as [Scheduler, Scheduler];
    for (let day = 0; day < 5; day += 1) {
      for (const time of ["08:31", "17:31"] as const) {
        clock.set(at(day, time));
        for (let round = 0; round < 3; round += 1) {
          const reports = await Promise.all([a.tick(), b.tick()]);
          // The lease: one node acts, the other waits.
          expect(reports.filter((r) => r.acting)).toHaveLength(1);
          clock.advanceMs(1_000);
        }
      }
    }
    const store = stores[0]!;
    // 甲 green; 乙 yellow, red (5 March), overdue; 丙 red, overdue; 丁 and 戊 never.
    const count = async (u: string) => (await notificationsOf(store, u)).length;
    expect(await count(users.zhangsan)).toBe(6);
    expect(await count(users.reporter)).toBe(6);
    expect(await count(users.yangjian)).toBe(5);
    expect(await count(users.leader)).toBe(4);
    expect(await count(users.office)).toBe(4);
    expect(await count(users.bystander)).toBe(0);
    expect((await notificationsOf(store, users.zhangsan)).map((x) => x.level).sort()).toEqual([
      "green",
      "overdue",
      "overdue",
      "red",
      "red",
      "yellow",
    ]);

    // Every message went out exactly once: 6 emails to 张三, 4 daily digests to the reporter, 6 robot posts.
    const keys = keysOf(sent);
    expect(new Set(keys).size).toBe(keys.length);
    expect(sent.filter((s) => s.target.address === "zhangsan@example.org")).toHaveLength(6);
    const digests = sent.filter((s) => s.target.address === "reporter@example.org");
    expect(digests.map((d) => d.message.dedupeKey).sort()).toEqual(
      ["2026-03-02", "2026-03-03", "2026-03-05", "2026-03-06"].map((d) => `digest:${users.reporter}:${d}`),
    );
    expect(digests[0]!.message.text).toContain("共3条");
    expect(digests[0]!.message.text).toContain("■ 市文联党组");
    const robot = sent.filter((s) => s.kind === "dingtalk");
    expect(robot).toHaveLength(6);
    expect(robot[0]!.target.address).toContain("access_token=abc");
    expect(robot[0]!.target.secret).toBe("SECxyz");
    // Each step is one audit event by the system, naming who was told.
    const measureId = async (text: string) =>
      (await store.measures.page(SCOPE_ALL, {}, { limit: 10 })).find((m) => m.text === text)!.id;
    const steps = await store.audit.listForEntity("measure", await measureId("乙：三天后到期"));
    const warned = steps.filter((e) => e.action === "notification.warning");
    expect(warned.map((e) => [e.actor, (e.data as { level: string }).level])).toEqual([
      ["system", "yellow"],
      ["system", "red"],
      ["system", "overdue"],
    ]);
    const runs = await store.scheduler.runs("warnings", 10);
    expect(runs.map((r) => r.periodKey)).toEqual([
      "2026-03-06",
      "2026-03-05",
      "2026-03-04",
      "2026-03-03",
      DAY0,
    ]);
    expect(runs.every((r) => r.doneAt !== null)).toBe(true);
  });

  it("inserts and sends once when both nodes run the job and the worker at the same moment, lease or not", async () => {
    const channels = () => ({
      email: recordingChannel("email", sent),
      dingtalk: recordingChannel("dingtalk", sent),
    });
    const [d0, d1] = stores.map((s, i) => nodeDeps(s, clock, `p${i}`, channels())) as [
      ReturnType<typeof nodeDeps>,
      ReturnType<typeof nodeDeps>,
    ];
    const runs = await Promise.all([
      notifyWarnings(d0, SYSTEM_CALLER, { day: DAY0 }),
      notifyWarnings(d1, SYSTEM_CALLER, { day: DAY0 }),
    ]);
    // 甲 green (2 people), 乙 yellow (3), 丙 red (5): ten notifications between the two runs, not twenty.
    expect(runs[0].notified + runs[1].notified).toBe(10);
    await Promise.all([
      deliverNotifications(d0, SYSTEM_CALLER, { holder: "p0" }),
      deliverNotifications(d1, SYSTEM_CALLER, { holder: "p1" }),
    ]);
    const keys = keysOf(sent);
    expect(keys).toHaveLength(3 + 3); // 张三's three emails, the robot's three posts
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("catches up the days a stopped scheduler missed in one run judged on the day it starts again", async () => {
    const [a] = nodes() as [Scheduler];
    const first = await a.tick();
    expect(first.warnings).toMatchObject({ day: DAY0, caughtUp: [] });
    await a.stop();
    // Down from Monday evening to Friday 10:00: the runs of Tuesday to Thursday never happened.
    clock.set(at(4, "10:00"));
    const [again] = nodes() as [Scheduler];
    const report = await again.tick();
    expect(report.warnings).toMatchObject({
      day: "2026-03-06",
      caughtUp: ["2026-03-03", "2026-03-04", "2026-03-05"],
    });
    const runs = await stores[0]!.scheduler.runs("warnings", 10);
    expect(runs.map((r) => r.periodKey)).toEqual([
      "2026-03-06",
      "2026-03-05",
      "2026-03-04",
      "2026-03-03",
      DAY0,
    ]);
    expect(runs.find((r) => r.periodKey === "2026-03-04")!.summary).toContain("2026-03-06");
    // 乙 went red and overdue while no node ran: 张三 hears today's level (overdue), not the stale red.
    const levels = (await notificationsOf(stores[0]!, users.zhangsan))
      .filter((x) => x.subject.includes("乙"))
      .map((x) => x.level);
    expect(levels.sort()).toEqual(["overdue", "yellow"]);
    await again.stop();
  });

  it("lets another node take over once the holder's lease runs out, and not before", async () => {
    const [a, b] = nodes() as [Scheduler, Scheduler];
    expect((await a.tick()).acting).toBe(true);
    clock.advanceMs(30_000);
    expect((await b.tick()).acting).toBe(false);
    clock.advanceMs(31_000);
    expect((await b.tick()).acting).toBe(true);
    expect((await a.tick()).acting).toBe(false);
    await b.stop();
    expect((await a.tick()).acting).toBe(true);
  });
});
