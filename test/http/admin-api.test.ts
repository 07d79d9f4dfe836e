// Administration over HTTP on both databases: orgs (visible list, paging, creation rules), people, accounts
// (admin only, If-Match/ETag, disabling signs out, the last admin stays), grants, and one's own password.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listUsers } from "../../src/app/list-users.ts";
import { updateUser } from "../../src/app/update-user.ts";
import { testDatabases } from "../support/test-stores.ts";
import { signIn, signedInUser, TEST_PASSWORD, type SignedInUser } from "./http-test-app.ts";
import { errorCode, openAdminApp, send, type AdminTestApp } from "./admin-test-app.ts";

interface OrgItem {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  path: string;
}
interface UserBody {
  user: { id: string; login: string; version: number; disabled: boolean; personId: string | null };
}

describe.each(testDatabases)("administration API on $name", (database) => {
  let t: AdminTestApp;
  let admin: SignedInUser;

  beforeEach(async () => {
    t = await openAdminApp(database);
    admin = await signedInUser(t, "root", { role: "admin", orgId: null });
  });
  afterEach(async () => t.close());

  const listOrgs = async (who: SignedInUser, query = "") => {
    const res = await send(t.app, "GET", `/api/v1/orgs${query}`, { cookie: who.cookie });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: OrgItem[]; nextCursor: string | null }>();
  };
  const userIdOf = async (login: string) => (await t.deps.store.users.findByLogin(login))!.id;

  describe("orgs", () => {
    it("lists a department reporter's department subtree only, and a unit office its unit's subtree", async () => {
      const reporter = await signedInUser(t, "dep.rep", { role: "department_reporter", orgId: "depA1" });
      expect((await listOrgs(reporter)).items.map((o) => o.id)).toEqual(["depA1", "depA1x"]);
      const office = await signedInUser(t, "unit.office", { role: "unit_office", orgId: "unitA" });
      const seen = await listOrgs(office);
      expect(seen.items).toEqual([
        { id: "unitA", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unitA/" },
        expect.objectContaining({ id: "depA1", parentId: "unitA", kind: "department" }),
        expect.objectContaining({ id: "depA1x", path: "/ovs/unitA/depA1/depA1x/" }),
      ]);
      expect(seen.nextCursor).toBeNull();
    });

    it("pages through every org in tree order with an opaque cursor, parents before children", async () => {
      const ids: string[] = [];
      let cursor: string | null = "";
      let pages = 0;
      while (cursor !== null) {
        const page = await listOrgs(admin, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        ids.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
        pages += 1;
      }
      expect(ids).toEqual(["ovs", "unitA", "depA1", "depA1x", "unitB"]);
      expect(pages).toBe(3);
      for (const query of ["?limit=0", "?limit=501", "?limit=abc", "?cursor=bm90LWEtcGF0aA"]) {
        const res = await send(t.app, "GET", `/api/v1/orgs${query}`, { cookie: admin.cookie });
        expect([query, res.statusCode, errorCode(res)]).toEqual([query, 400, "invalid_input"]);
      }
    });

    it("lets an admin create an office, a team under it, a unit and a department, one name per parent", async () => {
      const create = (payload: unknown) => send(t.app, "POST", "/api/v1/orgs", admin.headers, payload);
      const office = await create({ name: "区委巡察办", kind: "oversight" });
      expect(office.statusCode, office.body).toBe(201);
      const officeId = office.json<OrgItem>().id;
      expect(office.json<OrgItem>()).toMatchObject({ parentId: null, path: `/${officeId}/` });
      const team = await create({ name: "第一巡察组", kind: "oversight", parentId: officeId });
      expect(team.statusCode).toBe(201);
      const unit = await create({ name: "区教育局党组", kind: "unit", parentId: officeId });
      expect(unit.statusCode).toBe(201);
      const unitId = unit.json<OrgItem>().id;
      const department = await create({ name: "人事科", kind: "department", parentId: unitId });
      expect(department.json<OrgItem>()).toMatchObject({
        kind: "department",
        parentId: unitId,
        path: `/${officeId}/${unitId}/${department.json<OrgItem>().id}/`,
      });

      const again = await create({ name: "人事科", kind: "department", parentId: unitId });
      expect([again.statusCode, errorCode(again)]).toEqual([409, "org_name_taken"]);
      const misplaced = await create({ name: "财务科", kind: "department", parentId: officeId });
      expect([misplaced.statusCode, errorCode(misplaced)]).toEqual([400, "org_parent_invalid"]);
      const orphan = await create({ name: "财务科", kind: "department" });
      expect(orphan.statusCode).toBe(400);
      const unknown = await create({ name: "某单位", kind: "unit", parentId: "nope" });
      expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, "org_not_found"]);
      const invalid = await create({ name: " ", kind: "team" });
      expect(invalid.statusCode).toBe(400);
      expect(
        invalid.json<{ error: { fields: Array<{ path: string }> } }>().error.fields.map((f) => f.path),
      ).toEqual(["name", "kind"]);

      const office2 = await signedInUser(t, "unit.office", { role: "unit_office", orgId: "unitA" });
      const refused = await send(t.app, "POST", "/api/v1/orgs", office2.headers, {
        name: "新部门",
        kind: "department",
        parentId: "unitA",
      });
      expect([refused.statusCode, errorCode(refused)]).toEqual([403, "forbidden"]);
    });

    it("lets the unit office add people in its subtree; others are refused", async () => {
      const office = await signedInUser(t, "unit.office", { role: "unit_office", orgId: "unitA" });
      const add = (who: SignedInUser, orgId: string, payload: unknown) =>
        send(t.app, "POST", `/api/v1/orgs/${orgId}/people`, who.headers, payload);
      const added = await add(office, "depA1", { name: "王芳", post: "主任" });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ orgId: "depA1", name: "王芳", post: "主任" });
      const twice = await add(office, "depA1", { name: "王芳" });
      expect([twice.statusCode, errorCode(twice)]).toEqual([409, "person_name_taken"]);
      const elsewhere = await add(office, "unitB", { name: "赵强" });
      expect([elsewhere.statusCode, errorCode(elsewhere)]).toEqual([404, "org_not_found"]);
      const reporter = await signedInUser(t, "dep.rep", { role: "department_reporter", orgId: "depA1" });
      const refused = await add(reporter, "depA1", { name: "钱七" });
      expect([refused.statusCode, errorCode(refused)]).toEqual([403, "forbidden"]);
      expect((await add(admin, "unitB", { name: "赵强" })).statusCode).toBe(201);
      const empty = await add(admin, "unitB", {});
      expect([empty.statusCode, errorCode(empty)]).toEqual([400, "invalid_input"]);
    });
  });

  describe("accounts", () => {
    it("refuses every account route to a non-admin with 403", async () => {
      const office = await signedInUser(t, "unit.office", { role: "unit_office", orgId: "unitA" });
      const id = await userIdOf("unit.office");
      const grantId = (await t.deps.store.grants.listByUser(id))[0]!.id;
      const h = { ...office.headers, "if-match": '"1"' };
      for (const res of [
        await send(t.app, "GET", "/api/v1/users", h),
        await send(t.app, "GET", `/api/v1/users/${id}`, h),
        await send(t.app, "POST", "/api/v1/users", h, {
          login: "x.y",
          displayName: "某人",
          orgId: "unitA",
          password: TEST_PASSWORD,
        }),
        await send(t.app, "PATCH", `/api/v1/users/${id}`, h, { displayName: "改名" }),
        await send(t.app, "POST", `/api/v1/users/${id}/grants`, h, { role: "admin" }),
        await send(t.app, "DELETE", `/api/v1/grants/${grantId}`, h),
      ]) {
        expect([res.statusCode, errorCode(res)]).toEqual([403, "forbidden"]);
      }
      const signedOut = await send(t.app, "GET", "/api/v1/users", {});
      expect(signedOut.statusCode).toBe(401);
    });

    it("creates an account linked to a person without ever echoing the password, and lists accounts", async () => {
      const person = await send(t.app, "POST", "/api/v1/orgs/depA1/people", admin.headers, { name: "李明" });
      const personId = person.json<{ id: string }>().id;
      const created = await send(t.app, "POST", "/api/v1/users", admin.headers, {
        login: "Li.Ming",
        displayName: "李明",
        orgId: "unitA",
        personId,
        role: "unit_office",
        password: TEST_PASSWORD,
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.json()).toMatchObject({
        user: { login: "li.ming", orgId: "unitA", personId, disabled: false, version: 1 },
        grants: [{ role: "unit_office", orgId: "unitA", roleLabel: "单位整改办" }],
      });
      expect(created.body).not.toContain(TEST_PASSWORD);
      expect(created.body).not.toContain("argon2");
      await signIn(t.app, "li.ming", TEST_PASSWORD);

      const taken = await send(t.app, "POST", "/api/v1/users", admin.headers, {
        login: "LI.MING",
        displayName: "李明",
        orgId: "unitA",
        password: TEST_PASSWORD,
      });
      expect([taken.statusCode, errorCode(taken)]).toEqual([409, "login_taken"]);
      const weak = await send(t.app, "POST", "/api/v1/users", admin.headers, {
        login: "weak",
        displayName: "弱",
        orgId: "unitA",
        password: "short",
      });
      expect([weak.statusCode, errorCode(weak)]).toEqual([400, "password_too_weak"]);
      expect(weak.body).not.toContain("short");
      const noPassword = await send(t.app, "POST", "/api/v1/users", admin.headers, {
        login: "nopw",
        displayName: "无",
        orgId: "unitA",
      });
      expect([noPassword.statusCode, errorCode(noPassword)]).toEqual([400, "invalid_input"]);
      const foreignPerson = await send(t.app, "POST", "/api/v1/users", admin.headers, {
        login: "other",
        displayName: "他",
        orgId: "unitB",
        personId,
        password: TEST_PASSWORD,
      });
      expect([foreignPerson.statusCode, errorCode(foreignPerson)]).toEqual([404, "person_not_found"]);

      const list = await send(t.app, "GET", "/api/v1/users", { cookie: admin.cookie });
      expect(list.statusCode).toBe(200);
      const items = list.json<{ items: Array<UserBody & { grants: unknown[] }> }>().items;
      expect(items.map((i) => i.user.login)).toEqual(["li.ming", "root"]);
      expect(list.body).not.toContain("password");
    });

    it("changes an account only with a current If-Match, answering the new ETag", async () => {
      await signedInUser(t, "li.ming", { role: "viewer", orgId: "unitA" });
      const id = await userIdOf("li.ming");
      const url = `/api/v1/users/${id}`;
      const read = await send(t.app, "GET", url, { cookie: admin.cookie });
      expect(read.headers.etag).toBe('"1"');

      const missing = await send(t.app, "PATCH", url, admin.headers, { displayName: "李明" });
      expect([missing.statusCode, errorCode(missing)]).toEqual([428, "precondition_required"]);
      const changed = await send(
        t.app,
        "PATCH",
        url,
        { ...admin.headers, "if-match": '"1"' },
        {
          displayName: "李明",
          orgId: "depA1",
        },
      );
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      expect(changed.json()).toMatchObject({ user: { displayName: "李明", orgId: "depA1", version: 2 } });

      const stale = await send(
        t.app,
        "PATCH",
        url,
        { ...admin.headers, "if-match": '"1"' },
        { displayName: "旧" },
      );
      expect([stale.statusCode, errorCode(stale)]).toEqual([409, "user_changed"]);
      expect((await t.deps.store.users.get({ kind: "all" }, id))?.displayName).toBe("李明");

      const garbled = await send(
        t.app,
        "PATCH",
        url,
        { ...admin.headers, "if-match": "*" },
        { displayName: "x" },
      );
      expect(garbled.statusCode).toBe(400);
      const nothing = await send(t.app, "PATCH", url, { ...admin.headers, "if-match": '"2"' }, {});
      expect([nothing.statusCode, errorCode(nothing)]).toEqual([400, "invalid_input"]);
      const unknownField = await send(
        t.app,
        "PATCH",
        url,
        { ...admin.headers, "if-match": '"2"' },
        { login: "x" },
      );
      expect(unknownField.statusCode).toBe(400);
      const unknown = await send(
        t.app,
        "PATCH",
        "/api/v1/users/usr-nope",
        { ...admin.headers, "if-match": '"1"' },
        {
          displayName: "x",
        },
      );
      expect([unknown.statusCode, errorCode(unknown)]).toEqual([404, "user_not_found"]);
      const noOrg = await send(
        t.app,
        "PATCH",
        url,
        { ...admin.headers, "if-match": '"2"' },
        { orgId: "nope" },
      );
      expect([noOrg.statusCode, errorCode(noOrg)]).toEqual([404, "org_not_found"]);
    });

    it("signs a disabled account out (its old cookie gets 401) and lets it in again once enabled", async () => {
      const user = await signedInUser(t, "li.ming", { role: "unit_office", orgId: "unitA" });
      const id = await userIdOf("li.ming");
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: user.cookie })).statusCode).toBe(200);
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
      expect(disabled.json<UserBody>().user.disabled).toBe(true);
      const old = await send(t.app, "GET", "/api/v1/session", { cookie: user.cookie });
      expect([old.statusCode, errorCode(old)]).toEqual([401, "unauthenticated"]);
      const again = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { login: "li.ming", password: TEST_PASSWORD },
      });
      expect(again.statusCode).toBe(401);

      const enabled = await send(
        t.app,
        "PATCH",
        `/api/v1/users/${id}`,
        { ...admin.headers, "if-match": '"2"' },
        {
          disabled: false,
        },
      );
      expect(enabled.statusCode).toBe(200);
      const back = await signIn(t.app, "li.ming", TEST_PASSWORD);
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: back.cookie })).statusCode).toBe(200);
      // The old cookie stays dead.
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: user.cookie })).statusCode).toBe(401);
    });

    it("never disables the last enabled admin", async () => {
      const rootId = await userIdOf("root");
      const self = await send(
        t.app,
        "PATCH",
        `/api/v1/users/${rootId}`,
        { ...admin.headers, "if-match": '"1"' },
        {
          disabled: true,
        },
      );
      expect([self.statusCode, errorCode(self)]).toEqual([409, "last_admin"]);

      const second = await signedInUser(t, "root2", { role: "admin", orgId: null });
      const second2Id = await userIdOf("root2");
      const first = await send(
        t.app,
        "PATCH",
        `/api/v1/users/${second2Id}`,
        {
          ...admin.headers,
          "if-match": '"1"',
        },
        { disabled: true },
      );
      expect(first.statusCode).toBe(200);
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: second.cookie })).statusCode).toBe(401);
      const last = await send(
        t.app,
        "PATCH",
        `/api/v1/users/${rootId}`,
        { ...admin.headers, "if-match": '"1"' },
        {
          disabled: true,
        },
      );
      expect([last.statusCode, errorCode(last)]).toEqual([409, "last_admin"]);
      // A rename of the last admin is fine.
      const renamed = await send(
        t.app,
        "PATCH",
        `/api/v1/users/${rootId}`,
        { ...admin.headers, "if-match": '"1"' },
        {
          displayName: "管理员",
        },
      );
      expect(renamed.statusCode).toBe(200);
    });

    it("lets only one of two admins disabling each other at the same moment succeed", async () => {
      const other = await signedInUser(t, "root2", { role: "admin", orgId: null });
      const rootId = await userIdOf("root");
      const otherId = await userIdOf("root2");
      const disable = (who: SignedInUser, id: string) =>
        send(
          t.app,
          "PATCH",
          `/api/v1/users/${id}`,
          { ...who.headers, "if-match": '"1"' },
          { disabled: true },
        );
      const answers = await Promise.all([disable(admin, otherId), disable(other, rootId)]);
      const outcomes = answers.map((res) => (res.statusCode === 200 ? "ok" : errorCode(res)));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
      // The loser is refused as the last admin, or (its own session just ended) as signed out.
      expect(["last_admin", "unauthenticated"]).toContain(outcomes.find((o) => o !== "ok"));
      expect(await t.deps.store.grants.countEnabledHolders("admin")).toBe(1);

      // The same race straight through the use case, a few times, without HTTP in between.
      const callerOf = async (login: string) => {
        const user = (await t.deps.store.users.findByLogin(login))!;
        return { user, grants: await t.deps.store.grants.listByUser(user.id) };
      };
      for (let round = 0; round < 5; round += 1) {
        await signedInUser(t, `race.a${round}`, { role: "admin", orgId: null });
        await signedInUser(t, `race.b${round}`, { role: "admin", orgId: null });
        const [a, b] = [await callerOf(`race.a${round}`), await callerOf(`race.b${round}`)];
        // Leave a and b as the only enabled admins.
        for (const { user } of await listUsers(t.deps, a)) {
          if (user.disabled || user.id === a.user.id || user.id === b.user.id) continue;
          await updateUser(t.deps, a, {
            userId: user.id,
            expectedVersion: user.version,
            change: { disabled: true },
          });
        }
        expect(await t.deps.store.grants.countEnabledHolders("admin")).toBe(2);
        const results = await Promise.allSettled([
          updateUser(t.deps, a, { userId: b.user.id, expectedVersion: 1, change: { disabled: true } }),
          updateUser(t.deps, b, { userId: a.user.id, expectedVersion: 1, change: { disabled: true } }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
        const refusal = results.find((r) => r.status === "rejected");
        expect((refusal?.reason as { code?: string }).code).toBe("last_admin");
        expect(await t.deps.store.grants.countEnabledHolders("admin")).toBe(1);
      }
    });

    it("grants and revokes roles by account id", async () => {
      const user = await signedInUser(t, "li.ming", { role: "viewer", orgId: "unitA" });
      const id = await userIdOf("li.ming");
      const granted = await send(t.app, "POST", `/api/v1/users/${id}/grants`, admin.headers, {
        role: "unit_office",
        orgId: "unitB",
      });
      expect(granted.statusCode, granted.body).toBe(201);
      const grant = granted.json<{ id: string; role: string; roleLabel: string }>();
      expect(grant).toMatchObject({ role: "unit_office", orgId: "unitB", roleLabel: "单位整改办" });
      expect((await listOrgs(user)).items.map((o) => o.id)).toEqual(["unitA", "depA1", "depA1x", "unitB"]);

      const twice = await send(t.app, "POST", `/api/v1/users/${id}/grants`, admin.headers, {
        role: "unit_office",
        orgId: "unitB",
      });
      expect([twice.statusCode, errorCode(twice)]).toEqual([409, "grant_exists"]);
      const noOrg = await send(t.app, "POST", `/api/v1/users/${id}/grants`, admin.headers, {
        role: "viewer",
      });
      expect([noOrg.statusCode, errorCode(noOrg)]).toEqual([400, "invalid_input"]);
      const unknownUser = await send(t.app, "POST", "/api/v1/users/usr-nope/grants", admin.headers, {
        role: "viewer",
        orgId: "unitA",
      });
      expect([unknownUser.statusCode, errorCode(unknownUser)]).toEqual([404, "user_not_found"]);

      const revoked = await send(t.app, "DELETE", `/api/v1/grants/${grant.id}`, admin.headers);
      expect(revoked.statusCode).toBe(204);
      expect((await listOrgs(user)).items.map((o) => o.id)).toEqual(["unitA", "depA1", "depA1x"]);
      const gone = await send(t.app, "DELETE", `/api/v1/grants/${grant.id}`, admin.headers);
      expect([gone.statusCode, errorCode(gone)]).toEqual([404, "grant_not_found"]);
      const lastAdminGrant = (await t.deps.store.grants.listByUser(await userIdOf("root")))[0]!;
      const last = await send(t.app, "DELETE", `/api/v1/grants/${lastAdminGrant.id}`, admin.headers);
      expect([last.statusCode, errorCode(last)]).toEqual([409, "last_admin"]);
    });
  });

  describe("own password", () => {
    it("changes the caller's password with the current one and signs out their other sessions", async () => {
      const here = await signedInUser(t, "li.ming", { role: "viewer", orgId: "unitA" });
      const elsewhere = await signIn(t.app, "li.ming", TEST_PASSWORD);
      const url = "/api/v1/session/password";
      const wrong = await send(t.app, "PUT", url, here.headers, {
        currentPassword: "not-the-password",
        newPassword: "Another-pass-2026",
      });
      expect([wrong.statusCode, errorCode(wrong)]).toEqual([400, "password_incorrect"]);
      const weak = await send(t.app, "PUT", url, here.headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: "weak",
      });
      expect([weak.statusCode, errorCode(weak)]).toEqual([400, "password_too_weak"]);
      const noCsrf = await send(
        t.app,
        "PUT",
        url,
        { cookie: here.cookie },
        {
          currentPassword: TEST_PASSWORD,
          newPassword: "Another-pass-2026",
        },
      );
      expect([noCsrf.statusCode, errorCode(noCsrf)]).toEqual([403, "csrf_token_invalid"]);

      const changed = await send(t.app, "PUT", url, here.headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: "Another-pass-2026",
      });
      expect(changed.statusCode, changed.body).toBe(204);
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: here.cookie })).statusCode).toBe(200);
      expect((await send(t.app, "GET", "/api/v1/session", { cookie: elsewhere.cookie })).statusCode).toBe(
        401,
      );
      await signIn(t.app, "li.ming", "Another-pass-2026");
      const old = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { login: "li.ming", password: TEST_PASSWORD },
      });
      expect(old.statusCode).toBe(401);

      // An admin gives the current password too.
      const adminWrong = await send(t.app, "PUT", url, admin.headers, {
        currentPassword: "nope",
        newPassword: "Another-pass-2026",
      });
      expect(adminWrong.statusCode).toBe(400);
    });

    it("counts wrong current passwords as failed sign-ins and locks the account after five", async () => {
      const here = await signedInUser(t, "li.ming", { role: "viewer", orgId: "unitA" });
      const change = (currentPassword: string) =>
        send(t.app, "PUT", "/api/v1/session/password", here.headers, {
          currentPassword,
          newPassword: "Another-pass-2026",
        });
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => change(`wrong-${i}`)));
      const codes = answers.map(errorCode);
      expect(codes.filter((c) => c === "password_incorrect")).toHaveLength(5);
      expect(codes.filter((c) => c === "sign_in_locked")).toHaveLength(3);
      const right = await change(TEST_PASSWORD);
      expect([right.statusCode, errorCode(right)]).toEqual([429, "sign_in_locked"]);
      const signInNow = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { login: "li.ming", password: TEST_PASSWORD },
      });
      expect(signInNow.statusCode).toBe(429);
      t.clock.advanceMinutes(16);
      const fresh = await signIn(t.app, "li.ming", TEST_PASSWORD);
      const changed = await send(t.app, "PUT", "/api/v1/session/password", fresh.headers, {
        currentPassword: TEST_PASSWORD,
        newPassword: "Another-pass-2026",
      });
      expect(changed.statusCode).toBe(204);
    });
  });
});
