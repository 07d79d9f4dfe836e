// Sign-in over HTTP on both databases: cookie flags, wrong passwords, lockout that does not reveal whether a login
// exists, idle and absolute timeouts, sign-out (here and everywhere), CSRF on unsafe requests, and no password,
// hash or token in any answer or log line.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changePassword } from "../../src/app/change-password.ts";
import { tokenDigest } from "../../src/app/token-digest.ts";
import { SYSTEM_CALLER } from "../../src/domain/account.ts";
import { testDatabases } from "../support/test-stores.ts";
import { openTestApp, signIn, signedInUser, TEST_PASSWORD, type TestApp } from "./http-test-app.ts";

describe.each(testDatabases)("sessions API on $name", (database) => {
  let t: TestApp;
  const logLines: string[] = [];

  beforeEach(async () => {
    logLines.length = 0;
    t = await openTestApp(
      {
        logger: { level: "trace", stream: { write: (line: string) => void logLines.push(line) } },
        trustProxy: true,
      },
      database,
    );
    await t.deps.store.orgs.insertMany([
      { id: "ovs", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs/" },
      { id: "unitA", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unitA/" },
    ]);
  });
  afterEach(async () => t.close());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method: "POST", url: "/api/v1/session", payload: payload as object, headers });
  const me = (cookie: string) => t.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } });

  it("signs in with an HttpOnly, SameSite=Lax cookie and answers who is signed in", async () => {
    const user = await signedInUser(t, "li.ming", { role: "unit_office", orgId: "unitA" });
    const res = await post({ login: "LI.MING", password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^zg_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const body = res.json<{
      user: { login: string };
      grants: Array<{ role: string; roleLabel: string }>;
      csrfToken: string;
    }>();
    expect(body.user.login).toBe("li.ming");
    expect(body.grants).toEqual([
      expect.objectContaining({ role: "unit_office", roleLabel: "单位整改办", orgId: "unitA" }),
    ]);
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // Only the token's sha-256 is stored.
    const token = cookie.slice("zg_session=".length, cookie.indexOf(";"));
    expect(await t.deps.store.sessions.get(token)).toBeUndefined();
    expect((await t.deps.store.sessions.get(tokenDigest(token)))?.csrfTokenHash).toBe(
      tokenDigest(body.csrfToken),
    );

    const who = await me(user.cookie);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { login: "li.ming", displayName: "li.ming" } });
    for (const text of [res.body, who.body, ...logLines]) {
      expect(text).not.toContain(TEST_PASSWORD);
      expect(text).not.toContain("argon2");
      expect(text).not.toContain(token);
    }
  });

  it("marks the cookie Secure when the request came over https through a trusted proxy", async () => {
    await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const res = await post({ login: "li", password: TEST_PASSWORD }, { "x-forwarded-proto": "https" });
    expect(String(res.headers["set-cookie"])).toMatch(/; Secure$/);
  });

  it("answers 401 in Chinese when not signed in, or with an unknown cookie", async () => {
    for (const res of [
      await t.app.inject({ method: "GET", url: "/api/v1/session" }),
      await me("zg_session=forged-token"),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { code: "unauthenticated", message: "请先登录（未登录或登录已过期）" },
      });
    }
    expect((await t.app.inject({ method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  });

  it("refuses a wrong password and an unknown login with the same answer", async () => {
    await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const wrong = await post({ login: "li", password: "Wrong-password-1" });
    const unknown = await post({ login: "nobody", password: "Wrong-password-1" });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json()).toEqual({ error: { code: "sign_in_failed", message: "登录名或密码不正确" } });
    expect(wrong.headers["set-cookie"]).toBeUndefined();
    expect((await post({ login: "li" })).json()).toMatchObject({ error: { code: "invalid_input" } });
  });

  it("locks a login for 15 minutes after 5 failures, real or not, with the same 429", async () => {
    await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    for (let i = 0; i < 5; i++) {
      expect((await post({ login: "li", password: `Wrong-pass-${i}x` })).statusCode).toBe(401);
      expect((await post({ login: "ghost", password: `Wrong-pass-${i}x` })).statusCode).toBe(401);
    }
    const real = await post({ login: "li", password: TEST_PASSWORD });
    const ghost = await post({ login: "ghost", password: TEST_PASSWORD });
    expect(real.statusCode).toBe(429);
    expect(real.body).toBe(ghost.body);
    expect(real.json()).toEqual({
      error: { code: "sign_in_locked", message: "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试" },
    });
    t.clock.advanceMinutes(14);
    expect((await post({ login: "li", password: TEST_PASSWORD })).statusCode).toBe(429);
    t.clock.advanceMinutes(1);
    expect((await post({ login: "li", password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("checks at most 5 passwords of a burst of 20 simultaneous guesses, then locks the login", async () => {
    await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ login: "li", password: `Wrong-pass-${i}x` })),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect((await post({ login: "li", password: TEST_PASSWORD })).statusCode).toBe(429);
  });

  it("ends a session after 30 idle minutes, and after 12 hours whatever the activity", async () => {
    const idle = await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    t.clock.advanceMinutes(29);
    expect((await me(idle.cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await me(idle.cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    expect((await me(idle.cookie)).statusCode).toBe(401);

    const busy = await signIn(t.app, "li", TEST_PASSWORD);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advanceMinutes(20);
      expect((await me(busy.cookie)).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(20);
    expect((await me(busy.cookie)).statusCode).toBe(401);
  });

  it("requires the session's CSRF token on unsafe requests, then signs out and clears the cookie", async () => {
    const user = await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const signOut = (headers: Record<string, string>) =>
      t.app.inject({ method: "DELETE", url: "/api/v1/session", headers });
    const attempts: Array<Record<string, string>> = [
      { cookie: user.cookie },
      { cookie: user.cookie, "x-csrf-token": "forged" },
    ];
    for (const headers of attempts) {
      const refused = await signOut(headers);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: "csrf_token_invalid" } });
    }
    const other = await signIn(t.app, "li", TEST_PASSWORD);
    expect((await signOut({ cookie: user.cookie, "x-csrf-token": other.csrfToken })).statusCode).toBe(403);
    expect((await me(user.cookie)).statusCode).toBe(200);

    const done = await signOut(user.headers);
    expect(done.statusCode).toBe(204);
    expect(String(done.headers["set-cookie"])).toMatch(
      /^zg_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/,
    );
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(other.cookie)).statusCode).toBe(200);
  });

  it("gives a page loaded again its session's CSRF token, and another session's token stays refused", async () => {
    const user = await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const again = await me(user.cookie);
    expect(again.json<{ csrfToken: string }>().csrfToken).toBe(user.csrfToken);
    const other = await signIn(t.app, "li", TEST_PASSWORD);
    expect((await me(other.cookie)).json<{ csrfToken: string }>().csrfToken).toBe(other.csrfToken);
    expect(other.csrfToken).not.toBe(user.csrfToken);
    const crossed = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie: user.cookie, "x-csrf-token": other.csrfToken },
    });
    expect(crossed.statusCode).toBe(403);
    const fetched = again.json<{ csrfToken: string }>().csrfToken;
    const done = await t.app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie: user.cookie, "x-csrf-token": fetched },
    });
    expect(done.statusCode).toBe(204);
  });

  it("signs out everywhere, and a password change does too", async () => {
    const first = await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const second = await signIn(t.app, "li", TEST_PASSWORD);
    const res = await t.app.inject({ method: "DELETE", url: "/api/v1/sessions", headers: second.headers });
    expect(res.statusCode).toBe(204);
    expect((await me(first.cookie)).statusCode).toBe(401);
    expect((await me(second.cookie)).statusCode).toBe(401);

    const third = await signIn(t.app, "li", TEST_PASSWORD);
    await changePassword(t.deps, SYSTEM_CALLER, { login: "li", password: "Brand-new-pass-1" });
    expect((await me(third.cookie)).statusCode).toBe(401);
    expect((await post({ login: "li", password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await post({ login: "li", password: "Brand-new-pass-1" })).statusCode).toBe(200);
  });

  it("refuses a cookie whose token differs in one character", async () => {
    const user = await signedInUser(t, "li", { role: "viewer", orgId: "unitA" });
    const unknownCookie = user.cookie.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await me(unknownCookie)).statusCode).toBe(401);
  });
});
