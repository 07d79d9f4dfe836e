// Resolving a session cookie on both databases: the caller with its grants, the idle timeout counted from the last
// recorded use, last_seen_at written at most once a minute, and no caller for a disabled account.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Deps } from "../../src/app/deps.ts";
import { resolveSession } from "../../src/app/resolve-session.ts";
import { tokenDigest } from "../../src/app/token-digest.ts";
import type { Store } from "../../src/storage/store.ts";
import { testDatabases, testDeps } from "../support/test-stores.ts";

const TOKEN = "session-token-of-li-ming";
const SIGNED_IN = Date.parse("2026-01-05T08:00:00.000Z");
const TIMEOUTS = { idleMinutes: 30, absoluteHours: 12 };

describe.each(testDatabases)("resolving a session on $name", (database) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let at = SIGNED_IN;
  let deps: Deps;

  const after = (seconds: number) => {
    at = SIGNED_IN + seconds * 1000;
  };
  const lastSeen = async () => (await store.sessions.get(tokenDigest(TOKEN)))?.lastSeenAt;

  beforeEach(async () => {
    ({ store, cleanup } = await database.open());
    at = SIGNED_IN;
    deps = {
      ...testDeps(store),
      clock: { now: () => new Date(at).toISOString(), today: () => "2026-01-05" },
    };
    await store.orgs.insert({
      id: "unitA",
      parentId: null,
      kind: "unit",
      name: "市文联党组",
      path: "/unitA/",
    });
    const li = { id: "usr1", login: "li.ming", displayName: "李明", orgId: "unitA", personId: null };
    await store.users.insert({ ...li, disabled: false, version: 1 }, "h", deps.clock.now());
    await store.grants.insert(
      { id: "g1", userId: "usr1", role: "unit_office", orgId: "unitA" },
      deps.clock.now(),
    );
    await store.sessions.insert({
      id: tokenDigest(TOKEN),
      userId: "usr1",
      csrfTokenHash: "c".repeat(64),
      createdAt: deps.clock.now(),
      lastSeenAt: deps.clock.now(),
      expiresAt: new Date(SIGNED_IN + 12 * 3600_000).toISOString(),
      revoked: false,
    });
  });
  afterEach(async () => cleanup());

  it("answers the account with its grants, and nothing for an unknown token", async () => {
    const resolved = await resolveSession(deps, TOKEN, TIMEOUTS);
    expect(resolved?.caller.user.login).toBe("li.ming");
    expect(resolved?.caller.grants).toEqual([
      { id: "g1", userId: "usr1", role: "unit_office", orgId: "unitA" },
    ]);
    expect(resolved?.session.id).toBe(tokenDigest(TOKEN));
    expect(await resolveSession(deps, "another-token", TIMEOUTS)).toBeNull();
  });

  it("writes last_seen_at only when it is a minute old or more", async () => {
    after(59);
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).not.toBeNull();
    expect(await lastSeen()).toBe(new Date(SIGNED_IN).toISOString());
    after(60);
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).not.toBeNull();
    expect(await lastSeen()).toBe(new Date(SIGNED_IN + 60_000).toISOString());
  });

  it("ends the session 30 minutes after its last recorded use, and a use before that keeps it", async () => {
    after(29 * 60);
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).not.toBeNull();
    after(29 * 60 + 30 * 60 - 1);
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).not.toBeNull();
    // Used 1 s before its end: recorded, so idle time counts again from there.
    after(29 * 60 + 30 * 60 - 1 + 30 * 60);
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).toBeNull();
    expect(await lastSeen()).toBe(new Date(SIGNED_IN + (59 * 60 - 1) * 1000).toISOString());
  });

  it("answers no caller once the account is disabled or the session revoked", async () => {
    await store.users.update("usr1", 1, {
      displayName: "李明",
      orgId: "unitA",
      personId: null,
      disabled: true,
    });
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).toBeNull();
    await store.users.update("usr1", 2, {
      displayName: "李明",
      orgId: "unitA",
      personId: null,
      disabled: false,
    });
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).not.toBeNull();
    await store.sessions.revoke(tokenDigest(TOKEN));
    expect(await resolveSession(deps, TOKEN, TIMEOUTS)).toBeNull();
  });
});
