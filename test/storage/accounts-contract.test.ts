// Storage contract of accounts on both databases: users (scoped by their org's path, login unique in any case),
// the sign-in facts kept apart, grants, and sessions keyed by a token hash.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { User } from "../../src/domain/account.ts";
import { SCOPE_ALL, scopeOf } from "../../src/domain/scope.ts";
import type { Session, Store } from "../../src/storage/store.ts";
import { testDatabases } from "../support/test-stores.ts";

const NOW = "2026-01-05T08:00:00.000Z";

const makeUser = (over: Partial<User> = {}): User => ({
  id: "usr1",
  login: "li.ming",
  displayName: "李明",
  orgId: "unitA",
  personId: null,
  disabled: false,
  version: 1,
  ...over,
});

const makeSession = (over: Partial<Session> = {}): Session => ({
  id: "a".repeat(64),
  userId: "usr1",
  csrfTokenHash: "c".repeat(64),
  createdAt: NOW,
  lastSeenAt: NOW,
  expiresAt: "2026-01-05T20:00:00.000Z",
  revoked: false,
  ...over,
});

describe.each(testDatabases)("accounts storage on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    await store.orgs.insertMany([
      { id: "ovs", parentId: null, kind: "oversight", name: "市委巡察办", path: "/ovs/" },
      { id: "unitA", parentId: "ovs", kind: "unit", name: "市文联党组", path: "/ovs/unitA/" },
      { id: "unitB", parentId: "ovs", kind: "unit", name: "市科协党组", path: "/ovs/unitB/" },
    ]);
  });
  afterEach(async () => cleanup());

  it("stores a user, finds it by login in any case and shows it only inside its org's subtree", async () => {
    await store.users.insert(makeUser({ login: "Li.Ming" }), "$argon2id$stub", NOW);
    await store.users.insert(makeUser({ id: "usr2", login: "wang", orgId: "unitB" }), "$argon2id$x", NOW);
    await store.users.insert(makeUser({ id: "usr3", login: "admin", orgId: null }), "$argon2id$y", NOW);

    expect(await store.users.findByLogin("LI.MING")).toEqual(makeUser());
    expect(await store.users.get(scopeOf(["/ovs/unitA/"]), "usr1")).toEqual(makeUser());
    expect(await store.users.get(scopeOf(["/ovs/unitA/"]), "usr2")).toBeUndefined();
    expect((await store.users.list(scopeOf(["/ovs/"]))).map((u) => u.login)).toEqual(["li.ming", "wang"]);
    expect((await store.users.list(SCOPE_ALL)).map((u) => u.login)).toEqual(["admin", "li.ming", "wang"]);
    expect(await store.users.count()).toBe(3);
    // The account never carries its hash; only credentials() reads it.
    expect(JSON.stringify(await store.users.list(SCOPE_ALL))).not.toContain("argon2");
    expect((await store.users.credentials("usr1"))?.passwordHash).toBe("$argon2id$stub");
  });

  it("refuses a second account with the same login, whatever its case", async () => {
    await store.users.insert(makeUser(), "h", NOW);
    await expect(store.users.insert(makeUser({ id: "usr2", login: "LI.MING" }), "h", NOW)).rejects.toThrow();
    expect(await store.users.count()).toBe(1);
  });

  it("changes a password only at the expected version, clearing failures and lock", async () => {
    await store.users.insert(makeUser(), "old", NOW);
    expect(await store.users.countSignInAttempt("usr1")).toBe(1);
    expect(await store.users.countSignInAttempt("usr1")).toBe(2);
    expect(await store.users.credentials("usr1")).toMatchObject({ failedLogins: 2, lockedUntil: null });
    await store.users.lockLogin("usr1", "2026-01-05T08:15:00.000Z");
    expect(await store.users.credentials("usr1")).toMatchObject({
      failedLogins: 2,
      lockedUntil: "2026-01-05T08:15:00.000Z",
    });
    await store.users.endLock("usr1", "2026-01-05T08:00:00.000Z"); // another lock: left alone
    expect((await store.users.credentials("usr1"))?.failedLogins).toBe(2);
    await store.users.endLock("usr1", "2026-01-05T08:15:00.000Z");
    expect(await store.users.credentials("usr1")).toMatchObject({ failedLogins: 0, lockedUntil: null });
    await store.users.lockLogin("usr1", "2026-01-05T08:15:00.000Z");

    expect(await store.users.setPasswordHash("usr1", 2, "new")).toBe(false);
    expect(await store.users.setPasswordHash("usr1", 1, "new")).toBe(true);
    expect(await store.users.credentials("usr1")).toEqual({
      userId: "usr1",
      passwordHash: "new",
      failedLogins: 0,
      lockedUntil: null,
    });
    expect((await store.users.findByLogin("li.ming"))?.version).toBe(2);

    await store.users.countSignInAttempt("usr1");
    await store.users.clearFailedLogins("usr1");
    expect((await store.users.credentials("usr1"))?.failedLogins).toBe(0);
  });

  it("keeps grants per user, deletes one and counts them by role", async () => {
    await store.users.insert(makeUser(), "h", NOW);
    await store.grants.insert({ id: "g2", userId: "usr1", role: "viewer", orgId: "unitB" }, NOW);
    await store.grants.insert({ id: "g1", userId: "usr1", role: "unit_office", orgId: "unitA" }, NOW);
    await store.grants.insert({ id: "g0", userId: "usr1", role: "admin", orgId: null }, NOW);

    expect((await store.grants.listByUser("usr1")).map((g) => [g.role, g.orgId])).toEqual([
      ["admin", null],
      ["unit_office", "unitA"],
      ["viewer", "unitB"],
    ]);
    expect(await store.grants.get("g1")).toEqual({
      id: "g1",
      userId: "usr1",
      role: "unit_office",
      orgId: "unitA",
    });
    expect(await store.grants.countByRole("admin")).toBe(1);
    expect(await store.grants.delete("g1")).toBe(true);
    expect(await store.grants.delete("g1")).toBe(false);
    expect(await store.grants.get("g1")).toBeUndefined();
  });

  it("reads a session with its account and the account's grants in order, and none for an unknown token", async () => {
    await store.users.insert(makeUser(), "h", NOW);
    await store.users.insert(makeUser({ id: "usr2", login: "wang" }), "h", NOW);
    await store.grants.insert({ id: "g2", userId: "usr1", role: "viewer", orgId: "unitB" }, NOW);
    await store.grants.insert({ id: "g1", userId: "usr1", role: "unit_office", orgId: "unitA" }, NOW);
    await store.grants.insert({ id: "g3", userId: "usr2", role: "viewer", orgId: "unitA" }, NOW);
    await store.sessions.insert(makeSession());
    await store.sessions.insert(makeSession({ id: "b".repeat(64), userId: "usr2", revoked: true }));

    const found = await store.sessions.withAccount("a".repeat(64));
    expect(found).toEqual({
      session: makeSession(),
      user: makeUser(),
      grants: await store.grants.listByUser("usr1"),
    });
    expect(found?.grants.map((g) => g.id)).toEqual(["g1", "g2"]);
    expect((await store.sessions.withAccount("b".repeat(64)))?.session.revoked).toBe(true);
    expect(await store.sessions.withAccount("e".repeat(64))).toBeUndefined();
  });

  it("reads a session of an account without grants with an empty list of grants", async () => {
    await store.users.insert(makeUser({ disabled: true }), "h", NOW);
    await store.sessions.insert(makeSession());
    expect(await store.sessions.withAccount("a".repeat(64))).toEqual({
      session: makeSession(),
      user: makeUser({ disabled: true }),
      grants: [],
    });
  });

  it("stores sessions by token hash, touches, revokes one and all of a user's", async () => {
    await store.users.insert(makeUser(), "h", NOW);
    await store.sessions.insert(makeSession());
    await store.sessions.insert(makeSession({ id: "b".repeat(64) }));
    await store.sessions.insert(makeSession({ id: "d".repeat(64) }));

    await store.sessions.touch("a".repeat(64), "2026-01-05T08:10:00.000Z");
    expect(await store.sessions.get("a".repeat(64))).toEqual(
      makeSession({ lastSeenAt: "2026-01-05T08:10:00.000Z" }),
    );
    expect(await store.sessions.revoke("b".repeat(64))).toBe(true);
    expect(await store.sessions.revoke("b".repeat(64))).toBe(false);
    expect(await store.sessions.revokeAllForUser("usr1")).toBe(2);
    expect((await store.sessions.get("a".repeat(64)))?.revoked).toBe(true);
    expect(await store.sessions.get("e".repeat(64))).toBeUndefined();
  });
});
