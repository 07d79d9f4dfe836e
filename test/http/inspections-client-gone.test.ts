// A list request whose client closes the connection mid-way starts no further query and sends no answer.

import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLedger } from "../../src/app/create-ledger.ts";
import { SYSTEM_ACTOR } from "../../src/app/deps.ts";
import { buildApp } from "../../src/http/build-app.ts";
import type { Repositories, Store } from "../../src/storage/store.ts";
import { makeLedger } from "../support/ledger-builders.ts";
import { testDatabases } from "../support/test-stores.ts";
import { sessionTestDeps, signedInUser } from "./http-test-app.ts";

/** A store whose inspection page waits for `release` and which records whether tallies were asked for. */
function gatedStore(store: Store) {
  let release = () => {};
  let reached = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const pageReached = new Promise<void>((resolve) => (reached = resolve));
  const calls = { tallies: 0 };
  const gated = (tx: Repositories): Repositories => ({
    ...tx,
    inspections: {
      ...tx.inspections,
      page: async (...args) => {
        reached();
        await gate;
        return tx.inspections.page(...args);
      },
    },
    statistics: {
      ...tx.statistics,
      problemTallies: async (...args) => {
        calls.tallies += 1;
        return tx.statistics.problemTallies(...args);
      },
    },
  });
  const wrapped: Store = { ...store, snapshot: (work) => store.snapshot((tx) => work(gated(tx))) };
  return { store: wrapped, release, pageReached, calls };
}

describe("a list request whose client has gone", () => {
  let cleanup: () => Promise<void>;
  afterEach(async () => cleanup());

  let gated: ReturnType<typeof gatedStore>;
  let port: number;
  let cookie: string;
  beforeEach(async () => {
    const opened = await testDatabases[0]!.open();
    gated = gatedStore(opened.store);
    const deps = sessionTestDeps(gated.store);
    const app = buildApp(deps, { checkAnswers: true });
    await createLedger(deps, SYSTEM_ACTOR, makeLedger());
    cookie = (await signedInUser({ app, deps }, "root", { role: "admin", orgId: null })).cookie;
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as AddressInfo).port;
    cleanup = async () => {
      await app.close();
      await opened.cleanup();
    };
  });

  it("does not count the page's inspections once the connection closed", async () => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/api/v1/inspections", headers: { cookie } });
    let answered = false;
    req.on("response", () => (answered = true));
    req.on("error", () => {});
    req.end();
    await gated.pageReached;
    req.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gated.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gated.calls.tallies).toBe(0);
    expect(answered).toBe(false);
  });

  it("counts them when the client stays", async () => {
    gated.release();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/inspections`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(1);
    expect(gated.calls.tallies).toBe(1);
  });
});
