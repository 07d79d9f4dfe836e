// Account use cases on both databases with the real argon2id port: only an admin manages accounts, outside the
// caller's scope is "not found", every write is audited without the password or its hash.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AccountDeps } from "../../src/app/account-deps.ts";
import { bootstrapAdmin } from "../../src/app/bootstrap-admin.ts";
import { changePassword } from "../../src/app/change-password.ts";
import { createUser } from "../../src/app/create-user.ts";
import { grantRole } from "../../src/app/grant-role.ts";
import { listUsers } from "../../src/app/list-users.ts";
import { revokeGrant } from "../../src/app/revoke-grant.ts";
import { SYSTEM_CALLER, type Caller } from "../../src/domain/account.ts";
import { passwordProblems } from "../../src/domain/password-policy.ts";
import { argon2Passwords } from "../../src/runtime/argon2-passwords.ts";
import type { Store } from "../../src/storage/store.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

const PASSWORD = "Zhenggai-2026";

describe.each(testDatabases)("account use cases on $name", (database) => {
  let store: Store;
  let deps: AccountDeps;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    deps = { ...testDeps(store), passwords: argon2Passwords };
    await store.orgs.insertMany([
      { id: "ovs", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs/" },
      { id: "unitA", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unitA/" },
      { id: "unitB", parentId: "ovs", kind: "unit", name: "市科协党组", path: "/ovs/unitB/" },
    ]);
  });
  afterEach(async () => cleanup());

  const callerOf = async (login: string): Promise<Caller> => {
    const user = await store.users.findByLogin(login);
    if (!user) throw new Error(`no ${login}`);
    return { user, grants: await store.grants.listByUser(user.id) };
  };

  it("creates an account with a role over its org, hashes the password with argon2id and audits without secrets", async () => {
    const created = await createUser(deps, SYSTEM_CALLER, {
      login: "Li.Ming",
      displayName: "李明",
      orgId: "unitA",
      role: "unit_office",
      password: PASSWORD,
    });
    expect(created.user).toMatchObject({ login: "li.ming", displayName: "李明", orgId: "unitA", version: 1 });
    expect(created.grants).toEqual([expect.objectContaining({ role: "unit_office", orgId: "unitA" })]);
    expect(created.generatedPassword).toBeNull();

    const credentials = await store.users.credentials(created.user.id);
    expect(credentials?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await argon2Passwords.verify(credentials?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(await argon2Passwords.verify(credentials?.passwordHash ?? "", "Zhenggai-2027")).toBe(false);

    const events = await store.audit.listForEntity("user", created.user.id);
    expect(events.map((e) => [e.action, e.actor])).toEqual([["user.create", "system"]]);
    const logged = JSON.stringify(events);
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain("argon2");
  });

  it("generates a password that passes the policy when none is given, and returns it once", async () => {
    const created = await createUser(deps, SYSTEM_CALLER, {
      login: "wang",
      displayName: "王芳",
      orgId: "unitB",
    });
    expect(created.generatedPassword).not.toBeNull();
    expect(passwordProblems(created.generatedPassword ?? "", "wang")).toEqual([]);
    const hash = (await store.users.credentials(created.user.id))?.passwordHash ?? "";
    expect(await argon2Passwords.verify(hash, created.generatedPassword ?? "")).toBe(true);
  });

  it("refuses weak passwords, taken logins and unknown orgs in Chinese", async () => {
    await expect(
      createUser(deps, SYSTEM_CALLER, { login: "li", displayName: "李", orgId: "unitA", password: "short1" }),
    ).rejects.toThrow(/密码不符合要求：密码至少需要 10 个字符/);
    await createUser(deps, SYSTEM_CALLER, {
      login: "li",
      displayName: "李",
      orgId: "unitA",
      password: PASSWORD,
    });
    await expect(
      createUser(deps, SYSTEM_CALLER, { login: "LI", displayName: "李", orgId: "unitA", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "login_taken", message: "该登录名已被使用，请换一个" });
    await expect(
      createUser(deps, SYSTEM_CALLER, {
        login: "zhao",
        displayName: "赵",
        orgId: "nope",
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: "org_not_found" });
    await expect(
      createUser(deps, SYSTEM_CALLER, { login: "x", displayName: "赵", orgId: "unitA", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "invalid_input", fields: [expect.objectContaining({ path: "login" })] });
  });

  it("lets only an admin manage accounts; outside the caller's scope is not found", async () => {
    await createUser(deps, SYSTEM_CALLER, {
      login: "office.a",
      displayName: "整改办A",
      orgId: "unitA",
      role: "unit_office",
      password: PASSWORD,
    });
    await createUser(deps, SYSTEM_CALLER, {
      login: "b.user",
      displayName: "乙",
      orgId: "unitB",
      password: PASSWORD,
    });
    const officeA = await callerOf("office.a");

    await expect(
      createUser(deps, officeA, { login: "new.a", displayName: "新", orgId: "unitA", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "forbidden", message: "只有系统管理员可以管理账号和权限" });
    await expect(
      createUser(deps, officeA, { login: "new.b", displayName: "新", orgId: "unitB", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "org_not_found" });
    await expect(
      grantRole(deps, officeA, { login: "office.a", role: "viewer", orgId: "unitA" }),
    ).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      grantRole(deps, officeA, { login: "b.user", role: "viewer", orgId: "unitB" }),
    ).rejects.toMatchObject({
      code: "user_not_found",
    });
    await expect(
      changePassword(deps, officeA, { login: "b.user", password: PASSWORD }),
    ).rejects.toMatchObject({
      code: "user_not_found",
    });
    expect(await store.users.count()).toBe(2);
  });

  it("grants and revokes roles with audit events, refusing duplicates and the last admin grant", async () => {
    const { user } = await createUser(deps, SYSTEM_CALLER, {
      login: "li",
      displayName: "李",
      orgId: "unitA",
      password: PASSWORD,
    });
    const grant = await grantRole(deps, SYSTEM_CALLER, { login: "li", role: "oversight", orgId: "ovs" });
    expect(grant).toMatchObject({ userId: user.id, role: "oversight", orgId: "ovs" });
    await expect(
      grantRole(deps, SYSTEM_CALLER, { login: "li", role: "oversight", orgId: "ovs" }),
    ).rejects.toMatchObject({
      code: "grant_exists",
    });
    await expect(grantRole(deps, SYSTEM_CALLER, { login: "li", role: "viewer" })).rejects.toMatchObject({
      code: "invalid_input",
      fields: [expect.objectContaining({ path: "orgId" })],
    });
    await expect(
      grantRole(deps, SYSTEM_CALLER, { login: "li", role: "viewer", orgId: "gone" }),
    ).rejects.toMatchObject({
      code: "org_not_found",
    });

    const admin = await grantRole(deps, SYSTEM_CALLER, { login: "li", role: "admin", orgId: "unitA" });
    expect(admin.orgId).toBeNull();
    await expect(revokeGrant(deps, SYSTEM_CALLER, { grantId: admin.id })).rejects.toMatchObject({
      code: "last_admin",
    });
    await revokeGrant(deps, SYSTEM_CALLER, { grantId: grant.id });
    expect((await store.grants.listByUser(user.id)).map((g) => g.role)).toEqual(["admin"]);
    await expect(revokeGrant(deps, SYSTEM_CALLER, { grantId: grant.id })).rejects.toMatchObject({
      code: "grant_not_found",
    });
    expect((await store.audit.listForEntity("user", user.id)).map((e) => e.action)).toEqual([
      "user.create",
      "grant.create",
      "grant.create",
      "grant.revoke",
    ]);
  });

  it("changes one's own password only with the current one, and signs the account out everywhere", async () => {
    const { user } = await createUser(deps, SYSTEM_CALLER, {
      login: "li",
      displayName: "李",
      orgId: "unitA",
      role: "viewer",
      password: PASSWORD,
    });
    await store.sessions.insert({
      id: "a".repeat(64),
      userId: user.id,
      csrfTokenHash: "c".repeat(64),
      createdAt: "2021-06-30T08:00:00.000Z",
      lastSeenAt: "2021-06-30T08:00:00.000Z",
      expiresAt: "2021-06-30T20:00:00.000Z",
      revoked: false,
    });
    const self = await callerOf("li");
    await expect(
      changePassword(deps, self, {
        login: "li",
        password: "Another-pass-1",
        currentPassword: "Wrong-pass-12",
      }),
    ).rejects.toMatchObject({ code: "password_incorrect", message: "当前密码不正确" });
    await expect(changePassword(deps, self, { login: "li", password: "li" })).rejects.toMatchObject({
      code: "password_incorrect",
    });
    await changePassword(deps, self, { login: "li", password: "Another-pass-1", currentPassword: PASSWORD });
    const hash = (await store.users.credentials(user.id))?.passwordHash ?? "";
    expect(await argon2Passwords.verify(hash, "Another-pass-1")).toBe(true);
    expect((await store.sessions.get("a".repeat(64)))?.revoked).toBe(true);
    expect((await store.users.findByLogin("li"))?.version).toBe(2);

    const reset = await changePassword(deps, SYSTEM_CALLER, { login: "li" });
    expect(reset.generatedPassword).not.toBeNull();
    const events = await store.audit.listForEntity("user", user.id);
    expect(events.map((e) => e.action)).toEqual(["user.create", "user.password", "user.password"]);
    const logged = JSON.stringify(events);
    for (const secret of [PASSWORD, "Another-pass-1", reset.generatedPassword ?? "", "argon2"]) {
      expect(logged).not.toContain(secret);
    }
  });

  it("lists the accounts inside the caller's scope with their grants", async () => {
    await createUser(deps, SYSTEM_CALLER, {
      login: "a1",
      displayName: "甲",
      orgId: "unitA",
      role: "unit_office",
      password: PASSWORD,
    });
    await createUser(deps, SYSTEM_CALLER, {
      login: "b1",
      displayName: "乙",
      orgId: "unitB",
      role: "viewer",
      password: PASSWORD,
    });
    const listedByA = await listUsers(deps, await callerOf("a1"));
    expect(listedByA.map((u) => [u.user.login, u.grants.map((g) => g.role)])).toEqual([
      ["a1", ["unit_office"]],
    ]);
    expect((await listUsers(deps, SYSTEM_CALLER)).map((u) => u.user.login)).toEqual(["a1", "b1"]);
    expect(JSON.stringify(await listUsers(deps, SYSTEM_CALLER))).not.toContain("argon2");
  });

  it("creates the first admin once, from the configured password or a generated one", async () => {
    await expect(bootstrapAdmin(deps, { password: "admin" })).rejects.toMatchObject({
      code: "password_too_weak",
    });
    const first = await bootstrapAdmin(deps, { password: PASSWORD });
    expect(first).toEqual({ created: true, login: "admin", generatedPassword: null });
    expect(await bootstrapAdmin(deps, {})).toEqual({ created: false });
    const admin = await callerOf("admin");
    expect(admin.grants).toEqual([expect.objectContaining({ role: "admin", orgId: null })]);
    expect(
      await argon2Passwords.verify(
        (await store.users.credentials(admin.user.id))?.passwordHash ?? "",
        PASSWORD,
      ),
    ).toBe(true);
    expect(JSON.stringify(await store.audit.listForEntity("user", admin.user.id))).not.toContain(PASSWORD);
  });
});
