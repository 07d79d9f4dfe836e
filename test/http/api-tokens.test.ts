// API tokens on both databases: the secret is answered once and only its sha-256 is stored; bearer requests act as
// the token's user without a CSRF token; read-only tokens only read; revoked, expired and disabled → 401.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { tokenDigest } from "../../src/app/token-digest.ts";
import { testDatabases } from "../support/test-stores.ts";
import { signIn, signedInUser, TEST_PASSWORD, type SignedInUser } from "./http-test-app.ts";
import { errorCode, openAdminApp, send, type AdminTestApp } from "./admin-test-app.ts";

interface Created {
  token: { id: string; name: string; readOnly: boolean; expiresAt: string; lastUsedAt: string | null };
  secret: string;
}

describe.each(testDatabases)("API tokens on $name", (database) => {
  let t: AdminTestApp;
  let admin: SignedInUser;
  let office: SignedInUser;

  beforeEach(async () => {
    t = await openAdminApp(database);
    admin = await signedInUser(t, "root", { role: "admin", orgId: null });
    office = await signedInUser(t, "unit.office", { role: "unit_office", orgId: "unitA" });
  });
  afterEach(async () => t.close());

  const create = async (who: SignedInUser, payload: unknown): Promise<Created> => {
    const res = await send(t.app, "POST", "/api/v1/tokens", who.headers, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Created>();
  };
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  it("answers the secret once and stores only its sha-256", async () => {
    const created = await create(office, { name: "统计脚本" });
    expect(created.secret).toMatch(/^zg_[A-Za-z0-9_-]{43}$/);
    expect(created.token).toMatchObject({ name: "统计脚本", readOnly: true, lastUsedAt: null });
    expect(created.token).not.toHaveProperty("tokenHash");
    expect(Date.parse(created.token.expiresAt) - Date.parse(t.deps.clock.now())).toBe(90 * 86_400_000);

    const listed = await send(t.app, "GET", "/api/v1/tokens", { cookie: office.cookie });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: unknown[] }>().items).toEqual([
      expect.objectContaining({ id: created.token.id }),
    ]);
    expect(listed.body).not.toContain(created.secret);
    expect(listed.body).not.toContain(tokenDigest(created.secret));

    const rows = await t.withDb((db) => db.selectFrom("api_tokens").selectAll().execute());
    expect(rows).toHaveLength(1);
    expect(rows[0]?.token_hash).toBe(tokenDigest(created.secret));
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(created.secret);
    expect(stored).not.toContain(created.secret.slice(3));
    // Another user does not see it.
    const others = await send(t.app, "GET", "/api/v1/tokens", { cookie: admin.cookie });
    expect(others.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("acts as the token's user with that user's grants, needing no cookie and no CSRF token", async () => {
    const { secret } = await create(office, { name: "写入脚本", readOnly: false });
    const who = await send(t.app, "GET", "/api/v1/session", bearer(secret));
    expect(who.statusCode, who.body).toBe(200);
    expect(who.json()).toMatchObject({ user: { login: "unit.office" }, grants: [{ role: "unit_office" }] });
    const orgs = await send(t.app, "GET", "/api/v1/orgs", bearer(secret));
    expect(orgs.json<{ items: Array<{ id: string }> }>().items.map((o) => o.id)).toEqual([
      "unitA",
      "depA1",
      "depA1x",
    ]);
    const added = await send(t.app, "POST", "/api/v1/orgs/depA1/people", bearer(secret), { name: "王芳" });
    expect(added.statusCode, added.body).toBe(201);
    // The user's roles still apply: a unit office is no admin.
    const refused = await send(t.app, "GET", "/api/v1/users", bearer(secret));
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, "forbidden"]);
    // A token cannot mint tokens or change the password.
    const mint = await send(t.app, "POST", "/api/v1/tokens", bearer(secret), { name: "再来一个" });
    expect([mint.statusCode, errorCode(mint)]).toEqual([403, "session_required"]);
    const password = await send(t.app, "PUT", "/api/v1/session/password", bearer(secret), {
      currentPassword: "x",
      newPassword: "Another-pass-2026",
    });
    expect([password.statusCode, errorCode(password)]).toEqual([403, "session_required"]);
  });

  it("lets a read-only token only read", async () => {
    const { secret } = await create(admin, { name: "只读" });
    expect((await send(t.app, "GET", "/api/v1/users", bearer(secret))).statusCode).toBe(200);
    expect((await send(t.app, "HEAD", "/api/v1/orgs", bearer(secret))).statusCode).toBe(200);
    for (const [method, url] of [
      ["POST", "/api/v1/orgs"],
      ["PATCH", "/api/v1/users/x"],
      ["DELETE", "/api/v1/session"],
      ["PUT", "/api/v1/session/password"],
    ] as const) {
      const res = await send(t.app, method, url, bearer(secret), { name: "新单位", kind: "oversight" });
      expect([method, res.statusCode, errorCode(res)]).toEqual([method, 403, "token_read_only"]);
    }
    expect(await t.deps.store.orgs.findChildByName(null, "新单位")).toBeUndefined();
  });

  it("refuses a revoked, an expired, an unknown token and a disabled user's token with 401", async () => {
    const kept = await create(office, { name: "保留", expiresInDays: 365 });
    const revoked = await create(office, { name: "撤销" });
    const short = await create(office, { name: "一天", expiresInDays: 1 });
    expect((await send(t.app, "GET", "/api/v1/session", bearer(revoked.secret))).statusCode).toBe(200);

    const del = await send(t.app, "DELETE", `/api/v1/tokens/${revoked.token.id}`, office.headers);
    expect(del.statusCode).toBe(204);
    const afterRevoke = await send(t.app, "GET", "/api/v1/session", bearer(revoked.secret));
    expect([afterRevoke.statusCode, errorCode(afterRevoke)]).toEqual([401, "token_invalid"]);
    expect(
      (await send(t.app, "DELETE", `/api/v1/tokens/${revoked.token.id}`, office.headers)).statusCode,
    ).toBe(204);

    t.clock.advanceMinutes(24 * 60);
    const expired = await send(t.app, "GET", "/api/v1/session", bearer(short.secret));
    expect([expired.statusCode, errorCode(expired)]).toEqual([401, "token_invalid"]);
    for (const forged of [
      `${kept.secret}x`,
      "zg_",
      "not-a-token",
      `${kept.secret.slice(0, -1)}${kept.secret.endsWith("A") ? "B" : "A"}`,
    ]) {
      const res = await send(t.app, "GET", "/api/v1/session", bearer(forged));
      expect([forged, res.statusCode]).toEqual([forged, 401]);
    }
    // A bearer header wins over a valid cookie: a bad token is refused, not ignored.
    const mixed = await send(t.app, "GET", "/api/v1/session", {
      ...bearer("zg_forged"),
      cookie: office.cookie,
    });
    expect(mixed.statusCode).toBe(401);
    expect((await send(t.app, "GET", "/api/v1/session", bearer(kept.secret))).statusCode).toBe(200);

    const id = (await t.deps.store.users.findByLogin("unit.office"))!.id;
    // The day that passed ended the admin's session too.
    admin = await signIn(t.app, "root", TEST_PASSWORD);
    const disabled = await send(
      t.app,
      "PATCH",
      `/api/v1/users/${id}`,
      { ...admin.headers, "if-match": '"1"' },
      {
        disabled: true,
      },
    );
    expect(disabled.statusCode, disabled.body).toBe(200);
    const afterDisable = await send(t.app, "GET", "/api/v1/session", bearer(kept.secret));
    expect([afterDisable.statusCode, errorCode(afterDisable)]).toEqual([401, "token_invalid"]);
    const rows = await t.withDb((db) =>
      db.selectFrom("api_tokens").select(["name", "revoked_at"]).orderBy("name").execute(),
    );
    expect(rows.every((r) => r.revoked_at !== null)).toBe(true);
  });

  it("lets the owner or an admin revoke a token, nobody else", async () => {
    const mine = await create(office, { name: "脚本" });
    const other = await signedInUser(t, "other.office", { role: "unit_office", orgId: "unitA" });
    const foreign = await send(t.app, "DELETE", `/api/v1/tokens/${mine.token.id}`, other.headers);
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([404, "token_not_found"]);
    const unknown = await send(t.app, "DELETE", "/api/v1/tokens/tok-nope", office.headers);
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, "token_not_found"]);
    expect((await send(t.app, "GET", "/api/v1/session", bearer(mine.secret))).statusCode).toBe(200);
    const byAdmin = await send(t.app, "DELETE", `/api/v1/tokens/${mine.token.id}`, admin.headers);
    expect(byAdmin.statusCode).toBe(204);
    expect((await send(t.app, "GET", "/api/v1/session", bearer(mine.secret))).statusCode).toBe(401);
  });

  it("refuses bad token settings in Chinese", async () => {
    for (const payload of [
      { name: "x", expiresInDays: 366 },
      { name: "x", expiresInDays: 0 },
      { name: "x", readOnly: "no" },
      { name: "" },
    ]) {
      const res = await send(t.app, "POST", "/api/v1/tokens", office.headers, payload);
      expect([res.statusCode, errorCode(res)]).toEqual([400, "invalid_input"]);
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/令牌信息有误/);
    }
    const noCsrf = await send(t.app, "POST", "/api/v1/tokens", { cookie: office.cookie }, { name: "x" });
    expect([noCsrf.statusCode, errorCode(noCsrf)]).toEqual([403, "csrf_token_invalid"]);
  });

  it("marks a token used at most once a minute", async () => {
    const { token, secret } = await create(office, { name: "计数" });
    const lastUsed = async () => (await t.deps.store.apiTokens.get(token.id))?.lastUsedAt;
    const first = t.deps.clock.now();
    await send(t.app, "GET", "/api/v1/session", bearer(secret));
    expect(await lastUsed()).toBe(first);
    t.clock.advanceMinutes(0.5);
    await send(t.app, "GET", "/api/v1/session", bearer(secret));
    expect(await lastUsed()).toBe(first);
    t.clock.advanceMinutes(1);
    await send(t.app, "GET", "/api/v1/session", bearer(secret));
    expect(await lastUsed()).toBe(t.deps.clock.now());
  });
});
