// The notification routes on both databases: each person reads and marks only their own inbox; preferences are
// checked with Chinese messages naming the field; the administrator sees the outbox's failures with the redacted
// error and next attempt (retried with backoff, dead after the last attempt) and retries one; robots' secrets are
// stored but never answered.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { deliverNotifications } from "../../src/app/deliver-notifications.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import type { NotificationDeps } from "../../src/app/notification-deps.ts";
import { notifyWarnings } from "../../src/app/notify-warnings.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { SCOPE_ALL } from "../../src/domain/scope.ts";
import { makeLedger, makeMeasure, makeProblem } from "../support/ledger-builders.ts";
import { recordingChannel, type Sent } from "../support/notification-fakes.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signedInUser, type SignedInUser, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("notifications over HTTP on $name", (database) => {
  let t: TestApp;
  let unitId: string;
  let zhangsan: SignedInUser;
  let office: SignedInUser;
  let admin: SignedInUser;
  let deps: NotificationDeps;
  let sent: Sent[];
  const email = recordingChannel("email");

  beforeEach(async () => {
    // The test clock stands at 2021-06-30 08:00 UTC (16:00 in Shanghai).
    t = await openTestApp({}, database);
    const created = await createLedger(
      t.deps,
      SYSTEM_ACTOR,
      makeLedger({
        problems: [
          makeProblem({ measures: [makeMeasure({ text: "今天到期的措施", deadline: "2021-06-30" })] }),
        ],
      }),
    );
    unitId = created.unitId;
    const measure = (await t.deps.store.measures.listByInspection(SCOPE_ALL, created.inspectionId))[0]!;
    const dept = (await t.deps.store.orgs.list(SCOPE_ALL)).find((o) => o.name === "办公室")!;
    zhangsan = await signedInUser(t, "zhangsan", { role: "viewer", orgId: dept.id });
    const zs = (await t.deps.store.users.findByLogin("zhangsan"))!;
    await t.deps.store.users.update(zs.id, zs.version, {
      displayName: "张三",
      orgId: dept.id,
      personId: measure.personId,
      disabled: false,
    });
    office = await signedInUser(t, "office", { role: "unit_office", orgId: unitId });
    admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    sent = [];
    email.sent.length = 0;
    email.answer = () => ({ ok: true });
    deps = { ...t.deps, notificationChannels: { email }, random: () => 0 };
    sent = email.sent;
  });
  afterEach(async () => t.close());

  const call = async (
    user: SignedInUser,
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: user.headers, ...(payload === undefined ? {} : { payload }) });

  it("lists only the caller's own notifications and marks them read, one or all", async () => {
    await notifyWarnings(deps, SYSTEM_CALLER, { day: "2021-06-30" });
    const mine = await call(zhangsan, "GET", "/api/v1/notifications?unread=true");
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json<{
      items: Array<{ id: string; subject: string; level: string }>;
      unread: number;
    }>();
    expect(body.unread).toBe(1);
    expect(body.items[0]).toMatchObject({
      level: "red",
      subject: expect.stringContaining("红色预警") as unknown,
    });
    const officeInbox = (await call(office, "GET", "/api/v1/notifications")).json<{
      items: Array<{ id: string }>;
    }>();
    expect(officeInbox.items).toHaveLength(1);
    expect(officeInbox.items[0]!.id).not.toBe(body.items[0]!.id);
    // Someone else's notification does not exist for the caller.
    const foreign = await call(office, "POST", `/api/v1/notifications/${body.items[0]!.id}/read`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json<{ error: { code: string } }>().error.code).toBe("notification_not_found");
    expect((await call(zhangsan, "POST", `/api/v1/notifications/${body.items[0]!.id}/read`)).statusCode).toBe(
      204,
    );
    expect(
      (await call(zhangsan, "GET", "/api/v1/notifications?unread=true")).json<{ unread: number }>().unread,
    ).toBe(0);
    const all = await call(office, "POST", "/api/v1/notifications/read-all");
    expect(all.json<{ marked: number }>().marked).toBe(1);
  });

  it("lists only the caller's unread ones with ?unread=true, its cursor paging on past lines read meanwhile", async () => {
    const mine = (await t.deps.store.users.findByLogin("zhangsan"))!.id;
    const others = (await t.deps.store.users.findByLogin("office"))!.id;
    // Seven of zhangsan's a minute apart (n1 oldest), two of the office's between them.
    const at = (minute: number) =>
      new Date(Date.parse("2021-06-30T01:00:00.000Z") + minute * 60_000).toISOString();
    const add = (id: string, recipientId: string, minute: number) =>
      t.deps.store.notifications.insertOnce({
        id,
        recipientId,
        kind: "warning",
        subject: `提醒${id}`,
        text: "…",
        link: null,
        inspectionId: null,
        measureId: null,
        level: "yellow",
        dedupeKey: `test:${id}`,
        viaDigest: false,
        digestDay: null,
        createdAt: at(minute),
        readAt: null,
      });
    for (let i = 1; i <= 7; i += 1) await add(`n${i}`, mine, i * 2);
    await add("o1", others, 5);
    await add("o2", others, 9);
    for (const id of ["n2", "n4", "n5"])
      expect((await call(zhangsan, "POST", `/api/v1/notifications/${id}/read`)).statusCode).toBe(204);

    type Inbox = {
      items: Array<{ id: string; readAt: string | null }>;
      unread: number;
      nextCursor: string | null;
    };
    const page = async (query: string) => {
      const res = await call(zhangsan, "GET", `/api/v1/notifications?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Inbox>();
    };
    const first = await page("unread=true&limit=2");
    expect(first.items.map((n) => n.id)).toEqual(["n7", "n6"]);
    expect(first.unread).toBe(4);
    // Read while the list is open: the next page neither skips nor repeats a line.
    expect((await call(zhangsan, "POST", "/api/v1/notifications/n3/read")).statusCode).toBe(204);
    const second = await page(`unread=true&limit=2&before=${first.nextCursor}`);
    expect(second.items.map((n) => n.id)).toEqual(["n1"]);
    expect(second).toMatchObject({ unread: 3, nextCursor: null });
    expect(second.items.every((n) => n.readAt === null)).toBe(true);

    const all = await page("unread=false&limit=50");
    expect(all.items.map((n) => n.id)).toEqual(["n7", "n6", "n5", "n4", "n3", "n2", "n1"]);
    const bad = await call(zhangsan, "GET", "/api/v1/notifications?unread=maybe");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("unread 应为 true 或 false");
  });

  it("keeps one's preferences and refuses an email setting without an address, naming the field", async () => {
    const before = await call(zhangsan, "GET", "/api/v1/me/notification-preferences");
    expect(before.json()).toEqual({ mode: "immediate", emailEnabled: false, email: null, updatedAt: null });
    const bad = await call(zhangsan, "PUT", "/api/v1/me/notification-preferences", {
      mode: "weekly",
      emailEnabled: true,
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ error: { fields: Array<{ path: string; message: string }> } }>().error.fields;
    expect(fields.map((f) => f.path).sort()).toEqual(["mode"]);
    expect(fields[0]!.message).toContain("daily_digest（每日汇总一次）");
    const noAddress = await call(zhangsan, "PUT", "/api/v1/me/notification-preferences", {
      mode: "daily_digest",
      emailEnabled: true,
    });
    expect(noAddress.statusCode).toBe(400);
    expect(JSON.stringify(noAddress.json())).toContain("接收邮件时须填写邮箱地址");
    const ok = await call(zhangsan, "PUT", "/api/v1/me/notification-preferences", {
      mode: "daily_digest",
      emailEnabled: true,
      email: "zhangsan@example.org",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await call(zhangsan, "GET", "/api/v1/me/notification-preferences")).json()).toMatchObject({
      mode: "daily_digest",
      email: "zhangsan@example.org",
    });
  });

  it("retries a failing email with growing waits, gives up after the last attempt, and lets the admin retry it", async () => {
    await call(zhangsan, "PUT", "/api/v1/me/notification-preferences", {
      mode: "immediate",
      emailEnabled: true,
      email: "zhangsan@example.org",
    });
    await notifyWarnings(deps, SYSTEM_CALLER, { day: "2021-06-30" });
    email.answer = () => ({ ok: false, retryable: true, error: "421 mailbox zhangsan@example.org busy" });
    const policy = { baseMs: 1_000, capMs: 4_000, maxAttempts: 3 };
    const waits: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const at = Date.parse(t.deps.clock.now());
      expect(await deliverNotifications(deps, SYSTEM_CALLER, { holder: "n", policy })).toMatchObject(
        i < 2 ? { failed: 1 } : { dead: 1 },
      );
      const [row] = (await call(admin, "GET", "/api/v1/admin/notification-deliveries")).json<{
        items: Array<{
          id: string;
          state: string;
          nextAttemptAt: string;
          lastError: string;
          attempts: number;
        }>;
      }>().items;
      expect(row!.lastError).toBe("421 mailbox *** busy");
      if (i < 2) waits.push(Date.parse(row!.nextAttemptAt) - at);
      // Not due yet: nothing is tried before the wait is over.
      expect(await deliverNotifications(deps, SYSTEM_CALLER, { holder: "n", policy })).toEqual({
        sent: 0,
        failed: 0,
        dead: 0,
      });
      t.clock.advanceMinutes(1);
    }
    expect(waits).toEqual([500, 1_000]); // half the ceiling with a draw of 0: 1 s then 2 s ceilings
    const listed = (await call(admin, "GET", "/api/v1/admin/notification-deliveries?state=dead")).json<{
      items: Array<{ id: string; attempts: number }>;
    }>().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.attempts).toBe(3);
    const retried = await call(admin, "POST", `/api/v1/admin/notification-deliveries/${listed[0]!.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    email.answer = () => ({ ok: true });
    expect(await deliverNotifications(deps, SYSTEM_CALLER, { holder: "n", policy })).toMatchObject({
      sent: 1,
    });
    expect(sent).toHaveLength(1);
    const again = await call(admin, "POST", `/api/v1/admin/notification-deliveries/${listed[0]!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe("delivery_not_retryable");
  });

  it("stores a robot's secret and token but never answers them", async () => {
    const put = await call(admin, "PUT", "/api/v1/admin/notification-targets", {
      orgId: unitId,
      kind: "dingtalk",
      url: "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef",
      secret: "SEC-very-secret",
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.body).not.toContain("0123456789abcdef");
    expect(put.body).not.toContain("SEC-very-secret");
    expect(put.json()).toMatchObject({
      url: "https://oapi.dingtalk.com/robot/send?access_token=***",
      secretSet: true,
    });
    // A second PUT without a secret replaces the URL and keeps the secret.
    const replaced = await call(admin, "PUT", "/api/v1/admin/notification-targets", {
      orgId: unitId,
      kind: "dingtalk",
      url: "https://oapi.dingtalk.com/robot/send?access_token=fedcba9876543210",
    });
    expect(replaced.json()).toMatchObject({ id: put.json<{ id: string }>().id, secretSet: true });
    const list = await call(admin, "GET", "/api/v1/admin/notification-targets");
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(list.body).not.toContain("fedcba9876543210");
    const audit = await t.deps.store.audit.listForEntity(
      "notification_target",
      put.json<{ id: string }>().id,
    );
    expect(JSON.stringify(audit)).not.toContain("SEC-very-secret");
    const id = put.json<{ id: string }>().id;
    expect((await call(admin, "DELETE", `/api/v1/admin/notification-targets/${id}`)).statusCode).toBe(204);
    expect((await call(admin, "DELETE", `/api/v1/admin/notification-targets/${id}`)).statusCode).toBe(404);
    const badUrl = await call(admin, "PUT", "/api/v1/admin/notification-targets", {
      orgId: unitId,
      kind: "wecom",
      url: "ftp://x",
    });
    expect(badUrl.statusCode).toBe(400);
    expect(JSON.stringify(badUrl.json())).toContain("机器人地址应以 https:// 或 http:// 开头");
  });
});
